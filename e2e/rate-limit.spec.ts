/**
 * Sign-in rate limit on the suite's server (no TRUST_PROXY: client addresses are
 * unknown, so the per-account limit is what holds here; the per-address limit behind
 * a trusted proxy is in e2e/operations.spec.ts, on a server of its own). Defaults: 10
 * attempts per account per 15 minutes. Each test uses its own account.
 */
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { expect, makeUser, test } from "./fixtures/test";
import { testDb } from "./fixtures/db";

const WRONG = "That email and password do not match an account.";

/** One credentials sign-in through Auth.js's HTTP endpoint, as a script would. */
async function postCredentials(
  request: APIRequestContext,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<APIResponse> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, callbackUrl: "/teams" },
    headers,
    maxRedirects: 0,
  });
}

test.describe("sign-in rate limit", () => {
  test("the form refuses the 11th attempt on an account, even with the right password", async ({ page }) => {
    const user = await makeUser();
    await page.goto("/sign-in");
    for (let i = 1; i <= 10; i++) {
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(`wrong password ${i}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      // The form resets once the answer is in (React form actions): then the next try.
      await expect(page.getByLabel("Password")).toHaveValue("");
      await expect(page.getByText(WRONG)).toBeVisible();
    }
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText(/^Too many attempts\. Try again in 1[45] minutes\.$/)).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);

    const events = await testDb().auditEvent.findMany({
      where: { action: "auth.sign_in", actorEmail: user.email },
      orderBy: { id: "asc" },
    });
    expect(events.filter((e) => e.outcome === "failure")).toHaveLength(10);
    expect(events.filter((e) => e.outcome === "denied")).toHaveLength(1);
    expect(JSON.parse(events.at(-1)!.details ?? "{}")).toMatchObject({ reason: "rate_limited", scopes: ["account"] });
  });

  test("the HTTP endpoint answers 429 with Retry-After; a spoofed X-Forwarded-For changes nothing", async ({
    request,
  }) => {
    const user = await makeUser();
    for (let i = 1; i <= 10; i++) {
      // A different forged address each time: without TRUST_PROXY it is not believed.
      const res = await postCredentials(request, user.email, "not the password", {
        "x-forwarded-for": `203.0.113.${i}`,
      });
      expect(res.status(), `attempt ${i}`).toBe(302);
      expect(res.headers()["location"]).toContain("error=CredentialsSignin");
    }
    const res = await postCredentials(request, user.email, user.password, { "x-forwarded-for": "198.51.100.77" });
    expect(res.status()).toBe(429);
    const retryAfter = Number(res.headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThan(13 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(await res.json()).toEqual({
      error: {
        code: "RATE_LIMITED",
        message: expect.stringMatching(/^Too many attempts\. Try again in 1[45] minutes\.$/),
      },
    });
    expect(res.headers()["set-cookie"] ?? "").not.toContain("session-token");

    // The audit log has the address Remit believes (unknown), never the forged ones.
    const events = await testDb().auditEvent.findMany({ where: { action: "auth.sign_in", actorEmail: user.email } });
    expect(events.length).toBeGreaterThanOrEqual(10);
    expect(new Set(events.map((e) => e.ip))).toEqual(new Set(["unknown"]));
  });

  test("a successful sign-in clears the account's failures and is audited", async ({ request }) => {
    const user = await makeUser();
    for (let i = 0; i < 9; i++) expect((await postCredentials(request, user.email, "nope nope")).status()).toBe(302);
    const ok = await postCredentials(request, user.email, user.password);
    expect(ok.status()).toBe(302);
    expect(ok.headers()["location"]).not.toContain("error=");
    // Ten more failures fit in the window again.
    for (let i = 0; i < 10; i++) expect((await postCredentials(request, user.email, "nope nope")).status()).toBe(302);
    expect((await postCredentials(request, user.email, "nope nope")).status()).toBe(429);

    const success = await testDb().auditEvent.findMany({
      where: { action: "auth.sign_in", actorEmail: user.email, outcome: "success" },
    });
    expect(success).toHaveLength(1);
    expect(success[0]!.actorId).toBe(user.id);
    expect(success[0]!.details ?? "").not.toContain(user.password);
  });
});
