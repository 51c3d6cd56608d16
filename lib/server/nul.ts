import "server-only";

/**
 * PostgreSQL text cannot hold U+0000: a NUL reaching a query is a driver error (a 500),
 * where SQLite would simply find nothing. Inputs are checked for it at the edges (route
 * parameters, JSON bodies, query strings, the authorization lookups) so such a request
 * is a 400 or a 404 on both databases.
 */
export function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (depth > 32 || value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some((v) => hasNul(v, depth + 1));
  return Object.entries(value).some(([k, v]) => k.includes("\u0000") || hasNul(v, depth + 1));
}
