/**
 * Live collaboration: edits reach every open browser without a reload, presence shows
 * who is here and where, and an event stream ends with its page. Each test opens the
 * matrix in two or three browser contexts (separate people, separate cookies).
 *
 * The stream count comes from GET /api/diagnostics/realtime, which exists only when the
 * server runs with REMIT_TEST_DIAGNOSTICS=1 (scripts/test.mjs sets it).
 */
import type { APIRequestContext, Browser, BrowserContext, Locator, Page } from "@playwright/test";
import { addMember, expect, makeUser, signIn, test, type Role, type TestTeam, type TestUser } from "./fixtures/test";
import { createTemplateMatrix, putLetters } from "./fixtures/matrix";

const ROW = "One on Ones";
const TL = "Tech Lead";
const EM = "Engineering Manager";

interface MatrixDto {
  id: string;
  rows: { id: string; title: string }[];
  columns: { personId: string; name: string }[];
  cells: [number, number, string, number][];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The matrix page, filtered to the row under test so that the virtualized grid renders it. */
function matrixUrl(team: TestTeam, matrixId: string, query = ROW): string {
  return `/t/${team.slug}/matrices/${matrixId}?q=${encodeURIComponent(query)}`;
}

function cell(page: Page, row: string, column: string): Locator {
  return page.getByRole("gridcell", { name: new RegExp(`^${escapeRegExp(row)}, ${escapeRegExp(column)}\\b`) });
}

/** The cell's accessible name ends with its letters in words (findings may follow). */
function says(words: string): RegExp {
  return new RegExp(`: ${escapeRegExp(words)}(, \\d+ findings?)?$`);
}

interface Visitor {
  user: TestUser;
  context: BrowserContext;
  page: Page;
}

/** A new person of the team, signed in in their own browser context, on the matrix. */
async function visitor(browser: Browser, team: TestTeam, url: string, name: string, role: Role): Promise<Visitor> {
  const user = await makeUser({ name });
  await addMember(team, user, role);
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await signIn(page, user, url);
  await expect(page).toHaveURL(new RegExp(`${escapeRegExp(url)}$`));
  await expectLive(page);
  return { user, context, page };
}

async function expectLive(page: Page) {
  await expect(page.getByRole("status", { name: "Connection" })).toHaveText("Live");
}

function presenceList(page: Page): Locator {
  return page.getByRole("list", { name: /\d+ (person|people) viewing/ });
}

/** Marks the document; a reload would lose the mark. */
async function markDocument(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { __remitLiveMark?: number }).__remitLiveMark = 1;
  });
}

async function expectNotReloaded(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __remitLiveMark?: number }).__remitLiveMark)).toBe(1);
}

async function openStreams(request: APIRequestContext, matrixId: string): Promise<number> {
  const res = await request.get(`/api/diagnostics/realtime?matrixId=${encodeURIComponent(matrixId)}`);
  expect(res.status(), "start the server with REMIT_TEST_DIAGNOSTICS=1 (scripts/test.mjs does)").toBe(200);
  return ((await res.json()) as { openStreams: number }).openStreams;
}

