import "server-only";

/**
 * The client's IP address for rate limits and the audit log. `X-Forwarded-For` and
 * `X-Real-IP` are set by whoever sends the request, so they are trusted only when
 * TRUST_PROXY says a proxy in front of Remit overwrites them: TRUST_PROXY=1 (or
 * "true") takes the right-most address of X-Forwarded-For, the one the nearest proxy
 * appended; TRUST_PROXY=N takes the N-th from the right (N proxies in a row).
 * Without it, the address is unknown to the app behind Next.js and every request
 * counts as "unknown" — per-account limits still apply.
 */
export function clientIp(headers: Headers, env: Record<string, string | undefined> = process.env): string {
  const hops = trustedHops(env.TRUST_PROXY);
  if (hops > 0) {
    const chain = (headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const ip = chain[chain.length - hops] ?? chain[0];
    if (ip) return ip.slice(0, 64);
    const real = headers.get("x-real-ip")?.trim();
    if (real) return real.slice(0, 64);
  }
  return "unknown";
}

function trustedHops(value: string | undefined): number {
  if (!value) return 0;
  const v = value.trim().toLowerCase();
  if (v === "true" || v === "yes") return 1;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 10) : 0;
}
