import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { test, expect, makeUser, addMember, signIn, uniqueEmail, type TestTeam } from "./fixtures/test";
import { createTemplateMatrix, putLetters } from "./fixtures/matrix";
import { testDb } from "./fixtures/db";
import type { MatrixDto } from "../lib/matrix/dto";

/** A fresh signed-out browser (another person, another device). */
async function freshPage(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext();
  return ctx.newPage();
}

async function createInvitation(
  request: APIRequestContext,
  team: TestTeam,
  data: Record<string, unknown> = {},
): Promise<{ id: string; path: string }> {
  const res = await request.post(`/api/v1/teams/${team.id}/invitations`, {
    data: { role: "member", expiresInDays: 7, uses: "single", ...data },
  });
  expect(res.status(), await res.text()).toBe(201);
  const body = (await res.json()) as { invitation: { id: string }; path: string };
  return { id: body.invitation.id, path: body.path };
}

/** A cell write body prepared while the session still works (the write itself comes later). */
async function cellWrite(request: APIRequestContext, matrixId: string) {
  const dto = (await (await request.get(`/api/v1/matrices/${matrixId}`)).json()) as MatrixDto;
  const row = dto.rows[0]!;
  const column = dto.columns[0]!;
  const version = dto.cells.find(([r, c]) => r === 0 && c === 0)?.[3] ?? 0;
  return { responsibilityId: row.id, personId: column.personId, letters: "C", version };
}

