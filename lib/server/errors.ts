/**
 * Coded errors. Use cases throw these; route handlers and actions turn them into
 * responses. Messages are written for people; internals (SQL, stack traces, Prisma
 * messages) never go in them.
 */
export type AppErrorCode =
  /** No valid session (401 for the API, a redirect for pages). */
  | "UNAUTHENTICATED"
  /** Signed in but the team role does not allow it (403). */
  | "FORBIDDEN"
  /** Missing, or belongs to a team the caller is not in (404: never reveal it exists). */
  | "NOT_FOUND"
  /** Input failed validation (400); `fields` holds per-field messages. */
  | "INVALID_INPUT"
  /** A write based on a stale version (409); `details` holds the current value. */
  | "CONFLICT"
  /** A unique value already taken, e.g. an email (409). */
  | "ALREADY_EXISTS"
  /** Too many attempts (429). */
  | "RATE_LIMITED"
  /** Request too large (413). */
  | "TOO_LARGE";

const STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  ALREADY_EXISTS: 409,
  RATE_LIMITED: 429,
  TOO_LARGE: 413,
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fields?: Record<string, string>;
  readonly details?: unknown;

  constructor(code: AppErrorCode, message: string, opts: { fields?: Record<string, string>; details?: unknown } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fields = opts.fields;
    this.details = opts.details;
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

export const notFound = (what = "That page") => new AppError("NOT_FOUND", `${what} was not found.`);
export const forbidden = (message = "Your role in this team does not allow that.") =>
  new AppError("FORBIDDEN", message);
