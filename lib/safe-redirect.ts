/** A same-site path to return to after sign-in, or the fallback. Refuses absolute and protocol-relative URLs. */
export function safeCallbackPath(value: string | null | undefined, fallback = "/teams"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (value.startsWith("/sign-in") || value.startsWith("/sign-up") || value.startsWith("/api/")) return fallback;
  return value;
}
