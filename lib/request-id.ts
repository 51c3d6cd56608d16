/** The header that carries a request's id, in and out. */
export const REQUEST_ID_HEADER = "x-request-id";

/** What we accept from a client or load balancer: short, plain characters (safe to log). */
const SANE_ID = /^[A-Za-z0-9._:@-]{6,128}$/;

/**
 * The id of this request: the incoming `x-request-id` when it looks like an id (a load
 * balancer's, so one request can be followed across hops), else a fresh UUID.
 */
export function requestIdFrom(headers: Headers): string {
  const incoming = headers.get(REQUEST_ID_HEADER)?.trim();
  return incoming && SANE_ID.test(incoming) ? incoming : crypto.randomUUID();
}
