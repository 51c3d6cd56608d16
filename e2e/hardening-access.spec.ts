/**
 * Hardening, access side (issue #7): roles (403), no session (401 / redirect / refused
 * actions), `x-middleware-subrequest`, cross-site Origin on the API and on server
 * actions, and old sessions after sign-out, a lowered role or a removal.
 */
import { test as base, expect, type Page } from "@playwright/test";
import { signIn } from "./fixtures/auth";
import { addMember, makeTeam, makeUser, uniqueSuffix, type TestUser } from "./fixtures/factories";
import { bearerClient, makeApiToken } from "./fixtures/api-token";
import { testDb } from "./fixtures/db";
import { actionId, callServerAction, serverActions } from "./fixtures/server-actions";
import { ACTIONS, CASES, type IsolationCase } from "./isolation/cases";
import { routeFiles } from "./isolation/route-files";
import { makeSide, makeWorld, teamState, type Ids, type Side, type World } from "./isolation/world";

const baseURL = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000";

const test = base.extend<object, { world: World }>({
  world: [async ({ browser }, use) => use(await makeWorld(browser)), { scope: "worker", timeout: 60_000 }],
});

/** A cookie of the session's name that holds no valid session: gets past the early redirect in proxy.ts. */
const FAKE_SESSION = "authjs.session-token=not-a-session";

async function cookieOf(page: Page): Promise<string> {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}

async function send(c: IsolationCase, t: Ids, headers: Record<string, string>): Promise<Response> {
  const h = { ...headers };
  let body: string | undefined;
  if (c.body) {
    h["Content-Type"] = "application/json";
    body = JSON.stringify(c.body(t));
  } else if (c.raw) {
    h["Content-Type"] = c.raw.contentType;
    body = c.raw.data;
  }
  return fetch(new URL(c.path(t, t), baseURL), { method: c.method, headers: h, body, redirect: "manual" });
}

/** URL of a route pattern with every dynamic segment filled with a harmless id. */
function concrete(pattern: string): string {
  return pattern.replace(/\[\.\.\.[^\]]+\]/g, "x").replace(/\[[^\]]+\]/g, "x");
}

/** Pages and API routes meant for signed-out visitors (the tokens of links are their credentials). */
const PUBLIC_PAGES = new Set(["/", "/sign-in", "/sign-up", "/docs/api", "/s/[token]", "/invite/[token]"]);
const PUBLIC_ROUTES = new Set(["/api/v1/openapi.json", "/api/v1/share/[token]"]);

// ---- Roles

/**
 * Writes a member may do, by route: the heartbeat of a matrix or a workshop, joining a
 * workshop, one's own API tokens (viewers too), and voting in a workshop (members, not
 * viewers: checked below). Leaving a team (DELETE …/members/{own id}) is allowed too,
 * but the isolation case of that route removes someone else, which is a manager's
 * write; leaving is tested below.
 */
const MEMBER_WRITES = new Set([
  "/api/v1/matrices/[matrixId]/presence",
  "/api/v1/tokens/[tokenId]",
  "/api/v1/workshops/join",
  "/api/v1/workshops/[workshopId]/heartbeat",
  "/api/v1/workshops/[workshopId]/votes",
]);

/** The 403 message, where a route words it for its feature. */
const ROLE_MESSAGE = "Your role in this team does not allow that.";
const FORBIDDEN_MESSAGES: Record<string, string> = {
  "/api/v1/workshops/[workshopId]/actions": "Only a manager or owner of this team can run a workshop.",
};

/** Writes a member or a viewer may not do: the isolation table's writes on their own team. */
const MANAGER_WRITES = CASES.filter(
  (c) => c.method !== "GET" && !c.variant && c.route.startsWith("/api/v1/") && !MEMBER_WRITES.has(c.route),
);

/** Reads only managers and owners may do (the links of invitations and of read-only sharing). */
const MANAGER_READS = CASES.filter(
  (c) =>
    c.method === "GET" &&
    ["/api/v1/teams/[teamId]/invitations", "/api/v1/matrices/[matrixId]/share-link"].includes(c.route),
);

