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
  try {
    const payload = await decode({ token, secret: secrets(), salt: name });
    const uid = payload?.uid;
    if (typeof uid !== "string" || !uid) return null;
    return { userId: uid, sessionVersion: typeof payload?.sv === "number" ? payload.sv : 0 };
  } catch {
    // Tampered, expired or signed with another secret: no session, as with auth().
    return null;
  }
}
