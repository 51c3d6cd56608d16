import { createHash, randomBytes } from "node:crypto";

/**
 * Personal access tokens: `remit_pat_` + 32 random bytes in base64url (43 characters).
 * Only the SHA-256 of the whole token is stored; the prefix (the fixed part and the
 * first 6 random characters) is kept so people can tell their tokens apart.
 */
export const TOKEN_PREFIX = "remit_pat_";
const TOKEN_PATTERN = /^remit_pat_[A-Za-z0-9_-]{43}$/;
const SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length + 6;

export function generateToken(): { token: string; tokenHash: string; prefix: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token), prefix: token.slice(0, SHOWN_PREFIX_LENGTH) };
}

/** SHA-256 hex: tokens carry 256 random bits, so a fast hash is enough (no salt, no KDF). */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** True when the string has the shape of a token (checked before any database lookup). */
export function isTokenShaped(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/**
 * The token from an `Authorization` header: "Bearer <token>" (scheme case-insensitive).
 * Returns null when there is no bearer header, "" when it is there but empty.
 */
export function bearerTokenOf(authorization: string | null): string | null {
  if (!authorization) return null;
  const match = /^\s*bearer(?:\s+(.*))?$/i.exec(authorization);
  if (!match) return null;
  return (match[1] ?? "").trim();
}
