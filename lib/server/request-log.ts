import "server-only";
import { logger } from "@/lib/server/logger";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/request-id";

export { requestIdFrom };

export interface RequestLogEntry {
  request: Request;
  requestId: string;
  status: number;
  startedAt: number;
  userId?: string | null;
}

/**
 * One JSON line per API request: method, path (never the query string or the body,
 * which may hold secrets), status, duration and the request id. For an event stream the
 * duration is the time to the first byte.
 */
export function logRequest(entry: RequestLogEntry, level: "info" | "debug" = "info"): void {
  const fields = {
    requestId: entry.requestId,
    method: entry.request.method,
    path: new URL(entry.request.url).pathname,
    status: entry.status,
    ms: Math.round((performance.now() - entry.startedAt) * 10) / 10,
    ...(entry.userId ? { userId: entry.userId } : {}),
  };
  if (level === "debug") logger.debug("request", fields);
  else logger.info("request", fields);
}

/** Sets `x-request-id` on a response (a fresh copy when its headers are immutable). */
export function withRequestId(response: Response, requestId: string): Response {
  try {
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.set(REQUEST_ID_HEADER, requestId);
    return copy;
  }
}

/**
 * Wraps a route handler that does not go through apiRoute (Auth.js, health checks):
 * request id in and out, one log line, and an unexpected error logged with the id.
 */
export function withRequestLog<A extends unknown[]>(
  handler: (request: Request, ...rest: A) => Promise<Response> | Response,
  opts: { level?: "info" | "debug" } = {},
): (request: Request, ...rest: A) => Promise<Response> {
  return async (request, ...rest) => {
    const startedAt = performance.now();
    const requestId = requestIdFrom(request.headers);
    try {
      const response = withRequestId(await handler(request, ...rest), requestId);
      logRequest({ request, requestId, status: response.status, startedAt }, opts.level);
      return response;
    } catch (err) {
      // Next.js control flow (redirect(), notFound()) is not an error: let it through.
      if (isNextControlFlow(err)) throw err;
      logger.error("request failed", { err, requestId, method: request.method, path: new URL(request.url).pathname });
      logRequest({ request, requestId, status: 500, startedAt });
      return withRequestId(
        Response.json(
          { error: { code: "INTERNAL", message: "Something went wrong on our side. Nothing was changed." } },
          { status: 500, headers: { "Cache-Control": "no-store" } },
        ),
        requestId,
      );
    }
  };
}

function isNextControlFlow(err: unknown): boolean {
  const digest = (err as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR"));
}