test.describe("live collaboration", () => {
  test("an edit made in one browser shows up in the other without a reload, through the grid or the API", async ({
    page,
    browser,
    owner,
    signInAs,
  }) => {
    await signInAs(owner.user);
    const matrixId = await createTemplateMatrix(page.request, owner.team, "Live TL vs EM");
    const url = matrixUrl(owner.team, matrixId);
    await page.goto(url);
    await expectLive(page);
    const bea = await visitor(browser, owner.team, url, "Bea Manager", "manager");
    await markDocument(page);
    await markDocument(bea.page);

    try {
      await expect(cell(bea.page, ROW, TL)).toHaveAccessibleName(says("no role"));

      // Through the grid: the owner makes the Tech Lead consulted.
      await cell(page, ROW, TL).click();
      const picker = page
        .getByRole("dialog")
        .filter({ has: page.getByRole("button", { name: "Consulted", exact: true }) });
      await picker.getByRole("button", { name: "Consulted", exact: true }).click();
      if (await picker.isVisible()) await page.keyboard.press("Escape");
      await expect(cell(page, ROW, TL)).toHaveAccessibleName(says("Consulted"));
      await expect(cell(bea.page, ROW, TL)).toHaveAccessibleName(says("Consulted"));

      // Through the API, by Bea: the owner's grid follows.
      await putLetters(bea.page.request, matrixId, ROW, TL, "CI");
      await expect(cell(page, ROW, TL)).toHaveAccessibleName(says("Consulted and Informed"));
      await expect(cell(bea.page, ROW, TL)).toHaveAccessibleName(says("Consulted and Informed"));

      // A burst of writes ends on the last one everywhere.
      for (const letters of ["R", "A", "C", "I", "RA", "I"]) await putLetters(page.request, matrixId, ROW, EM, letters);
      await expect(cell(bea.page, ROW, EM)).toHaveAccessibleName(says("Informed"));
      await expect(cell(page, ROW, EM)).toHaveAccessibleName(says("Informed"));

      // Structure follows too: a new row appears in the other browser.
      const created = await bea.page.request.post(`/api/v1/matrices/${matrixId}/rows`, {
        data: { title: `${ROW} follow-ups` },
      });
      expect(created.status()).toBe(201);
      await expect(
        page.getByRole("gridcell", { name: new RegExp(`^${ROW} follow-ups, ${TL}: no role`) }),
      ).toBeVisible();

      await expectNotReloaded(page);
      await expectNotReloaded(bea.page);
    } finally {
      await bea.context.close();
    }
  });

  test("a browser that lost its connection catches up on what it missed when it is back", async ({
    page,
    browser,
    owner,
    signInAs,
  }) => {
    await signInAs(owner.user);
    const matrixId = await createTemplateMatrix(page.request, owner.team, "Live TL vs EM");
    const url = matrixUrl(owner.team, matrixId);
    await page.goto(url);
    await expectLive(page);
    const bea = await visitor(browser, owner.team, url, "Bea Offline", "manager");
    await markDocument(bea.page);
    try {
      await bea.context.setOffline(true);
      await expect(bea.page.getByRole("status", { name: "Connection" })).toHaveText("Reconnecting…");
      await putLetters(page.request, matrixId, ROW, TL, "C");
      await putLetters(page.request, matrixId, ROW, EM, "A");
      await bea.context.setOffline(false);
      await expectLive(bea.page);
      await expect(cell(bea.page, ROW, TL)).toHaveAccessibleName(says("Consulted"));
      await expect(cell(bea.page, ROW, EM)).toHaveAccessibleName(says("Accountable"));
      await expectNotReloaded(bea.page);
    } finally {
      await bea.context.close();
    }
  });

  test("presence: people appear as they open the matrix, show where they are, and disappear as they close it", async ({
    page,
    browser,
    owner,
    signInAs,
  }) => {
    await signInAs(owner.user);
    const matrixId = await createTemplateMatrix(page.request, owner.team, "Live TL vs EM");
    const url = matrixUrl(owner.team, matrixId);
    await page.goto(url);
    await expectLive(page);
    await expect(presenceList(page)).toHaveAccessibleName("1 person viewing");

    const bea = await visitor(browser, owner.team, url, "Bea Viewer", "viewer");
    const cal = await visitor(browser, owner.team, url, "Cal Member", "member");
    try {
      for (const p of [page, bea.page, cal.page]) {
        await expect(presenceList(p)).toHaveAccessibleName("3 people viewing");
        await expect(presenceList(p).getByRole("listitem")).toHaveCount(3);
      }
      await expect(presenceList(page)).toContainText("Bea Viewer");
      await expect(presenceList(page)).toContainText("Cal Member");
      await expect(presenceList(bea.page)).toContainText("Bea Viewer (you)");

      // Bea selects a cell: the others see it outlined with her initials.
      await cell(bea.page, ROW, TL).click();
      const outline = cell(page, ROW, TL).locator("[data-remote-selection]");
      await expect(outline).toHaveText("BV");
      await expect(outline).toHaveAttribute("data-remote-selection", "Bea Viewer");
      await expect(cell(cal.page, ROW, TL).locator("[data-remote-selection]")).toHaveText("BV");
      // Her own grid shows her focus, not an outline of herself.
      await expect(cell(bea.page, ROW, TL).locator("[data-remote-selection]")).toHaveCount(0);

      // She moves on: the outline follows.
      await cell(bea.page, ROW, EM).click();
      await expect(cell(page, ROW, EM).locator("[data-remote-selection]")).toHaveText("BV");
      await expect(outline).toHaveCount(0);

      // Cal leaves: everyone else sees two.
      await cal.context.close();
      await expect(presenceList(page)).toHaveAccessibleName("2 people viewing");
      await expect(presenceList(bea.page)).toHaveAccessibleName("2 people viewing");
      await expect(presenceList(page)).not.toContainText("Cal Member");

      // Bea leaves: her outline goes with her.
      await bea.context.close();
      await expect(presenceList(page)).toHaveAccessibleName("1 person viewing");
      await expect(page.locator("[data-remote-selection]")).toHaveCount(0);
    } finally {
      await bea.context.close();
      await cal.context.close();
    }
  });

  test("a user with two tabs is listed once, and stays until the last tab closes", async ({
    page,
    owner,
    signInAs,
  }) => {
    await signInAs(owner.user);
    const matrixId = await createTemplateMatrix(page.request, owner.team, "Live TL vs EM");
    const url = matrixUrl(owner.team, matrixId);
    await page.goto(url);
    await expectLive(page);
    const second = await page.context().newPage();
    await second.goto(url);
    await expectLive(second);
    await expect.poll(() => openStreams(page.request, matrixId)).toBe(2);
    await expect(presenceList(second)).toHaveAccessibleName("1 person viewing");
    await second.close();
    await expect.poll(() => openStreams(page.request, matrixId)).toBe(1);
    await expect(presenceList(page)).toHaveAccessibleName("1 person viewing");
  });

  test("the event stream is released when its page closes", async ({ page, browser, owner, signInAs }) => {
    await signInAs(owner.user);
    const matrixId = await createTemplateMatrix(page.request, owner.team, "Live TL vs EM");
    const url = matrixUrl(owner.team, matrixId);
    const request = page.context().request;
    expect(await openStreams(request, matrixId)).toBe(0);

    await page.goto(url);
    await expectLive(page);
    const bea = await visitor(browser, owner.team, url, "Bea Leaving", "member");
    const cal = await visitor(browser, owner.team, url, "Cal Leaving", "member");
    try {
      await expect.poll(() => openStreams(request, matrixId)).toBe(3);

      await bea.page.close();
      await expect.poll(() => openStreams(request, matrixId)).toBe(2);

      // Navigating away within the app closes the stream too.
      await cal.page.goto(`/t/${owner.team.slug}`);
      await expect.poll(() => openStreams(request, matrixId)).toBe(1);

      await page.close();
      await expect.poll(() => openStreams(request, matrixId)).toBe(0);
    } finally {
      await bea.context.close();
      await cal.context.close();
    }
  });

  test("the live endpoints refuse strangers and bad input, and the change feed is bounded", async ({
    page,
    browser,
    owner,
    signInAs,
    playwright,
  }) => {
    await signInAs(owner.user);
    const matrixId = await createTemplateMatrix(page.request, owner.team, "Live TL vs EM");
    const baseURL = test.info().project.use.baseURL;
    const anonymous = await playwright.request.newContext({ baseURL });
    const strangerContext = await browser.newContext({ baseURL });
    try {
      expect((await anonymous.get(`/api/v1/matrices/${matrixId}/events`)).status()).toBe(401);
      expect((await anonymous.get(`/api/v1/matrices/${matrixId}/changes?after=0`)).status()).toBe(401);

      // Someone of another team: the matrix does not exist for them.
      const strangerPage = await strangerContext.newPage();
      await signIn(strangerPage, await makeUser({ name: "Sam Stranger" }));
      const stranger = strangerPage.request;
      expect((await stranger.get(`/api/v1/matrices/${matrixId}/events`)).status()).toBe(404);
      expect((await stranger.get(`/api/v1/matrices/${matrixId}/changes?after=0`)).status()).toBe(404);
      expect(
        (await stranger.post(`/api/v1/matrices/${matrixId}/presence`, { data: { selection: null } })).status(),
      ).toBe(404);

      expect((await page.request.get(`/api/v1/matrices/${matrixId}/changes`)).status()).toBe(400);
      expect((await page.request.get(`/api/v1/matrices/${matrixId}/changes?after=-1`)).status()).toBe(400);
      expect((await page.request.get(`/api/v1/matrices/nope/changes?after=0`)).status()).toBe(404);
      expect((await page.request.get(`/api/v1/matrices/nope/events`)).status()).toBe(404);
      const extra = { selection: { rowId: "r", personId: "p", cell: "x" } };
      expect((await page.request.post(`/api/v1/matrices/${matrixId}/presence`, { data: extra })).status()).toBe(400);
      expect(
        (await page.request.post(`/api/v1/matrices/${matrixId}/presence`, { data: { selection: null } })).status(),
      ).toBe(204);

      // The feed: changes with who made them, and the touched cells' current state.
      await putLetters(page.request, matrixId, ROW, TL, "C");
      const feed = (await (await page.request.get(`/api/v1/matrices/${matrixId}/changes?after=0`)).json()) as {
        changes: { entity: string; actorName: string | null; after: unknown }[];
        cells: { letters: string; version: number }[];
        lastChangeId: number;
      };
      expect(feed.changes.map((c) => c.entity)).toEqual(["matrix", "cell"]);
      expect(feed.changes[1]).toMatchObject({ actorName: owner.user.name, after: "C" });
      expect(feed.cells).toEqual([expect.objectContaining({ letters: "C", version: 1 })]);
      const empty = await (
        await page.request.get(`/api/v1/matrices/${matrixId}/changes?after=${feed.lastChangeId}`)
      ).json();
      expect(empty).toEqual({ changes: [], cells: [], lastChangeId: feed.lastChangeId });

      // More than 500 changes: the client is told to reload the matrix instead.
      const dto = (await (await page.request.get(`/api/v1/matrices/${matrixId}`)).json()) as MatrixDto;
      const versions = new Map(dto.cells.map(([r, c, , v]) => [`${r}:${c}`, v]));
      let written = 0;
      for (let round = 0; written <= 520; round++) {
        const letters = ["R", "A", "C", "I"][round % 4]!;
        const cells = dto.rows.flatMap((row, r) =>
          dto.columns.map((col, c) => ({
            responsibilityId: row.id,
            personId: col.personId,
            letters,
            version: versions.get(`${r}:${c}`) ?? 0,
          })),
        );
        const res = await page.request.put(`/api/v1/matrices/${matrixId}/cells`, { data: { cells } });
        expect(res.status(), await res.text()).toBe(200);
        const body = (await res.json()) as { cells: { responsibilityId: string; personId: string; version: number }[] };
        for (const c of body.cells) {
          const r = dto.rows.findIndex((x) => x.id === c.responsibilityId);
          const k = dto.columns.findIndex((x) => x.personId === c.personId);
          versions.set(`${r}:${k}`, c.version);
        }
        written += cells.length;
      }
      const tooMany = await (
        await page.request.get(`/api/v1/matrices/${matrixId}/changes?after=${feed.lastChangeId}`)
      ).json();
      expect(tooMany).toMatchObject({ tooMany: true });
      expect((tooMany as { lastChangeId: number }).lastChangeId).toBeGreaterThan(feed.lastChangeId + 500);
    } finally {
      await anonymous.dispose();
      await strangerContext.close();
    }
  });
});
