import "server-only";

/** True for a unique-constraint violation (P2002) from either provider's adapter. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";
}
