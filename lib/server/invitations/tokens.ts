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
 * else the origin the request came to.
 */
export function publicOrigin(request?: Request | Headers): string {
  const configured = process.env.APP_URL ?? process.env.AUTH_URL;
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // fall through to the request's origin
    }
  }
  const headers = request instanceof Request ? request.headers : request;
  const host = headers?.get("x-forwarded-host") ?? headers?.get("host");
  if (host) {
    const proto =
      headers?.get("x-forwarded-proto") ??
      (request instanceof Request ? new URL(request.url).protocol.replace(":", "") : "http");
    return `${proto}://${host}`;
  }
  return request instanceof Request ? new URL(request.url).origin : "";
}
