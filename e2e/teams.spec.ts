import { test, expect, makeUser, makeTeam } from "./fixtures/test";

test.describe("teams", () => {
  test("create a team, find it in the switcher, rename it", async ({ page, signInAs, axe }) => {
    const user = await makeUser();
    await signInAs(user);
    await expect(page.getByRole("heading", { name: "Your teams" })).toBeVisible();
    expect(await axe()).toEqual([]);

    await page.getByLabel("Team name").fill("Platform Crew");
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page).toHaveURL(/\/t\/platform-crew(-\d+)?$/);
    const slug = new URL(page.url()).pathname.split("/")[2];

    await page.getByRole("button", { name: /Switch team/ }).click();
    await expect(page.getByRole("link", { name: /Platform Crew/ })).toBeVisible();
    await page.keyboard.press("Escape");

    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByLabel("Team name").fill("Platform Guild");
    await page.getByRole("button", { name: "Rename team" }).click();
    await expect(page.getByText("Team renamed to “Platform Guild”.")).toBeVisible();
    await page.goto(`/t/${slug}`);
    await expect(page.getByText("Platform Guild").first()).toBeVisible();

    const res = await page.request.get("/api/v1/teams");
    const body = (await res.json()) as { teams: { slug: string; name: string; role: string }[] };
    expect(body.teams).toContainEqual(expect.objectContaining({ slug, name: "Platform Guild", role: "owner" }));
  });

  test("a team name is validated and the typed value is kept", async ({ page, signInAs }) => {
    await signInAs(await makeUser());
    await page.getByLabel("Team name").fill("x");
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page.getByText("Use at least 2 characters.")).toBeVisible();
    await expect(page.getByLabel("Team name")).toHaveValue("x");
  });

  test("two teams with the same name get different addresses", async ({ page, signInAs }) => {
    await signInAs(await makeUser());
    const name = `Same Name ${Date.now()}`;
    for (let i = 0; i < 2; i++) {
      await page.goto("/teams");
      await page.getByLabel("Team name").fill(name);
      await page.getByRole("button", { name: "Create team" }).click();
      await expect(page).toHaveURL(/\/t\//);
    }
    await page.goto("/teams");
    await expect(page.getByRole("list", { name: "Teams" }).getByRole("link", { name: new RegExp(name) })).toHaveCount(
      2,
    );
  });

  test("another user cannot see my team: 404 everywhere, name never shown", async ({ page, signInAs }) => {
    const owner = await makeUser();
    const secret = await makeTeam(owner, { name: `Secret Skunkworks ${Date.now()}` });
    const stranger = await makeUser();
    await signInAs(stranger);

    const pageRes = await page.goto(`/t/${secret.slug}`);
    expect(pageRes?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText(secret.name)).toHaveCount(0);

    const settings = await page.goto(`/t/${secret.slug}/settings`);
    expect(settings?.status()).toBe(404);

    for (const path of [`/api/v1/teams/${secret.id}/matrices`, `/api/v1/teams/${secret.id}/people`]) {
      const api = await page.request.get(path);
      expect(api.status(), path).toBe(404);
      expect(await api.text()).not.toContain(secret.name);
    }
    const teams = await page.request.get("/api/v1/teams");
    expect(await teams.text()).not.toContain(secret.slug);
  });

  test("signed-out visitors are sent to sign in, the API answers 401", async ({ page, request }) => {
    await page.goto("/teams");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fteams/);
    const res = await request.get("/api/v1/teams");
    expect(res.status()).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: expect.any(String) } });
  });
});
