/**
 * Operations, on a production server of this spec's own (the suite's build, the suite's
 * database, a free port), started with settings the shared server must not have:
 *  - TRUST_PROXY=1 with low per-address limits: the sign-in and sign-up limits per
 *    client address, and a forged X-Forwarded-For entry in front of the proxy's does
 *    not buy a fresh budget;
 *  - SIGTERM: an open event stream gets `bye` (reason "shutdown") and ends, and the
 *    process exits 0.
 * The tests run in order on one server (the last one stops it).
 */
import os from "node:os";
import path from "node:path";
import { randomInt } from "node:crypto";
import type { APIRequestContext, Browser } from "@playwright/test";
import { createTemplateMatrix } from "./fixtures/matrix";
import { expect, makeTeam, makeUser, signIn, test, uniqueEmail } from "./fixtures/test";
import { startAppServer } from "../scripts/lib/app-server.mjs";
import { getFreePort } from "../scripts/lib/free-port.mjs";

interface AppServer {
  url: string;
  pid: number;
  exited: { code: number | null; signal: string | null } | null;
  waitReady(): Promise<unknown>;
  stop(): Promise<void>;
  logTail(n?: number): string;
}

const DATABASE_URL = process.env.E2E_DATABASE_URL;
const AUTH_SECRET = process.env.E2E_AUTH_SECRET;
// Playwright runs from the repository root (where playwright.config.ts and .next are).
const ROOT = process.cwd();

let server: AppServer;

test.describe.configure({ mode: "serial" });

test.describe("a server of its own", () => {
  test.skip(!DATABASE_URL || !AUTH_SECRET, "needs E2E_DATABASE_URL and E2E_AUTH_SECRET (scripts/test.mjs sets them)");

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    const port = (await getFreePort()) as number;
    server = startAppServer({
      root: ROOT,
      port,
      name: "operations",
      logFile: path.join(os.tmpdir(), `remit-operations-${port}.log`),
      env: {
        DATABASE_URL,
        AUTH_SECRET,
        AUTH_TRUST_HOST: "true",
        TRUST_PROXY: "1",
        REMIT_SIGNIN_LIMIT_PER_IP: "3",
        REMIT_SIGNUP_LIMIT_PER_IP: "2",
      },
    }) as AppServer;
    await server.waitReady();
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  /** A client address that no other run of this spec uses. */
  const address = () => `198.18.${randomInt(0, 256)}.${randomInt(1, 255)}`;

  async function attempt(request: APIRequestContext, forwardedFor: string) {
    const { csrfToken } = (await (await request.get(`${server.url}/api/auth/csrf`)).json()) as { csrfToken: string };
    return request.post(`${server.url}/api/auth/callback/credentials`, {
      form: { email: uniqueEmail(), password: "not the password", csrfToken },
      headers: { "x-forwarded-for": forwardedFor },
      maxRedirects: 0,
    });
  }

  test("sign-in attempts are limited per client address, and a forged X-Forwarded-For entry does not help", async ({
    request,
  }) => {
    const ip = address();
    // Three different accounts from one address: each a plain failure…
    for (let i = 0; i < 3; i++) expect((await attempt(request, ip)).status()).toBe(302);
    // …the fourth account from that address is refused.
    const refused = await attempt(request, ip);
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
    // The proxy appends the real address; whatever the client wrote before it is ignored.
    expect((await attempt(request, `10.9.8.7, ${ip}`)).status()).toBe(429);
    expect((await attempt(request, `${address()}, ${ip}`)).status()).toBe(429);
    // Another client of the proxy has its own budget.
    expect((await attempt(request, address())).status()).toBe(302);
  });

  test("sign-ups are limited per client address", async ({ browser }) => {
    const ip = address();
    const signUp = async (b: Browser) => {
      const ctx = await b.newContext({ baseURL: server.url, extraHTTPHeaders: { "x-forwarded-for": ip } });
      const page = await ctx.newPage();
      await page.goto("/sign-up");
      await page.getByLabel("Name").fill("Rate Limited");
      await page.getByLabel("Email").fill(uniqueEmail());
      await page.getByLabel("Password").fill("a long enough password");
      await page.getByRole("button", { name: /sign up|create account/i }).click();
      return { ctx, page };
    };
    for (let i = 0; i < 2; i++) {
      const { ctx, page } = await signUp(browser);
      await expect(page).not.toHaveURL(/\/sign-up/);
      await ctx.close();
    }
    const { ctx, page } = await signUp(browser);
    await expect(page.getByText(/^Too many attempts\. Try again in (60|59) minutes\.$/)).toBeVisible();
    await expect(page).toHaveURL(/\/sign-up/);
    await ctx.close();
  });

  test("SIGTERM ends an open event stream with bye (shutdown) and the process exits 0", async ({ browser }) => {
    test.setTimeout(60_000);
    const user = await makeUser();
    const team = await makeTeam(user);
    const ctx = await browser.newContext({ baseURL: server.url });
    const page = await ctx.newPage();
    await signIn(page, user);
    const matrixId = await createTemplateMatrix(ctx.request, team);
    const cookie = (await ctx.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");

    const res = await fetch(`${server.url}/api/v1/matrices/${matrixId}/events`, {
      headers: { cookie, accept: "text/event-stream" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBeTruthy();
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    const readUntil = async (done: (t: string) => boolean) => {
      while (!done(text)) {
        const chunk = await reader.read();
        if (chunk.done) return true;
        text += decoder.decode(chunk.value, { stream: true });
      }
      return false;
    };
    await readUntil((t) => t.includes("event: hello"));
    await ctx.close();

    process.kill(server.pid, "SIGTERM");
    const ended = await readUntil(() => false);
    expect(ended).toBe(true);
    expect(text).toMatch(/event: bye\ndata: \{"reason":"shutdown"\}/);

    await expect
      .poll(() => server.exited, { timeout: 30_000, message: `server did not exit; log:\n${server.logTail(30)}` })
      .not.toBeNull();
    expect(server.exited, server.logTail(30)).toMatchObject({ code: 0 });
    expect(server.logTail(200)).toContain('"msg":"shut down"');
  });
});
