import { test, expect, makeUser, makeTeam, addMember } from "./fixtures/test";
import { bearerClient, makeApiToken } from "./fixtures/api-token";
import { createTemplateMatrix } from "./fixtures/matrix";
import { testDb } from "./fixtures/db";
import { actionId, callServerAction } from "./fixtures/server-actions";
import type { MatrixDto } from "../lib/matrix/dto";

test.describe("personal access tokens", () => {
  test("create one in the account area, see it once, use it, see its last use, revoke it", async ({
    page,
    owner,
    signInAs,
    axe,
  }) => {
    await signInAs(owner.user);
    await page.getByRole("button", { name: `Account: ${owner.user.name}` }).click();
    await page.getByRole("link", { name: "API tokens" }).click();
    await expect(page).toHaveURL(/\/account\/tokens$/);
    await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();
    await expect(page.getByText("You have no API tokens.")).toBeVisible();
    expect(await axe()).toEqual([]);

    // A name is required.
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByLabel("Token name")).toHaveAccessibleDescription("Enter a name.");

    await page.getByLabel("Token name").fill("CI export job");
    await page.getByLabel("Expires").selectOption({ label: "In 30 days" });
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(
      page.getByText("Token “CI export job” created. Copy it now: it will not be shown again."),
    ).toBeVisible();
    const token = await page.getByLabel("New token").inputValue();
    expect(token).toMatch(/^remit_pat_[A-Za-z0-9_-]{43}$/);
    expect(await axe()).toEqual([]);

    const table = page.getByRole("table", { name: "Your API tokens" });
    const row = table.getByRole("row", { name: /CI export job/ });
    await expect(row).toContainText(token.slice(0, 16));
    await expect(row.getByRole("cell").nth(2)).toHaveText("Never");
    await page.screenshot({ path: "/tmp/api-tokens-created.png", fullPage: true });

    // Use it: it acts as its user.
    const api = await bearerClient(token);
    const teams = await api.get("/api/v1/teams");
    expect(teams.status()).toBe(200);
    expect(((await teams.json()) as { teams: { id: string }[] }).teams.map((t) => t.id)).toEqual([owner.team.id]);

    await page.reload();
    await expect(page.getByLabel("New token")).toHaveCount(0);
    expect(await page.content()).not.toContain(token);
    await expect(
      table
        .getByRole("row", { name: /CI export job/ })
        .getByRole("cell")
        .nth(2),
    ).toHaveText(/UTC$/);
    await expect(
      table
        .getByRole("row", { name: /CI export job/ })
        .getByRole("cell")
        .nth(3),
    ).toHaveText(/UTC$/);

    // Revoke: confirmed in a dialog, gone from the list, refused on the next request.
    await table.getByRole("button", { name: "Revoke CI export job" }).click();
    const dialog = page.getByRole("dialog", { name: "Revoke “CI export job”?" });
    await expect(dialog).toBeVisible();
    expect(await axe()).toEqual([]);
    await dialog.getByRole("button", { name: "Revoke token" }).click();
    await expect(page.getByText("Token “CI export job” revoked. It no longer works.")).toBeVisible();
    await expect(page.getByText("You have no API tokens.")).toBeVisible();

    const after = await api.get("/api/v1/teams");
    expect(after.status()).toBe(401);
    expect(await after.json()).toEqual({
      error: { code: "UNAUTHENTICATED", message: "The API token has been revoked." },
    });
    await api.dispose();

    const events = await testDb().auditEvent.findMany({
      where: { actorId: owner.user.id, action: { in: ["token.created", "token.revoked"] } },
      orderBy: { id: "asc" },
      select: { action: true, outcome: true, targetType: true, details: true },
    });
    expect(events.map((e) => e.action)).toEqual(["token.created", "token.revoked"]);
    expect(events[0]!.details).toContain("CI export job");
    expect(events[0]!.details).not.toContain(token);
  });

  test("a token acts with its user's roles: viewers read, cannot write, other teams are 404", async ({ owner }) => {
    const viewer = await makeUser();
    await addMember(owner.team, viewer, "viewer");
    const outsider = await makeUser();
    const elsewhere = await makeTeam(outsider, { name: `Elsewhere ${Date.now()}` });

    const ownerApi = await bearerClient((await makeApiToken(owner.user)).token);
    const matrixId = await createTemplateMatrix(ownerApi, owner.team);
    const viewerApi = await bearerClient((await makeApiToken(viewer)).token);

    const read = await viewerApi.get(`/api/v1/matrices/${matrixId}`);
    expect(read.status()).toBe(200);
    const dto = (await read.json()) as MatrixDto;
    const write = await viewerApi.put(`/api/v1/matrices/${matrixId}/cells`, {
      data: { responsibilityId: dto.rows[0]!.id, personId: dto.columns[0]!.personId, letters: "R", version: 0 },
    });
    expect(write.status()).toBe(403);
    expect(((await write.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");

    const other = await viewerApi.get(`/api/v1/teams/${elsewhere.id}/matrices`);
    expect(other.status()).toBe(404);
    expect(await other.text()).not.toContain(elsewhere.name);
    await Promise.all([ownerApi.dispose(), viewerApi.dispose()]);
  });

  test("unknown, malformed, expired and revoked tokens are a 401 that says why", async ({ playwright, owner }) => {
    const expired = await makeApiToken(owner.user, { expiresAt: new Date(Date.now() - 1000) });
    const revoked = await makeApiToken(owner.user, { revokedAt: new Date() });
    const unknown = `remit_pat_${"A".repeat(43)}`;
    const cases: [string, string][] = [
      [`Bearer ${unknown}`, "The API token is not valid."],
      ["Bearer not-a-token", "The API token is malformed. Send `Authorization: Bearer remit_pat_…`."],
      ["Bearer ", "The API token is malformed. Send `Authorization: Bearer remit_pat_…`."],
      [`Bearer ${expired.token}`, "The API token has expired. Create a new one in your account."],
      [`Bearer ${revoked.token}`, "The API token has been revoked."],
    ];
    const api = await playwright.request.newContext();
    for (const [authorization, message] of cases) {
      const res = await api.get("/api/v1/teams", { headers: { Authorization: authorization } });
      expect(res.status(), authorization).toBe(401);
      expect(res.headers()["www-authenticate"]).toBe('Bearer error="invalid_token"');
      expect(await res.json()).toEqual({ error: { code: "UNAUTHENTICATED", message } });
    }
    await api.dispose();
  });

  test("tokens are created only from a signed-in session, and listed without secrets", async ({
    page,
    owner,
    signInAs,
  }) => {
    const { token } = await makeApiToken(owner.user, { name: "Existing" });
    const api = await bearerClient(token);
    const refused = await api.post("/api/v1/tokens", { data: { name: "Minted by a token" } });
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toEqual({
      error: { code: "FORBIDDEN", message: "This needs a signed-in session; an API token cannot do it." },
    });

    await signInAs(owner.user);
    const created = await page.request.post("/api/v1/tokens", { data: { name: "From the browser", expiresInDays: 7 } });
    expect(created.status()).toBe(201);
    const body = (await created.json()) as {
      token: string;
      apiToken: { id: string; expiresAt: string; prefix: string };
    };
    expect(body.token.startsWith(body.apiToken.prefix)).toBe(true);
    const days = (new Date(body.apiToken.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    // Strict body: unknown keys (e.g. another user's id) are refused.
    const sneaky = await page.request.post("/api/v1/tokens", { data: { name: "x", userId: "someone-else" } });
    expect(sneaky.status()).toBe(400);

    const list = await api.get("/api/v1/tokens");
    const text = await list.text();
    expect(text).toContain("From the browser");
    expect(text).not.toContain(body.token);
    expect(text).not.toContain(token);
    expect(text).not.toMatch(/tokenHash|[0-9a-f]{64}/);

    // A token may revoke itself.
    const listed = (JSON.parse(text) as { tokens: { id: string; name: string }[] }).tokens;
    const self = listed.find((t) => t.name === "Existing")!;
    expect((await api.delete(`/api/v1/tokens/${self.id}`)).status()).toBe(200);
    expect((await api.get("/api/v1/tokens")).status()).toBe(401);
    await api.dispose();
  });

  test("a token works on /api/v1 only: not on pages, not on server actions", async ({ playwright, owner }) => {
    const { token } = await makeApiToken(owner.user);
    const api = await playwright.request.newContext({ extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
    const pageRes = await api.get(`/t/${owner.team.slug}`, { maxRedirects: 0 });
    expect(pageRes.status()).toBe(307);
    expect(pageRes.headers()["location"]).toContain("/sign-in");
    await api.dispose();

    // Past the early redirect (a cookie of the right name, with no valid session in it):
    // the action itself refuses.
    const res = await callServerAction({
      url: "/teams",
      id: actionId("app/(app)/teams/actions.ts", "renameTeamAction"),
      fields: { teamId: owner.team.id, name: "Renamed by a token" },
      headers: { Authorization: `Bearer ${token}`, Cookie: "authjs.session-token=not-a-session" },
    });
    expect(res.body).toContain("Sign in to continue.");
    const team = await testDb().team.findUniqueOrThrow({ where: { id: owner.team.id }, select: { name: true } });
    expect(team.name).toBe(owner.team.name);
  });

  test("last use is recorded, at most once a minute", async ({ owner }) => {
    const created = await makeApiToken(owner.user);
    const api = await bearerClient(created.token);
    expect((await api.get("/api/v1/teams")).status()).toBe(200);
    const lastUsed = async () =>
      (await testDb().apiToken.findUniqueOrThrow({ where: { id: created.id }, select: { lastUsedAt: true } }))
        .lastUsedAt;
    await expect.poll(lastUsed).not.toBeNull();
    const first = await lastUsed();
    expect((await api.get("/api/v1/templates")).status()).toBe(200);
    expect((await api.get("/api/v1/teams")).status()).toBe(200);
    expect((await lastUsed())?.getTime()).toBe(first?.getTime());
    await api.dispose();
  });
});
