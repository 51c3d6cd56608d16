import "server-only";
import { cookies, headers } from "next/headers";
import { decode } from "next-auth/jwt";

const COOKIE = "authjs.session-token";
const SECURE_COOKIE = `__Secure-${COOKIE}`;

/** The secrets Auth.js accepts (AUTH_SECRET, and AUTH_SECRET_1…3 while rotating). */
function secrets(): string[] {
  const env = process.env;
  return [env.AUTH_SECRET, env.AUTH_SECRET_1, env.AUTH_SECRET_2, env.AUTH_SECRET_3].filter((s): s is string => !!s);
}

/**
 * The user id and session version in this request's session cookie, or null — what
 * `auth()` returns for a session token, without Auth.js's whole request pipeline (which
 * also encodes a fresh token on every call: the costliest part of an API request).
 * The same checks: the token is decrypted with AUTH_SECRET under the cookie's name
 * (Auth.js's salt), and an expired one is refused. Behind HTTPS only the `__Secure-`
 * cookie counts, as with Auth.js. `undefined` when the cookie is chunked (a token too
 * big for one cookie; never the case for Remit's small tokens): ask Auth.js then.
 */
export async function readSessionToken(): Promise<{ userId: string; sessionVersion: number } | null | undefined> {
  const [jar, h] = await Promise.all([cookies(), headers()]);
  const secure = h.get("x-forwarded-proto") === "https";
  const name = secure ? SECURE_COOKIE : COOKIE;
  const token = jar.get(name)?.value;
  if (!token) return jar.has(`${name}.0`) ? undefined : null;
  const key = `${name}:${token}`;
  const known = decoded.get(key);
  if (known && known.expiresAt > Date.now()) return known.session;
  try {
    const payload = await decode({ token, secret: secrets(), salt: name });
    const uid = payload?.uid;
    if (typeof uid !== "string" || !uid) return null;
    const session = { userId: uid, sessionVersion: typeof payload?.sv === "number" ? payload.sv : 0 };
    remember(key, session, typeof payload?.exp === "number" ? payload.exp * 1000 : Date.now());
    return session;
  } catch {
    // Tampered, expired or signed with another secret: no session, as with auth().
    return null;
  }
}

/**
 * Tokens decrypted lately (a browser sends the same cookie with every request): the
 * payload of a given token never changes, so it is decrypted once, and used until the
 * token's own expiry. The session version is still checked against the database on
 * every request (session.ts), so signing out or a role change takes effect at once.
 */
const decoded = new Map<string, { session: { userId: string; sessionVersion: number }; expiresAt: number }>();
const MAX_DECODED = 1000;

function remember(key: string, session: { userId: string; sessionVersion: number }, expiresAt: number): void {
  decoded.delete(key);
  decoded.set(key, { session, expiresAt });
  if (decoded.size > MAX_DECODED) decoded.delete(decoded.keys().next().value!);
}