test.describe("access: invitations, roles, share links, audit log", () => {
  test("a manager invites; a new person signs up through the link and joins with that role", async ({
    page,
    browser,
    owner,
    signInAs,
    axe,
  }) => {
    test.slow(); // three people sign in or up
    const manager = await makeUser({ name: "Mina Manager" });
    await addMember(owner.team, manager, "manager");
    await signInAs(manager, `/t/${owner.team.slug}/members`);
    await expect(page.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();
    expect(await axe()).toEqual([]);

    // A manager cannot hand out ownership.
    const role = page.getByLabel("Role", { exact: true });
    await expect(role.locator("option")).toHaveText(["Manager", "Member", "Viewer"]);
    await role.selectOption("member");
    await page.getByLabel("Link works for").selectOption("7");
    await page.getByLabel("One person (single use)").check();
    await page.getByRole("button", { name: "Create invitation link" }).click();
    await expect(page.getByText(/Copy the link and send it/)).toBeVisible();
    const link = await page.getByLabel("Invitation link").inputValue();
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    await expect(page.getByRole("table", { name: "Pending invitations" }).getByRole("row")).toHaveCount(2);
    expect(await axe()).toEqual([]);

    // Someone new opens the link, signed out: team and role, then sign-up comes back here.
    const guest = await freshPage(browser);
    await guest.goto(link);
    await expect(guest.getByRole("heading", { name: `Join ${owner.team.name} as member` })).toBeVisible();
    expect(await axe(guest)).toEqual([]);
    await guest.getByRole("link", { name: "Create an account" }).click();
    await expect(guest).toHaveURL(/\/sign-up\?callbackUrl=%2Finvite%2F/);
    await guest.getByLabel("Name").fill("Nico Newcomer");
    await guest.getByLabel("Email").fill(uniqueEmail());
    await guest.getByLabel("Password").fill("a long enough password");
    await guest.getByRole("button", { name: "Create account" }).click();
    await expect(guest).toHaveURL(new URL(link).pathname);
    await guest.getByRole("button", { name: `Join ${owner.team.name}` }).click();
    await expect(guest).toHaveURL(new RegExp(`/t/${owner.team.slug}$`));
    const teams = (await (await guest.request.get("/api/v1/teams")).json()) as {
      teams: { id: string; role: string }[];
    };
    expect(teams.teams).toContainEqual(expect.objectContaining({ id: owner.team.id, role: "member" }));
    // A member sees no way to add or edit a matrix.
    await expect(guest.getByRole("button", { name: "New matrix" })).toHaveCount(0);

    // Visiting the link again: already a member, role kept.
    await guest.goto(link);
    await expect(guest.getByText(/You are already a member of .* as member/)).toBeVisible();

    // The single-use link is spent for anyone else.
    const late = await freshPage(browser);
    await signIn(late, await makeUser(), new URL(link).pathname);
    await expect(late.getByText("This invitation has already been used.", { exact: false })).toBeVisible();
    await expect(late.getByRole("button", { name: /^Join/ })).toHaveCount(0);

    await page.reload();
    await expect(page.getByRole("list", { name: "Members" }).getByText("Nico Newcomer", { exact: true })).toBeVisible();
    await expect(page.getByText("No pending invitations.")).toBeVisible();
  });

  test("an expired or revoked link is refused with a clear message", async ({ page, browser, owner, signInAs }) => {
    await signInAs(owner.user);
    const expired = await createInvitation(page.request, owner.team, { uses: "multi" });
    await testDb().invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const revoked = await createInvitation(page.request, owner.team, { role: "viewer" });
    const forSomeoneElse = await createInvitation(page.request, owner.team, { email: "named-guest@example.test" });

    await page.goto(`/t/${owner.team.slug}/members`);
    await page.getByRole("button", { name: /Revoke the viewer invitation/ }).click();
    await expect(page.getByText("Invitation revoked: its link no longer works.")).toBeVisible();

    const visitor = await freshPage(browser);
    const someone = await makeUser();
    await signIn(visitor, someone);
    await visitor.goto(expired.path);
    await expect(visitor.getByText("This invitation has expired.")).toBeVisible();
    await expect(visitor.getByRole("button", { name: /^Join/ })).toHaveCount(0);
    // A dead link names neither the team nor the role.
    await expect(visitor.getByRole("heading", { name: "This invitation can no longer be used" })).toBeVisible();
    await expect(visitor.getByText(owner.team.name)).toHaveCount(0);
    await visitor.goto(revoked.path);
    await expect(visitor.getByText("This invitation was withdrawn.")).toBeVisible();
    await expect(visitor.getByText(owner.team.name)).toHaveCount(0);
    await expect(visitor.getByText(/viewer/i)).toHaveCount(0);
    await visitor.goto(forSomeoneElse.path);
    await expect(visitor.getByText(/This invitation is for named-guest@example.test/)).toBeVisible();
    await expect(visitor.getByRole("button", { name: /^Join/ })).toHaveCount(0);
    const bogus = await visitor.goto("/invite/not-a-real-token-not-a-real-token-xx");
    expect(bogus?.status()).toBe(404);
    const teams = await (await visitor.request.get("/api/v1/teams")).text();
    expect(teams).not.toContain(owner.team.id);
  });

  test("a lowered role takes effect at once in the other person's open session", async ({
    page,
    browser,
    owner,
    signInAs,
  }) => {
    const manager = await makeUser({ name: "Lowered Lou" });
    await addMember(owner.team, manager, "manager");
    await signInAs(owner.user);
    const matrixId = await createTemplateMatrix(page.request, owner.team);

    const other = await freshPage(browser);
    await signIn(other, manager, `/t/${owner.team.slug}/matrices/${matrixId}`);
    await expect(other.getByRole("button", { name: "Add row" })).toBeVisible();
    const write = await cellWrite(other.request, matrixId);

    await page.goto(`/t/${owner.team.slug}/members`);
    await page.getByLabel("Role of Lowered Lou").selectOption("viewer");
    await page.getByRole("button", { name: "Save role of Lowered Lou" }).click();
    await expect(page.getByText("Lowered Lou is now viewer.")).toBeVisible();

    // The old session no longer works for the very next request…
    const stale = await other.request.put(`/api/v1/matrices/${matrixId}/cells`, { data: write });
    expect(stale.status()).toBe(401);
    await other.reload();
    await expect(other).toHaveURL(/\/sign-in/);
    // …and signed in again, the new role holds: read-only, writes refused.
    await signIn(other, manager, `/t/${owner.team.slug}/matrices/${matrixId}`);
    await expect(other.getByRole("grid")).toBeVisible();
    await expect(other.getByRole("note")).toContainText("Read-only");
    await expect(other.getByRole("button", { name: "Add row" })).toHaveCount(0);
    await expect(other.getByRole("button", { name: "Share" })).toHaveCount(0);
    const refused = await other.request.put(`/api/v1/matrices/${matrixId}/cells`, { data: write });
    expect(refused.status()).toBe(403);
  });

  test("a removed member loses the team at once", async ({ page, browser, owner, signInAs }) => {
    const member = await makeUser({ name: "Removed Rae" });
    await addMember(owner.team, member, "member");
    const other = await freshPage(browser);
    await signIn(other, member, `/t/${owner.team.slug}/members`);
    // A member sees the list and can leave, nothing more.
    await expect(other.getByRole("list", { name: "Members" }).getByText(owner.user.email)).toBeVisible();
    await expect(other.getByRole("button", { name: "Leave team" })).toBeVisible();
    await expect(other.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
    await expect(other.getByRole("combobox")).toHaveCount(0);
    await expect(other.getByRole("heading", { name: "Invite people" })).toHaveCount(0);
    await expect(other.getByRole("link", { name: "Settings" })).toHaveCount(0);
    expect((await other.request.get(`/api/v1/teams/${owner.team.id}/invitations`)).status()).toBe(403);

    await signInAs(owner.user, `/t/${owner.team.slug}/members`);
    await page.getByRole("button", { name: "Remove Removed Rae" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Remove member" }).click();
    await expect(page.getByText("Removed Rae was removed from the team.")).toBeVisible();

    expect((await other.request.get(`/api/v1/teams/${owner.team.id}/matrices`)).status()).toBe(401);
    await signIn(other, member);
    const res = await other.goto(`/t/${owner.team.slug}`);
    expect(res?.status()).toBe(404);
    expect((await other.request.get(`/api/v1/teams/${owner.team.id}/matrices`)).status()).toBe(404);
  });

  test("the last owner can neither leave nor be demoted; a manager cannot touch an owner", async ({
    page,
    browser,
    owner,
    signInAs,
  }) => {
    const manager = await makeUser();
    await addMember(owner.team, manager, "manager");
    await signInAs(owner.user, `/t/${owner.team.slug}/members`);

    await page.getByRole("button", { name: "Leave team" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Leave team" }).click();
    await expect(page.getByText("You are the last owner of this team.")).toBeVisible();

    await page.getByLabel(`Role of ${owner.user.name}`).selectOption("manager");
    await page.getByRole("button", { name: `Save role of ${owner.user.name}` }).click();
    await expect(page.getByText("A team needs at least one owner.")).toBeVisible();
    const api = await page.request.patch(`/api/v1/teams/${owner.team.id}/members/${owner.user.id}`, {
      data: { role: "viewer" },
    });
    expect(api.status()).toBe(409);
    const strict = await page.request.patch(`/api/v1/teams/${owner.team.id}/members/${manager.id}`, {
      data: { role: "viewer", teamId: "other" },
    });
    expect(strict.status()).toBe(400);

    const other = await freshPage(browser);
    await signIn(other, manager, `/t/${owner.team.slug}/members`);
    await expect(other.getByLabel(`Role of ${owner.user.name}`)).toHaveCount(0);
    await expect(other.getByRole("button", { name: `Remove ${owner.user.name}` })).toHaveCount(0);
    for (const res of [
      await other.request.patch(`/api/v1/teams/${owner.team.id}/members/${owner.user.id}`, {
        data: { role: "member" },
      }),
      await other.request.delete(`/api/v1/teams/${owner.team.id}/members/${owner.user.id}`),
      await other.request.patch(`/api/v1/teams/${owner.team.id}/members/${manager.id}`, { data: { role: "owner" } }),
      await other.request.post(`/api/v1/teams/${owner.team.id}/invitations`, {
        data: { role: "owner", expiresInDays: 1, uses: "single" },
      }),
    ]) {
      expect(res.status()).toBe(403);
    }
    const teams = (await (await page.request.get("/api/v1/teams")).json()) as { teams: { id: string; role: string }[] };
    expect(teams.teams).toContainEqual(expect.objectContaining({ id: owner.team.id, role: "owner" }));
  });

  test("a read-only share link shows the grid and findings to anyone, and nothing once off", async ({
    page,
    browser,
    owner,
    signInAs,
    axe,
  }) => {
    await signInAs(owner.user);
    const matrixId = await createTemplateMatrix(page.request, owner.team, "Shared Split");
    await createTemplateMatrix(page.request, owner.team, "Secret Reorg Plan");
    // Nobody accountable for one row: a finding the anonymous page must show.
    await putLetters(page.request, matrixId, "Code Reviews and Feedback", "Tech Lead", "");
    await page.goto(`/t/${owner.team.slug}/matrices/${matrixId}`);
    await page.getByRole("button", { name: "Share" }).click();
    const dialog = page.getByRole("dialog", { name: "Read-only link" });
    await expect(dialog.getByText("Sharing is off.")).toBeVisible();
    await dialog.getByRole("button", { name: "Turn on read-only link" }).click();
    const link = await dialog.getByLabel("Read-only link").inputValue();
    expect(link).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);

    const anon = await freshPage(browser);
    const res = await anon.goto(link);
    expect(res?.status()).toBe(200);
    await expect(anon.getByRole("heading", { name: "Shared Split" })).toBeVisible();
    await expect(anon.getByRole("grid", { name: "Shared Split" })).toBeVisible();
    await expect(anon.getByRole("columnheader", { name: /Tech Lead/ }).first()).toBeVisible();
    await expect(anon.getByRole("heading", { name: "Findings" })).toBeVisible();
    await expect(anon.getByRole("list", { name: "Findings", exact: true })).toContainText("Code Reviews and Feedback");
    const html = await anon.content();
    for (const secret of ["Secret Reorg Plan", owner.user.email, owner.team.name, owner.team.slug, owner.team.id]) {
      expect(html).not.toContain(secret);
    }
    await expect(anon.locator("a[href]")).toHaveCount(0);
    await expect(anon.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    expect(await axe(anon)).toEqual([]);
    const token = new URL(link).pathname.split("/")[2];
    const api = await anon.request.get(`/api/v1/share/${token}`);
    expect(api.status()).toBe(200);
    expect(await api.text()).not.toContain("Secret Reorg Plan");

    // A viewer sees no Share control and may not read the link.
    const viewer = await makeUser();
    await addMember(owner.team, viewer, "viewer");
    const viewerPage = await freshPage(browser);
    await signIn(viewerPage, viewer, `/t/${owner.team.slug}/matrices/${matrixId}`);
    await expect(viewerPage.getByRole("grid")).toBeVisible();
    await expect(viewerPage.getByRole("button", { name: "Share" })).toHaveCount(0);
    expect((await viewerPage.request.get(`/api/v1/matrices/${matrixId}/share-link`)).status()).toBe(403);

    // Regenerate: the old link dies, the new one works.
    await dialog.getByRole("button", { name: "Regenerate link" }).click();
    await expect(dialog.getByText("New link created")).toBeVisible();
    const next = await dialog.getByLabel("Read-only link").inputValue();
    expect(next).not.toBe(link);
    expect((await anon.goto(link))?.status()).toBe(404);
    expect((await anon.goto(next))?.status()).toBe(200);

    await dialog.getByRole("button", { name: "Turn off" }).click();
    await expect(dialog.getByText("Sharing is off.", { exact: true })).toBeVisible();
    expect((await anon.goto(next))?.status()).toBe(404);
    expect((await anon.request.get(`/api/v1/share/${token}`)).status()).toBe(404);
  });

  test("owners see every access event in the audit log; others cannot open it", async ({
    page,
    browser,
    owner,
    signInAs,
    axe,
  }) => {
    const member = await makeUser({ name: "Audited Ari" });
    const leaver = await makeUser({ name: "Gone Gil" });
    await addMember(owner.team, member, "member");
    await addMember(owner.team, leaver, "viewer");
    await signInAs(owner.user);
    const api = page.request;
    const inv = await createInvitation(api, owner.team, { role: "viewer", email: "someone@example.test" });
    expect((await api.delete(`/api/v1/teams/${owner.team.id}/invitations/${inv.id}`)).status()).toBe(200);
    const matrixId = await createTemplateMatrix(api, owner.team, "Audited Matrix");
    expect((await api.post(`/api/v1/matrices/${matrixId}/share-link`, { data: {} })).status()).toBe(201);
    expect((await api.delete(`/api/v1/matrices/${matrixId}/share-link`)).status()).toBe(200);
    expect(
      (await api.patch(`/api/v1/teams/${owner.team.id}/members/${member.id}`, { data: { role: "manager" } })).status(),
    ).toBe(200);
    expect((await api.delete(`/api/v1/teams/${owner.team.id}/members/${leaver.id}`)).status()).toBe(200);
    expect(
      (
        await api.patch(`/api/v1/teams/${owner.team.id}/members/${owner.user.id}`, { data: { role: "viewer" } })
      ).status(),
    ).toBe(409);

    // The member (now a manager) cannot open the audit log.
    const other = await freshPage(browser);
    await signIn(other, member);
    expect((await other.goto(`/t/${owner.team.slug}/settings/audit`))?.status()).toBe(404);
    await expect(other.getByRole("link", { name: "Audit log" })).toHaveCount(0);

    await page.goto(`/t/${owner.team.slug}`);
    await page.getByRole("navigation", { name: "Team" }).getByRole("link", { name: "Audit log" }).click();
    await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
    const table = page.getByRole("table");
    for (const words of [
      "Created an invitation",
      "Revoked an invitation",
      "Turned on a read-only link",
      "Turned off a read-only link",
      "Changed a member's role",
      "Removed a member",
    ]) {
      await expect(table.getByRole("cell", { name: words, exact: true }).first()).toBeVisible();
    }
    await expect(
      table.getByRole("row", { name: /Changed a member's role.*member → manager.*Succeeded/ }),
    ).toBeVisible();
    await expect(table.getByRole("row", { name: /Changed a member's role.*Refused/ })).toBeVisible();
    await expect(table.getByText("Matrix “Audited Matrix”").first()).toBeVisible();
    await expect(table.getByText(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/).first()).toBeVisible();
    await expect(table.getByRole("row", { name: new RegExp(owner.user.email) }).first()).toBeVisible();
    expect(await axe()).toEqual([]);

    // Paged by 50, newest first.
    await testDb().auditEvent.createMany({
      data: Array.from({ length: 55 }, () => ({
        teamId: owner.team.id,
        action: "member.left",
        actorEmail: "old@example.test",
      })),
    });
    await page.reload();
    await expect(page.getByText(/Page 1 of 2/)).toBeVisible();
    await page.getByRole("link", { name: "Older" }).click();
    await expect(page.getByText(/Page 2 of 2/)).toBeVisible();
    await expect(
      page.getByRole("table").getByRole("cell", { name: "Created an invitation", exact: true }),
    ).toBeVisible();
    await expect(page.getByRole("link", { name: "Newer" })).toBeVisible();
  });

  test("an owner transfers ownership, and the new owner deletes the team after typing its name", async ({
    page,
    browser,
    owner,
    signInAs,
    axe,
  }) => {
    const heir = await makeUser({ name: "Heir Hana" });
    await addMember(owner.team, heir, "member");
    await signInAs(owner.user, `/t/${owner.team.slug}/settings`);
    expect(await axe()).toEqual([]);
    const transfer = page.locator("form").filter({ has: page.getByRole("button", { name: "Transfer ownership" }) });
    await transfer.getByLabel("New owner").selectOption({ label: `Heir Hana (${heir.email}, member)` });
    await transfer.getByLabel(/to confirm/).fill("not the name");
    await transfer.getByRole("button", { name: "Transfer ownership" }).click();
    await expect(transfer.getByText(`Type “${owner.team.name}” to confirm.`)).toBeVisible();
    await transfer.getByLabel(/to confirm/).fill(owner.team.name);
    await transfer.getByRole("button", { name: "Transfer ownership" }).click();
    await expect(page).toHaveURL(new RegExp(`/t/${owner.team.slug}/members$`));
    await expect(page.getByText(`You are manager of ${owner.team.name}.`)).toBeVisible();
    await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);

    const other = await freshPage(browser);
    await signIn(other, heir, `/t/${owner.team.slug}/settings`);
    const del = other.locator("form").filter({ has: other.getByRole("button", { name: "Delete this team" }) });
    await del.getByLabel(/to confirm/).fill(owner.team.name);
    await del.getByRole("button", { name: "Delete this team" }).click();
    await expect(other).toHaveURL(/\/teams$/);
    expect((await page.goto(`/t/${owner.team.slug}`))?.status()).toBe(404);

    const events = await testDb().auditEvent.findMany({ where: { teamId: owner.team.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["team.ownership_transferred", "team.deleted"]);
    expect(events[0]).toMatchObject({ actorId: owner.user.id, targetId: heir.id, outcome: "success" });
    expect(events[1]).toMatchObject({ actorId: heir.id, outcome: "success" });
    expect(events[1]!.ip).toBeTruthy();
  });

  test("two owners demoting each other at once leave exactly one owner", async ({ browser, owner }) => {
    const second = await makeUser();
    await addMember(owner.team, second, "owner");
    const [a, b] = [await freshPage(browser), await freshPage(browser)];
    await signIn(a, owner.user);
    await signIn(b, second);
    const results = await Promise.all([
      a.request.patch(`/api/v1/teams/${owner.team.id}/members/${second.id}`, { data: { role: "manager" } }),
      b.request.patch(`/api/v1/teams/${owner.team.id}/members/${owner.user.id}`, { data: { role: "manager" } }),
    ]);
    // One wins. The other is refused however the two interleave: its session was ended
    // (401), it re-read its own role inside the locked transaction (403), or it saw the
    // last owner (409).
    const statuses = results.map((r) => r.status()).sort();
    expect(statuses[0]).toBe(200);
    expect([401, 403, 409]).toContain(statuses[1]);
    const owners = await testDb().membership.count({ where: { teamId: owner.team.id, role: "owner" } });
    expect(owners).toBe(1);
  });
});
