import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** A secret for a link: 32 random bytes, base64url (43 characters). */
export function newLinkToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What is stored for an invitation token: its SHA-256, hex. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * The public origin for links in emails and API answers: APP_URL (or AUTH_URL) when set,
 * else the origin the request came to. X-Forwarded-Host/Proto count only behind a
 * trusted proxy (TRUST_PROXY, as for client IPs).
 */
export function publicOrigin(request: Request, env: Record<string, string | undefined> = process.env): string {
  const configured = env.APP_URL ?? env.AUTH_URL;
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // fall through to the request's origin
    }
  }
  const url = new URL(request.url);
  const trusted = Boolean(env.TRUST_PROXY && !["0", "false", "no"].includes(env.TRUST_PROXY.trim().toLowerCase()));
  const forwardedHost = trusted ? request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  const forwardedProto = trusted ? request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() : undefined;
  const host = forwardedHost || request.headers.get("host") || url.host;
  const proto =
    forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : url.protocol.replace(":", "");
  return `${proto}://${host}`;
}