test.describe("roles", () => {
  for (const role of ["member", "viewer"] as const) {
    test(`every write a ${role} may not do is a 403, and changes nothing`, async ({ world }) => {
      const user = await makeUser();
      const team = { id: world.b.ids.teamId, slug: world.b.ids.teamSlug, name: "" };
      await addMember(team, user, role);
      const { token } = await makeApiToken(user);
      expect(MANAGER_WRITES.length).toBeGreaterThan(25);
      expect(MANAGER_READS.length).toBe(2);
      const before = await teamState(world.b.ids.teamId);
      for (const c of [...MANAGER_WRITES, ...MANAGER_READS]) {
        const res = await send(c, world.b.ids, { Authorization: `Bearer ${token}` });
        const text = await res.text();
        expect(res.status, `${c.method} ${c.route}: ${text}`).toBe(403);
        expect(JSON.parse(text)).toEqual({
          error: { code: "FORBIDDEN", message: FORBIDDEN_MESSAGES[c.route] ?? ROLE_MESSAGE },
        });
      }
      const api = await bearerClient(world.b.token);
      const dto = (await (await api.get(`/api/v1/matrices/${world.b.ids.matrixId}`)).json()) as {
        version: number;
        rows: { id: string; version: number }[];
      };
      expect(dto.version).toBe(world.b.ids.matrixVersion);
      expect(dto.rows.find((r) => r.id === world.b.ids.rowId)?.version).toBe(world.b.ids.rowVersion);
      await api.dispose();
      expect(await teamState(world.b.ids.teamId), "team B changed").toBe(before);

      // What the role may do: join a workshop and be seen there, vote (members only), read the members, leave.
      const auth = { Authorization: `Bearer ${token}` };
      const w = world.b.ids;
      const join = await fetch(new URL("/api/v1/workshops/join", baseURL), {
        method: "POST",
        headers: { ...auth, "Content-Type": "application/json" },
        body: JSON.stringify({ code: w.workshopCode }),
      });
      expect(join.status, await join.clone().text()).toBe(200);
      const beat = await fetch(new URL(`/api/v1/workshops/${w.workshopId}/heartbeat`, baseURL), {
        method: "POST",
        headers: auth,
      });
      expect(beat.status).toBe(204);
      const vote = await fetch(new URL(`/api/v1/workshops/${w.workshopId}/votes`, baseURL), {
        method: "PUT",
        headers: { ...auth, "Content-Type": "application/json" },
        body: JSON.stringify({ itemId: w.workshopItemId, letters: { [w.workshopPersonId]: "A" } }),
      });
      if (role === "member") {
        expect(vote.status, await vote.clone().text()).toBe(200);
      } else {
        expect(vote.status).toBe(403);
        expect(await vote.json()).toEqual({
          error: {
            code: "FORBIDDEN",
            message: "Viewers can follow a workshop but not vote. Ask a manager for member rights.",
          },
        });
      }
      const members = await fetch(new URL(`/api/v1/teams/${world.b.ids.teamId}/members`, baseURL), { headers: auth });
      expect(members.status).toBe(200);
      const leave = await fetch(new URL(`/api/v1/teams/${world.b.ids.teamId}/members/${user.id}`, baseURL), {
        method: "DELETE",
        headers: auth,
      });
      expect(leave.status, await leave.clone().text()).toBe(200);
      expect(await leave.json()).toEqual({ left: true });
      const gone = await fetch(new URL(`/api/v1/teams/${world.b.ids.teamId}/members`, baseURL), { headers: auth });
      expect(gone.status).toBe(404);
    });
  }

  test("the audit log is for owners only: managers and members get the 404 page", async ({ browser, world }) => {
    const url = new URL(`/t/${world.b.ids.teamSlug}/settings/audit`, baseURL);
    for (const role of ["manager", "member"] as const) {
      const user = await makeUser();
      await addMember({ id: world.b.ids.teamId, slug: world.b.ids.teamSlug, name: "" }, user, role);
      const ctx = await browser.newContext({ baseURL });
      const page = await ctx.newPage();
      await signIn(page, user);
      const res = await fetch(url, { headers: { Cookie: await cookieOf(page) }, redirect: "manual" });
      expect(res.status, role).toBe(404);
      expect(await res.text()).not.toMatch(/<h1[^>]*>Audit log<\/h1>/);
      await ctx.close();
    }
    const owner = await fetch(url, { headers: { Cookie: world.b.cookie }, redirect: "manual" });
    expect(owner.status).toBe(200);
    expect(await owner.text()).toMatch(/<h1[^>]*>Audit log<\/h1>/);
  });

  test("a member renaming the team through the server action is refused", async ({ page, world }) => {
    const member = await makeUser();
    await addMember({ id: world.b.ids.teamId, slug: world.b.ids.teamSlug, name: "" }, member, "member");
    await signIn(page, member);
    const res = await callServerAction({
      url: `/t/${world.b.ids.teamSlug}`,
      id: actionId("app/(app)/teams/actions.ts", "renameTeamAction"),
      fields: { teamId: world.b.ids.teamId, name: "Renamed by a member" },
      headers: { Cookie: await cookieOf(page) },
    });
    expect(res.body).toContain("Your role in this team does not allow that.");
    const team = await testDb().team.findUniqueOrThrow({ where: { id: world.b.ids.teamId }, select: { name: true } });
    expect(team.name).not.toBe("Renamed by a member");
  });
});

