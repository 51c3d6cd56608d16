/**
 * Hardening, access side (issue #7): roles (403), no session (401 / redirect / refused
 * actions), `x-middleware-subrequest`, cross-site Origin on the API and on server
 * actions, and old sessions after sign-out, a lowered role or a removal.
 */
import { test as base, expect, type Page } from "@playwright/test";
import { signIn } from "./fixtures/auth";
import { addMember, makeUser, type TestUser } from "./fixtures/factories";
import { bearerClient, makeApiToken } from "./fixtures/api-token";
import { testDb } from "./fixtures/db";
import { actionId, callServerAction, serverActions } from "./fixtures/server-actions";
import { ACTIONS, CASES, type IsolationCase } from "./isolation/cases";
import { routeFiles } from "./isolation/route-files";
import { makeSide, makeWorld, type Ids, type Side, type World } from "./isolation/world";

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

const PUBLIC_PAGES = new Set(["/", "/sign-in", "/sign-up", "/docs/api"]);
const PUBLIC_ROUTES = new Set(["/api/v1/openapi.json"]);

// ---- Roles

/** Writes a member or a viewer may not do: the isolation table's writes on their own team. */
const MANAGER_WRITES = CASES.filter(
  (c) => c.method !== "GET" && !c.variant && c.route.startsWith("/api/v1/") && !/presence|tokens/.test(c.route),
);

test.describe("roles", () => {
  for (const role of ["member", "viewer"] as const) {
    test(`every write a ${role} may not do is a 403, and changes nothing`, async ({ world }) => {
      const user = await makeUser();
      const team = { id: world.b.ids.teamId, slug: world.b.ids.teamSlug, name: "" };
      await addMember(team, user, role);
      const { token } = await makeApiToken(user);
      expect(MANAGER_WRITES.length).toBeGreaterThan(12);
      for (const c of MANAGER_WRITES) {
        const res = await send(c, world.b.ids, { Authorization: `Bearer ${token}` });
        const text = await res.text();
        expect(res.status, `${c.method} ${c.route}: ${text}`).toBe(403);
        expect(JSON.parse(text)).toEqual({
          error: { code: "FORBIDDEN", message: "Your role in this team does not allow that." },
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
    });
  }

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
    for (const [key, entry] of Object.entries(ACTIONS).filter(([, e]) => e.takesTeamId)) {
      const [file, name] = key.split("#") as [string, string];
      const res = await callServerAction({
        url: `/t/${world.a.ids.teamSlug}`,
        id: actionId(file, name),
        fields: entry.fields!(world.b.ids),
        headers: { Cookie: cookie },
      });
      expect(res.body, key).toContain("That team was not found.");
      for (const secret of world.b.secrets) expect(res.body, key).not.toContain(secret);
    }
    const team = await testDb().team.findUniqueOrThrow({ where: { id: world.b.ids.teamId }, select: { name: true } });
    expect(team.name).not.toBe("Renamed by someone else");
    // The positive control: the owner renames their own team with the same action.
    const own = await callServerAction({
      url: `/t/${world.a.ids.teamSlug}`,
      id: actionId("app/(app)/teams/actions.ts", "renameTeamAction"),
      fields: { teamId: world.a.ids.teamId, name: "Alpha Renamed" },
      headers: { Cookie: cookie },
    });
    expect(own.body).toContain("Team renamed to “Alpha Renamed”.");
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
