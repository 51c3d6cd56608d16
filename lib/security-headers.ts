/**
 * Headers sent with every response. The CSP allows Next's inline bootstrap scripts
 * ('unsafe-inline' for scripts is needed without nonces; nonces would make every page
 * dynamic) but no third-party origin, no framing and no plugins.
 */
export function securityHeaders(): { key: string; value: string }[] {
  const isDev = process.env.NODE_ENV !== "production";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
  return [
    { key: "Content-Security-Policy", value: csp },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ];
}

/**
 * X-Forwarded-Proto values that mean the client came over HTTPS (the first entry is the
 * client-facing hop). Next matches `has` values as `^value$`.
 */
export const HTTPS_FORWARDED = "https(?:\\s*,.*)?";

/** HSTS: two years, subdomains included (no preload: that is a decision for the operator). */
export const HSTS_VALUE = "max-age=63072000; includeSubDomains";

type HeaderRule = {
  source: string;
  has?: { type: "header"; key: string; value?: string }[];
  headers: { key: string; value: string }[];
};

/**
 * The rules for next.config.ts `headers()`. They are compiled into the build, so the
 * HTTPS test is on the request, not on the environment: `next start` serves plain HTTP
 * and HTTPS ends at a reverse proxy, which says so in `X-Forwarded-Proto`. HSTS is sent
 * when that header says https. A client that forges the header on plain HTTP gains
 * nothing: browsers ignore Strict-Transport-Security received over HTTP (RFC 6797 §8.1).
 */
export function headerRules(): HeaderRule[] {
  return [
    { source: "/:path*", headers: securityHeaders() },
    {
      source: "/:path*",
      has: [{ type: "header", key: "x-forwarded-proto", value: HTTPS_FORWARDED }],
      headers: [{ key: "Strict-Transport-Security", value: HSTS_VALUE }],
    },
  ];
}