// ---- No session

test.describe("without a session", () => {
  test("every API endpoint answers 401 with the JSON error", async () => {
    const routes = routeFiles().filter((r) => r.kind === "route" && r.pattern.startsWith("/api/v1/"));
    let checked = 0;
    for (const r of routes.filter((x) => !PUBLIC_ROUTES.has(x.pattern))) {
      for (const method of r.methods) {
        for (const cookie of [undefined, FAKE_SESSION]) {
          const res = await fetch(new URL(concrete(r.pattern), baseURL), {
            method,
            headers: {
              "Content-Type": "application/json",
              ...(cookie ? { Cookie: cookie } : {}),
            },
            body: method === "GET" ? undefined : "{}",
          });
          expect(res.status, `${method} ${r.pattern}`).toBe(401);
          expect(((await res.json()) as { error: { code: string } }).error.code).toBe("UNAUTHENTICATED");
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  test("every app page redirects to sign-in, with or without a cookie of the session's name", async () => {
    const pages = routeFiles().filter((r) => r.kind === "page" && !PUBLIC_PAGES.has(r.pattern));
    expect(pages.length).toBeGreaterThan(5);
    for (const p of pages) {
      for (const cookie of [undefined, FAKE_SESSION]) {
        const res = await fetch(new URL(concrete(p.pattern), baseURL), {
          headers: cookie ? { Cookie: cookie } : {},
          redirect: "manual",
        });
        expect([303, 307, 308], `${p.pattern} ${cookie ?? ""}`).toContain(res.status);
        expect(new URL(res.headers.get("location")!, baseURL).pathname, p.pattern).toBe("/sign-in");
      }
    }
  });

  test("every exported server action called directly without a session is refused", async ({ world }) => {
    const inBuild = serverActions();
    const keys = inBuild.map((a) => `${a.filename}#${a.exportedName}`);
    expect(
      keys.filter((k) => !ACTIONS[k]),
      "add the action to ACTIONS in e2e/isolation/cases.ts",
    ).toEqual([]);
    for (const action of inBuild) {
      const entry = ACTIONS[`${action.filename}#${action.exportedName}`]!;
      if (entry.anonymous === "public") continue;
      const teamsBefore = await testDb().team.count();
      const res = await callServerAction({
        url: "/teams",
        id: action.id,
        fields: entry.fields?.(world.a.ids) ?? {},
        noState: entry.anonymous === "redirects",
        headers: { Cookie: FAKE_SESSION },
      });
      const label = `${action.filename}#${action.exportedName}`;
      if (entry.anonymous === "refused") {
        expect(res.body, label).toContain("Sign in to continue.");
      } else {
        expect(res.status, label).toBeLessThan(500);
        const target = (res.actionRedirect ?? res.location ?? "").split(";")[0]!;
        expect(new URL(target, baseURL).pathname, label).toBe("/sign-in");
      }
      expect(await testDb().team.count(), label).toBe(teamsBefore);
    }
    const team = await testDb().team.findUniqueOrThrow({ where: { id: world.a.ids.teamId }, select: { name: true } });
    expect(team.name).not.toBe("Renamed by someone else");
  });

  test("server actions with another team's id are refused without naming it", async ({ page, world }) => {
    await signIn(page, world.a.user);
    const cookie = await cookieOf(page);
    const before = await teamState(world.b.ids.teamId);
    const keys = Object.entries(ACTIONS).filter(([, e]) => e.takesTeamId);
    expect(keys.length).toBeGreaterThanOrEqual(3);
    for (const [key, entry] of keys) {
      const [file, name] = key.split("#") as [string, string];
      const fields = entry.fields!(world.b.ids);
      const res = await callServerAction({
        url: `/t/${world.a.ids.teamSlug}`,
        id: actionId(file, name),
        fields,
        headers: { Cookie: cookie },
      });
      expect(res.body, key).toContain("That team was not found.");
      // What the caller typed comes back in the form's values (e.g. a guessed team name): that is no leak.
      const sent = Object.values(fields).join("\n");
      for (const secret of world.b.secrets.filter((x) => !sent.includes(x))) {
        expect(res.body, key).not.toContain(secret);
      }
    }
    // Team B is as it was: not renamed, not handed over, not deleted.
    expect(await teamState(world.b.ids.teamId)).toBe(before);
    // The positive control: the owner renames their own team with the same action.
    const own = await callServerAction({
      url: `/t/${world.a.ids.teamSlug}`,
      id: actionId("app/(app)/teams/actions.ts", "renameTeamAction"),
      fields: { teamId: world.a.ids.teamId, name: "Alpha Renamed" },
      headers: { Cookie: cookie },
    });
    expect(own.body).toContain("Team renamed to “Alpha Renamed”.");
  });

  test("the owner-only actions work for an owner and no one else; an invitation's action joins its team", async ({
    browser,
  }) => {
    const settings = "app/(app)/t/[teamSlug]/settings/actions.ts";
    const owner = await makeUser();
    const team = await makeTeam(owner, { name: `Handover ${uniqueSuffix()}` });
    const heir = await makeUser();
    await addMember(team, heir, "member");
    const cookieFor = async (user: TestUser) => {
      const ctx = await browser.newContext({ baseURL });
      const page = await ctx.newPage();
      await signIn(page, user);
      const cookie = await cookieOf(page);
      await ctx.close();
      return cookie;
    };
    const roles = async () =>
      Object.fromEntries(
        (await testDb().membership.findMany({ where: { teamId: team.id }, select: { userId: true, role: true } })).map(
          (m) => [m.userId, m.role],
        ),
      );
    const ownerCookie = await cookieFor(owner);
    const heirCookie = await cookieFor(heir);
    const url = `/t/${team.slug}/settings`;
    const call = (name: string, fields: Record<string, string>, cookie: string) =>
      callServerAction({ url, id: actionId(settings, name), fields, headers: { Cookie: cookie } });
    const redirectPath = (r: { actionRedirect: string | null }) =>
      new URL((r.actionRedirect ?? "").split(";")[0]!, baseURL).pathname;

    // A member may neither take the team nor delete it.
    for (const res of [
      await call("transferOwnershipAction", { teamId: team.id, userId: heir.id, confirm: team.name }, heirCookie),
      await call("deleteTeamAction", { teamId: team.id, confirm: team.name }, heirCookie),
    ]) {
      expect(res.body).toContain("Your role in this team does not allow that.");
    }
    expect(await roles()).toEqual({ [owner.id]: "owner", [heir.id]: "member" });

    // An invitation's token joins its team (the action takes no team id: the token is the credential).
    const invited = await fetch(new URL(`/api/v1/teams/${team.id}/invitations`, baseURL), {
      method: "POST",
      headers: { Cookie: ownerCookie, "Content-Type": "application/json" },
      body: JSON.stringify({ role: "viewer", expiresInDays: 1, uses: "single" }),
    });
    expect(invited.status).toBe(201);
    const token = ((await invited.json()) as { path: string }).path.split("/").pop()!;
    const guest = await makeUser();
    const joined = await callServerAction({
      url: `/invite/${token}`,
      id: actionId("app/invite/actions.ts", "acceptInvitationAction"),
      fields: { token },
      headers: { Cookie: await cookieFor(guest) },
    });
    expect(redirectPath(joined)).toBe(`/t/${team.slug}`);
    expect((await roles())[guest.id]).toBe("viewer");

    // The owner hands the team over; the new owner deletes it.
    const transfer = await call(
      "transferOwnershipAction",
      { teamId: team.id, userId: heir.id, confirm: team.name },
      ownerCookie,
    );
    expect(redirectPath(transfer)).toBe(`/t/${team.slug}/members`);
    expect(await roles()).toMatchObject({ [owner.id]: "manager", [heir.id]: "owner" });
    const refused = await call("deleteTeamAction", { teamId: team.id, confirm: team.name }, ownerCookie);
    expect(refused.body).toContain("Your role in this team does not allow that.");
    const deleted = await call("deleteTeamAction", { teamId: team.id, confirm: team.name }, heirCookie);
    expect(redirectPath(deleted)).toBe("/teams");
    expect(await testDb().team.count({ where: { id: team.id } })).toBe(0);
  });
});

// ---- Public links

test.describe("public links", () => {
  test("an unknown or revoked read-only link is a 404 without names; the active one shows only its matrix", async ({
    world,
  }) => {
    const b = world.b;
    const unknown = "a".repeat(43);
    for (const token of [unknown, b.ids.revokedShareToken, `${b.ids.shareToken}x`, "%00"]) {
      for (const path of [`/s/${token}`, `/api/v1/share/${token}`]) {
        const res = await fetch(new URL(path, baseURL), { redirect: "manual" });
        const body = await res.text();
        expect(res.status, path).toBe(404);
        // The requested URL may come back in the page's data: what the caller sent is no leak.
        for (const secret of b.secrets.filter((x) => !path.includes(x))) expect(body, path).not.toContain(secret);
        if (path.startsWith("/api/")) {
          expect(JSON.parse(body)).toEqual({
            error: { code: "NOT_FOUND", message: "That link was not found, or sharing was turned off." },
          });
        }
      }
    }
    // The control: the active link works without a session, and names nothing but the matrix and its content.
    const api = await fetch(new URL(`/api/v1/share/${b.ids.shareToken}`, baseURL));
    expect(api.status).toBe(200);
    const body = await api.text();
    const label = b.user.name.replace(/ Owner$/, "");
    expect(body).toContain(`${label} Matrix`);
    for (const secret of [`${label} Owner`, `${label} Team`, `${label} Member`, `${label} Token`, `${label} Version`]) {
      expect(body).not.toContain(secret);
    }
    expect(body).not.toContain(b.ids.teamId);
    expect(body).not.toContain(b.ids.teamSlug);
    const page = await fetch(new URL(`/s/${b.ids.shareToken}`, baseURL));
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain(`${label} Team`);
  });

  test("an unknown invitation link is a 404, also signed in, and names no team", async ({ world }) => {
    for (const cookie of [undefined, world.a.cookie]) {
      for (const token of ["b".repeat(43), "not-a-token", `${world.b.ids.invitationToken}x`]) {
        const res = await fetch(new URL(`/invite/${token}`, baseURL), {
          headers: cookie ? { Cookie: cookie } : {},
          redirect: "manual",
        });
        expect(res.status, token).toBe(404);
        const body = await res.text();
        for (const secret of world.b.secrets.filter((x) => !token.includes(x))) expect(body).not.toContain(secret);
      }
    }
    // The control: the real link names its team to whoever holds it.
    const res = await fetch(new URL(`/invite/${world.b.ids.invitationToken}`, baseURL));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(world.b.ids.teamName);
  });
});

// ---- x-middleware-subrequest (CVE-2025-29927 class)

const SUBREQUEST_VALUES = [
  "middleware",
  "src/middleware",
  "pages/_middleware",
  "proxy",
  "src/proxy",
  "middleware:middleware:middleware:middleware:middleware",
  "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
  "proxy:proxy:proxy:proxy:proxy",
];

test("requests with x-middleware-subrequest still go through every check", async ({ world }) => {
  for (const value of SUBREQUEST_VALUES) {
    const h = { "x-middleware-subrequest": value };
    const api = await fetch(new URL("/api/v1/teams", baseURL), { headers: h });
    expect(api.status, value).toBe(401);
    const write = await fetch(new URL(`/api/v1/teams/${world.b.ids.teamId}/people`, baseURL), {
      method: "POST",
      headers: { ...h, "Content-Type": "application/json", Cookie: FAKE_SESSION },
      body: JSON.stringify({ name: "Planted by a subrequest" }),
    });
    expect(write.status, value).toBe(401);
    for (const cookie of [undefined, FAKE_SESSION]) {
      const page = await fetch(new URL(`/t/${world.b.ids.teamSlug}`, baseURL), {
        headers: { ...h, ...(cookie ? { Cookie: cookie } : {}) },
        redirect: "manual",
      });
      expect([303, 307, 308], value).toContain(page.status);
      expect(new URL(page.headers.get("location")!, baseURL).pathname).toBe("/sign-in");
      const html = await page.text();
      for (const secret of world.b.secrets) expect(html).not.toContain(secret);
    }
    const action = await callServerAction({
      url: "/teams",
      id: actionId("app/(app)/teams/actions.ts", "renameTeamAction"),
      fields: { teamId: world.b.ids.teamId, name: "Renamed by a subrequest" },
      headers: { ...h, Cookie: FAKE_SESSION },
    });
    expect(action.body, value).toContain("Sign in to continue.");
    // A signed-in user of another team gains nothing either.
    const other = await fetch(new URL(`/api/v1/matrices/${world.b.ids.matrixId}`, baseURL), {
      headers: { ...h, Authorization: `Bearer ${world.a.token}` },
    });
    expect(other.status, value).toBe(404);
  }
  const people = await testDb().person.count({
    where: { teamId: world.b.ids.teamId, name: "Planted by a subrequest" },
  });
  expect(people).toBe(0);
});

// ---- Cross-site requests

test.describe("cross-site requests", () => {
  test("state-changing API calls with a foreign Origin or Origin: null are refused", async ({ page, world }) => {
    await signIn(page, world.a.user);
    const cookie = await cookieOf(page);
    const url = new URL(`/api/v1/teams/${world.a.ids.teamId}/people`, baseURL);
    const post = (headers: Record<string, string>, name: string) =>
      fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...headers },
        body: JSON.stringify({ name }),
      });
    for (const origin of ["https://evil.example", "null", `http://evil.example:${url.port}`]) {
      const res = await post({ Cookie: cookie, Origin: origin }, `Cross-site ${origin}`);
      expect(res.status, origin).toBe(403);
      expect(await res.json()).toEqual({
        error: { code: "FORBIDDEN", message: "Cross-site requests are not allowed." },
      });
      // A bearer token does not help when the session cookie rides along.
      const both = await post(
        { Cookie: cookie, Origin: origin, Authorization: `Bearer ${world.a.token}` },
        `Cross-site ${origin}`,
      );
      expect(both.status, origin).toBe(403);
    }
    // The controls: same origin with the cookie, and a bearer token alone (no ambient credential).
    expect((await post({ Cookie: cookie, Origin: url.origin }, "Same origin")).status).toBe(201);
    expect(
      (await post({ Authorization: `Bearer ${world.a.token}`, Origin: "https://tool.example" }, "By token")).status,
    ).toBe(201);
    const names = await testDb().person.findMany({ where: { teamId: world.a.ids.teamId }, select: { name: true } });
    expect(names.filter((n) => n.name.startsWith("Cross-site"))).toEqual([]);
  });

  test("server actions with a foreign Origin or Origin: null are refused", async ({ page, world }) => {
    await signIn(page, world.a.user);
    const cookie = await cookieOf(page);
    const id = actionId("app/(app)/teams/actions.ts", "renameTeamAction");
    for (const origin of ["https://evil.example", "null"]) {
      const res = await callServerAction({
        url: `/t/${world.a.ids.teamSlug}/settings`,
        id,
        fields: { teamId: world.a.ids.teamId, name: `Renamed from ${origin}` },
        headers: { Cookie: cookie, Origin: origin },
      });
      expect(res.status, origin).toBeGreaterThanOrEqual(400);
      expect(res.body).not.toContain("Team renamed");
      const team = await testDb().team.findUniqueOrThrow({ where: { id: world.a.ids.teamId }, select: { name: true } });
      expect(team.name).not.toContain("Renamed from");
    }
    const ok = await callServerAction({
      url: `/t/${world.a.ids.teamSlug}/settings`,
      id,
      fields: { teamId: world.a.ids.teamId, name: "Alpha Same Origin" },
      headers: { Cookie: cookie, Origin: new URL(baseURL).origin },
    });
    expect(ok.body).toContain("Team renamed to “Alpha Same Origin”.");
  });
});

// ---- Old sessions

async function sideWith(browser: import("@playwright/test").Browser, role: "manager" | "member") {
  const side: Side = await makeSide(browser, `Session ${Date.now()}`);
  const user: TestUser = await makeUser();
  await addMember({ id: side.ids.teamId, slug: side.ids.teamSlug, name: "" }, user, role);
  return { side, user };
}

async function bumpSessionVersion(userId: string) {
  await testDb().user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

test.describe("old sessions", () => {
  test("a lowered role takes effect on the next request; with the session version bumped the old token is dead", async ({
    page,
    browser,
  }) => {
    const { side, user } = await sideWith(browser, "manager");
    await signIn(page, user);
    const matrix = `/api/v1/matrices/${side.ids.matrixId}`;
    const rename = (name: string, version: number) => page.request.patch(matrix, { data: { name, version } });
    const first = await rename("Managed", side.ids.matrixVersion);
    expect(first.status()).toBe(200);
    const version = ((await first.json()) as { matrix: { version: number } }).matrix.version;

    await testDb().membership.updateMany({
      where: { userId: user.id, teamId: side.ids.teamId },
      data: { role: "viewer" },
    });
    expect((await rename("Lowered", version)).status()).toBe(403);
    expect((await page.request.get(matrix)).status()).toBe(200);

    await bumpSessionVersion(user.id);
    expect((await page.request.get(matrix)).status()).toBe(401);
    await page.goto(`/t/${side.ids.teamSlug}`);
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("a removed member gets 404 at once, and a dead session after the bump", async ({ page, browser }) => {
    const { side, user } = await sideWith(browser, "member");
    await signIn(page, user);
    const matrix = `/api/v1/matrices/${side.ids.matrixId}`;
    expect((await page.request.get(matrix)).status()).toBe(200);
    await testDb().membership.deleteMany({ where: { userId: user.id, teamId: side.ids.teamId } });
    const gone = await page.request.get(matrix);
    expect(gone.status()).toBe(404);
    for (const secret of side.secrets) expect(await gone.text()).not.toContain(secret);
    await bumpSessionVersion(user.id);
    expect((await page.request.get("/api/v1/teams")).status()).toBe(401);
  });

  test("after sign-out the old session cookie fails on the API, the pages and the actions", async ({
    page,
    browser,
  }) => {
    const user = await makeUser();
    await signIn(page, user);
    const cookie = await cookieOf(page);
    await page.getByRole("button", { name: `Account: ${user.name}` }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);

    const api = await fetch(new URL("/api/v1/teams", baseURL), { headers: { Cookie: cookie } });
    expect(api.status).toBe(401);
    const pageRes = await fetch(new URL("/teams", baseURL), { headers: { Cookie: cookie }, redirect: "manual" });
    expect(new URL(pageRes.headers.get("location")!, baseURL).pathname).toBe("/sign-in");
    const action = await callServerAction({
      url: "/teams",
      id: actionId("app/(app)/teams/actions.ts", "createTeamAction"),
      fields: { name: "After sign-out" },
      headers: { Cookie: cookie },
    });
    expect(action.body).toContain("Sign in to continue.");
    void browser;
  });
});
