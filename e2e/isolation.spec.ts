/**
 * Tenant isolation, table-driven (cases in e2e/isolation/cases.ts): for every page and
 * route handler that takes an id, a user of team A asking for team B's object gets a
 * 404 whose body holds none of team B's names, a write changes nothing of team B, and
 * B's owner asking for the same gets a success (the positive control). A page or route with a dynamic segment and no case
 * fails the first test.
 */
import { test as base, expect } from "@playwright/test";
import { CASES, SKIPPED, type IsolationCase } from "./isolation/cases";
import { routeFiles } from "./isolation/route-files";
import { makeWorld, teamState, type Ids, type Side, type World } from "./isolation/world";

const test = base.extend<object, { world: World }>({
  world: [async ({ browser }, use) => use(await makeWorld(browser)), { scope: "worker", timeout: 60_000 }],
});

const baseURL = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000";

interface Answer {
  status: number;
  body: string;
  contentType: string;
  location: string | null;
}

/** One request with a side's session cookie (no redirects followed, streams cut short). */
async function call(side: Side, c: IsolationCase, target: Ids, me: Ids): Promise<Answer> {
  const controller = new AbortController();
  const headers: Record<string, string> = { Cookie: side.cookie };
  let body: string | undefined;
  if (c.body) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(c.body(target));
  } else if (c.raw) {
    headers["Content-Type"] = c.raw.contentType;
    body = c.raw.data;
  }
  const res = await fetch(new URL(c.path(target, me), baseURL), {
    method: c.method,
    headers,
    body,
    redirect: "manual",
    signal: controller.signal,
  });
  const contentType = res.headers.get("content-type") ?? "";
  const location = res.headers.get("location");
  if (c.stream && contentType.startsWith("text/event-stream")) {
    controller.abort();
    return { status: res.status, body: "", contentType, location };
  }
  return { status: res.status, body: await res.text(), contentType, location };
}

function label(c: IsolationCase): string {
  return `${c.method} ${c.route}${c.variant ? ` (${c.variant})` : ""}`;
}

test("every page and route handler with an id has an isolation case", () => {
  const covered = new Set(CASES.map((c) => `${c.method} ${c.route}`));
  const missing: string[] = [];
  for (const r of routeFiles().filter((f) => f.isDynamic)) {
    if (SKIPPED[r.pattern]) continue;
    for (const method of r.methods) {
      if (!covered.has(`${method} ${r.pattern}`)) missing.push(`${method} ${r.pattern}  (${r.file})`);
    }
  }
  expect(missing, "add a case to e2e/isolation/cases.ts (or a reason to SKIPPED)").toEqual([]);

  // And no case for a route that does not exist (a renamed route would silently lose its test).
  const existing = new Set(routeFiles().flatMap((r) => r.methods.map((m) => `${m} ${r.pattern}`)));
  expect(CASES.map((c) => `${c.method} ${c.route}`).filter((k) => !existing.has(k))).toEqual([]);
});

for (const c of CASES) {
  test(`isolation: ${label(c)}`, async ({ world }) => {
    const { a, b } = world;

    const before = c.method === "GET" ? "" : await teamState(b.ids.teamId);
    const attack = await call(a, c, b.ids, a.ids);
    expect(attack.status, `team A's owner asking for team B's object: ${attack.body.slice(0, 300)}`).toBe(404);
    for (const secret of b.secrets) expect(attack.body, "a name of team B leaked").not.toContain(secret);
    if (c.route.startsWith("/api/")) {
      expect((JSON.parse(attack.body) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
    }

    if (c.method !== "GET") {
      // Nothing of B's changed: its matrix, row and column are there with their versions.
      const after = await fetch(new URL(`/api/v1/matrices/${b.ids.matrixId}`, baseURL), {
        headers: { Authorization: `Bearer ${b.token}` },
      });
      expect(after.status).toBe(200);
      const dto = (await after.json()) as {
        version: number;
        rows: { id: string; version: number }[];
        columns: { id: string; version: number; personVersion: number }[];
      };
      expect(dto.version).toBe(b.ids.matrixVersion);
      expect(dto.rows.find((r) => r.id === b.ids.rowId)?.version).toBe(b.ids.rowVersion);
      const column = dto.columns.find((col) => col.id === b.ids.columnId);
      expect(column?.version).toBe(b.ids.columnVersion);
      expect(column?.personVersion).toBe(b.ids.personVersion);
      // Nor anything else of team B: members, invitations, snapshots, links, history.
      expect(await teamState(b.ids.teamId), "team B changed").toBe(before);
    }

    // The positive control: B's owner gets their own object (writes on a fresh matrix).
    const own = c.method === "GET" ? b.ids : await b.fresh();
    const ok = await call(b, c, own, own);
    if (c.okRedirect) {
      expect([303, 307, 308], `team B's owner asking for their own: ${ok.status}`).toContain(ok.status);
      expect(new URL(ok.location!, baseURL).pathname).toBe(c.okRedirect(own));
      return;
    }
    expect(ok.status, `team B's owner asking for their own: ${ok.body.slice(0, 300)}`).toBeGreaterThanOrEqual(200);
    expect(ok.status).toBeLessThan(300);
  });
}
