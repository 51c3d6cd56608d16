// HTTP helpers for the bench: sign in through Auth.js's credentials callback (as the
// sign-in form does), JSON calls with the session cookie, raw requests for sizes and
// compression. Loopback only: the base URL always comes from the server we started.
import http from "node:http";

/**
 * fetch, once more when a kept-alive connection turns out to be closed by the server
 * ("other side closed"): every call here is safe to repeat.
 * @param {string} url
 * @param {RequestInit} [init]
 */
export async function fetchRetry(url, init) {
  try {
    return await fetch(url, init);
  } catch (e) {
    const code = /** @type {any} */ (e)?.cause?.code;
    if (code !== "UND_ERR_SOCKET" && code !== "ECONNRESET") throw e;
    return fetch(url, init);
  }
}

/** @param {Response} res */
function cookiesOf(res) {
  return res.headers.getSetCookie().map((c) => c.split(";")[0] ?? "");
}

/**
 * Signs in and returns the cookies of the session, as a Cookie header and as pairs.
 * @param {string} base
 * @param {{ email: string, password: string }} user
 */
export async function signIn(base, user) {
  const csrfRes = await fetchRetry(`${base}/api/auth/csrf`);
  const { csrfToken } = /** @type {{ csrfToken: string }} */ (await csrfRes.json());
  const jar = cookiesOf(csrfRes);
  const res = await fetchRetry(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email: user.email, password: user.password, callbackUrl: `${base}/teams` }),
  });
  await res.arrayBuffer().catch(() => {});
  const session = cookiesOf(res).find((c) => c.includes("session-token="));
  if (!session) throw new Error(`sign-in failed (${res.status})`);
  const all = [...jar, session];
  return {
    header: all.join("; "),
    pairs: all.map((c) => {
      const i = c.indexOf("=");
      return { name: c.slice(0, i), value: c.slice(i + 1) };
    }),
  };
}

/**
 * @param {string} base
 * @param {string} path
 * @param {string} cookie
 * @param {RequestInit} [init]
 */
export async function api(base, path, cookie, init = {}) {
  const res = await fetchRetry(`${base}${path}`, {
    ...init,
    headers: { ...(init.body ? { "Content-Type": "application/json" } : {}), Cookie: cookie, ...(init.headers ?? {}) },
  });
  const text = await res.text();
  let body = null;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, text, body };
}

/**
 * A GET without any decoding: status, headers and the bytes as sent on the wire.
 * @param {string} url
 * @param {Record<string, string>} headers
 * @returns {Promise<{ status: number, headers: http.IncomingHttpHeaders, bytes: Buffer, ms: number }>}
 */
export function rawGet(url, headers) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.get(url, { headers, agent: false }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          bytes: Buffer.concat(chunks),
          ms: performance.now() - t0,
        }),
      );
      res.on("error", reject);
    });
    req.setTimeout(60_000, () => req.destroy(new Error(`timeout: ${url}`)));
    req.on("error", reject);
  });
}
