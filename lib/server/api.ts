import "server-only";
import { z } from "zod";
import { AppError, isAppError } from "@/lib/server/errors";
import { fieldErrorsOf } from "@/lib/server/action";
import { getCurrentUser, type CurrentUser } from "@/lib/server/session";
import { logger } from "@/lib/server/logger";
import { resolveApiToken } from "@/lib/server/tokens/resolve-api-token";
import { bearerTokenOf } from "@/lib/tokens/token-format";
import { hasNul } from "@/lib/server/nul";
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

/** The Auth.js session cookie, plain or `__Secure-`, whole or chunked (`.0`, `.1`…). */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token(?:\.\d+)?=/;

function hasSessionCookie(request: Request): boolean {
  return SESSION_COOKIE.test(request.headers.get("cookie") ?? "");
}

interface Ctx<P> {
  request: Request;
  params: P;
  user: CurrentUser;
  /** How the caller authenticated: the browser's session cookie, or a personal access token. */
  via: "session" | "token";
}

interface ApiRouteOptions {
  /** Refuse personal access tokens (403): e.g. creating a token needs a signed-in session. */
  sessionOnly?: boolean;
}

/**
 * Wraps an /api/v1 route handler: authenticates by itself (401), refuses foreign
 * origins (403), turns coded errors into JSON with their status and anything else into
 * a 500 without internals.
 *
 * `Authorization: Bearer <token>` authenticates with a personal access token instead of
 * the cookie (the cookie is then ignored). Such a request carries no ambient credential,
 * so the Origin check does not apply to it, unless a session cookie rides along: then a
 * foreign Origin is refused all the same.
 */
export function apiRoute<P = Record<string, never>>(
  handler: (ctx: Ctx<P>) => Promise<Response>,
  options: ApiRouteOptions = {},
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const startedAt = performance.now();
    const requestId = requestIdFrom(request.headers);
    let userId: string | null = null;
    const done = (response: Response): Response => {
      logRequest({ request, requestId, status: response.status, startedAt, userId });
      return withRequestId(response, requestId);
    };
    try {
      const bearer = bearerTokenOf(request.headers.get("authorization"));
      if (isForeignOrigin(request) && (bearer === null || hasSessionCookie(request))) {
        return done(apiError(403, "FORBIDDEN", "Cross-site requests are not allowed."));
      }
      let user: CurrentUser | null;
      let via: Ctx<P>["via"];
      if (bearer !== null) {
        if (options.sessionOnly) {
          return done(apiError(403, "FORBIDDEN", "This needs a signed-in session; an API token cannot do it."));
        }
        const resolved = await resolveApiToken(bearer);
        if (!resolved.ok) {
          return done(
            Response.json({ error: { code: "UNAUTHENTICATED", message: resolved.message } } satisfies ApiErrorBody, {
              status: 401,
              headers: { "Cache-Control": "no-store", "WWW-Authenticate": 'Bearer error="invalid_token"' },
            }),
          );
        }
        user = resolved.user;
        via = "token";
      } else {
        user = await getCurrentUser();
        via = "session";
      }
      if (!user) return done(apiError(401, "UNAUTHENTICATED", "Sign in, or send a valid API token."));
      userId = user.id;
      const params = await context.params;
      // No id holds a NUL; PostgreSQL would fail on it (see lib/server/nul.ts).
      if (hasNul(params)) return done(apiError(404, "NOT_FOUND", "That was not found."));
      return done(await handler({ request, params, user, via }));
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
  if (hasNul(raw)) throw new AppError("INVALID_INPUT", "Text may not contain NUL (U+0000) characters.");
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError("INVALID_INPUT", "Some fields are not valid.", { fields: fieldErrorsOf(parsed.error) });
  }
  return parsed.data;
}
