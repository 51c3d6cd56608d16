import "server-only";
import { z } from "zod";
import { AppError, isAppError } from "@/lib/server/errors";
import { fieldErrorsOf } from "@/lib/server/action";
import { getCurrentUser, type CurrentUser } from "@/lib/server/session";
import { logger } from "@/lib/server/logger";
import { logRequest, requestIdFrom, withRequestId } from "@/lib/server/request-log";

/** The JSON error body of every /api/v1 endpoint. */
export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string>; details?: unknown };
}

export function apiError(status: number, code: string, message: string, extra: Partial<ApiErrorBody["error"]> = {}) {
  return Response.json({ error: { code, message, ...extra } } satisfies ApiErrorBody, {
    status,
    headers: { "Cache-Control": "no-store" },
  });
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses a state-changing request from another origin (or `Origin: null`). Browsers
 * send Origin on every cross-site POST/PUT/PATCH/DELETE; same-origin fetches match host.
 */
function isForeignOrigin(request: Request): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const origin = request.headers.get("origin");
  if (origin === null) return false; // non-browser clients (curl, integrations) send none
  if (origin === "null") return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

interface Ctx<P> {
  request: Request;
  params: P;
  user: CurrentUser;
}

/**
 * Wraps an /api/v1 route handler: authenticates by itself (401), refuses foreign
 * origins (403), turns coded errors into JSON with their status and anything else into
 * a 500 without internals.
 */
export function apiRoute<P = Record<string, never>>(handler: (ctx: Ctx<P>) => Promise<Response>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const startedAt = performance.now();
    const requestId = requestIdFrom(request.headers);
    let userId: string | null = null;
    const done = (response: Response): Response => {
      logRequest({ request, requestId, status: response.status, startedAt, userId });
      return withRequestId(response, requestId);
    };
    try {
      if (isForeignOrigin(request)) return done(apiError(403, "FORBIDDEN", "Cross-site requests are not allowed."));
      const user = await getCurrentUser();
      if (!user) return done(apiError(401, "UNAUTHENTICATED", "Sign in, or send a valid API token."));
      userId = user.id;
      return done(await handler({ request, params: await context.params, user }));
    } catch (e) {
      if (isAppError(e)) {
        return done(
          apiError(e.status, e.code, e.message, {
            ...(e.fields ? { fields: e.fields } : {}),
            ...(e.details !== undefined ? { details: e.details } : {}),
          }),
        );
      }
      logger.error("api request failed", {
        err: e,
        requestId,
        method: request.method,
        path: new URL(request.url).pathname,
        userId,
      });
      return done(apiError(500, "INTERNAL", "Something went wrong on our side. Nothing was changed."));
    }
  };
}

/** Parses a JSON body with a strict zod schema; a bad body is a 400 with per-field messages. */
export async function parseJson<T>(request: Request, schema: z.ZodType<T>, maxBytes = 1_000_000): Promise<T> {
  const text = await request.text();
  if (text.length > maxBytes) throw new AppError("TOO_LARGE", `The request body is larger than ${maxBytes} bytes.`);
  let raw: unknown;
  try {
    raw = text ? JSON.parse(text) : {};
  } catch {
    throw new AppError("INVALID_INPUT", "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError("INVALID_INPUT", "Some fields are not valid.", { fields: fieldErrorsOf(parsed.error) });
  }
  return parsed.data;
}
