import { test, expect, makeUser, uniqueEmail } from "./fixtures/test";

test.describe("accounts", () => {
  test("sign up, land in the app, sign out, sign in again", async ({ page, axe }) => {
    const email = uniqueEmail();
    await page.goto("/sign-up");
    expect(await axe()).toEqual([]);
    await page.getByLabel("Name").fill("Ada Lovelace");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("analytical-engine");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/teams$/);
    await expect(page.getByRole("heading", { name: "Your teams" })).toBeVisible();

    await page.getByRole("button", { name: "Account: Ada Lovelace" }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/teams");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fteams/);

    await page.getByLabel("Email").fill(email.toUpperCase());
    await page.getByLabel("Password").fill("analytical-engine");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/teams$/);
  });

  test("a wrong password is refused with a clear message and keeps the email", async ({ page }) => {
    const user = await makeUser();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toHaveText(
      "That email and password do not match an account.",
    );
    await expect(page.getByLabel("Email")).toHaveValue(user.email);
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("a duplicate email gets a field message, not an error page", async ({ page }) => {
    const user = await makeUser();
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("Someone Else");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill("another-password");
    await page.getByRole("button", { name: "Create account" }).click();
    const email = page.getByLabel("Email");
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(email).toHaveAccessibleDescription("An account with this email already exists. Sign in instead.");
    await expect(page.getByLabel("Name")).toHaveValue("Someone Else");
    await expect(email).toBeFocused();
  });

  test("sign-up validates each field", async ({ page }) => {
    await page.goto("/sign-up");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Enter your name.")).toBeVisible();
    await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
    await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
    await expect(page.getByLabel("Name")).toBeFocused();
  });

  test("signing out ends the old session token too", async ({ page, browser, signInAs }) => {
    const user = await makeUser();
    await signInAs(user);
    const cookies = await page.context().cookies();
    // A second device holding the same token.
    const other = await browser.newContext();
    await other.addCookies(cookies);
    const otherPage = await other.newPage();
    await otherPage.goto("/teams");
    await expect(otherPage.getByRole("heading", { name: "Your teams" })).toBeVisible();

    await page.getByRole("button", { name: `Account: ${user.name}` }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);

    const api = await otherPage.request.get("/api/v1/teams");
    expect(api.status()).toBe(401);
    await otherPage.goto("/teams");
    await expect(otherPage).toHaveURL(/\/sign-in/);
    await other.close();
  });
});
