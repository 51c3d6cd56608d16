/**
 * Small HTTP header rules (RFC 9110), pure: conditional requests.
 */

/** If-None-Match against an ETag, with the weak comparison a GET uses (`*` matches any). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (t: string) => t.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => t.trim() === "*" || opaque(t) === opaque(etag));
}
