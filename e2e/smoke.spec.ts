import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test.describe("smoke", () => {
  test("the home page answers and leads to sign-in", async ({ page }) => {
    const res = await page.goto("/");
    expect(res, "no response for /").not.toBeNull();
    expect(res!.status(), `GET / answered ${res!.status()}`).toBeLessThan(400);
    // Signed out, "/" either is the landing page (with a sign-in link) or redirects to sign-in.
    if (new URL(page.url()).pathname !== "/sign-in") {
      await expect(page.getByRole("heading").first()).toBeVisible();
      await page
        .getByRole("link", { name: /sign in/i })
        .first()
        .click();
      await expect(page).toHaveURL(/\/sign-in/);
    }
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  });

  test("the sign-in page has a labelled form", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await expect(page.getByLabel("Email", { exact: true })).toBeVisible();
    await expect(page.getByLabel("Password", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  });

  test("the sign-in page has no axe violations", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const summary = results.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
    expect(summary, summary.join("\n")).toEqual([]);
  });

  test("the health endpoint answers", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.status()).toBe(200);
  });
});
