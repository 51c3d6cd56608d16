/**
 * A facilitated workshop end to end: a facilitator on the projector view and three
 * participants in their own browser contexts (separate people, separate cookies). They
 * join three ways (code, link, banner), vote silently, the facilitator reveals, decides
 * from the majority (the matrix changes, attributed to the facilitator), parks, goes
 * back, skips, ends; the summary and its PDF follow. Then who may do what.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import {
  addMember,
  expect,
  makeTeam,
  makeUser,
  signIn,
  test,
  type Role,
  type TestTeam,
  type TestUser,
} from "./fixtures/test";
import { createTemplateMatrix } from "./fixtures/matrix";
import { testDb } from "./fixtures/db";
import type { MatrixDto } from "../lib/matrix/dto";
import type { WorkshopStateDto } from "../lib/matrix/workshop-dto";

const ITEM_1 = "Technical Excellence and Innovation";
const ITEM_2 = "Architecture and System Integration";
const ITEM_3 = "Tech Mentoring, Adoption and Alignment";
const TL = "Tech Lead";
const EM = "Engineering Manager";

/** WORKSHOP_SCREENSHOTS=1 saves the screens to /tmp for a human look. */
async function shot(page: Page, name: string) {
  if (process.env.WORKSHOP_SCREENSHOTS) await page.screenshot({ path: `/tmp/workshop-${name}.png`, fullPage: true });
}

interface Person {
  user: TestUser;
  context: BrowserContext;
  page: Page;
}

async function person(
  browser: Browser,
  team: TestTeam,
  name: string,
  role: Role,
  signInNow = true,
  viewport?: { width: number; height: number },
): Promise<Person> {
  const user = await makeUser({ name });
  await addMember(team, user, role);
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    ...(viewport ? { viewport } : {}),
  });
  const page = await context.newPage();
  if (signInNow) await signIn(page, user);
  return { user, context, page };
}

/** Picks letters for one column in the vote/decision editor (toggles to the wanted state). */
async function pick(page: Page, column: string, letters: string) {
  const group = page.getByRole("group", { name: column, exact: true });
  for (const [l, word] of [
    ["R", "Responsible"],
    ["A", "Accountable"],
    ["C", "Consulted"],
    ["I", "Informed"],
  ] as const) {
    const button = group.getByRole("button", { name: new RegExp(`^${l} ${word}$`) });
    const wanted = letters.includes(l);
    if ((await button.getAttribute("aria-pressed")) !== String(wanted)) await button.click();
    await expect(button).toHaveAttribute("aria-pressed", String(wanted));
  }
}

function letterButton(page: Page, column: string, l: string, word: string) {
  return page.getByRole("group", { name: column, exact: true }).getByRole("button", { name: `${l} ${word}` });
}

async function vote(page: Page, letters: Record<string, string>) {
  for (const [column, l] of Object.entries(letters)) await pick(page, column, l);
  await page.getByRole("button", { name: /^(Submit|Change) vote$/ }).click();
  await expect(page.getByText("Your vote is in. Waiting for the facilitator", { exact: false })).toBeVisible();
}

async function state(page: Page, workshopId: string): Promise<WorkshopStateDto> {
  const res = await page.request.get(`/api/v1/workshops/${workshopId}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { workshop: WorkshopStateDto }).workshop;
}

function cellOf(dto: MatrixDto, rowTitle: string, column: string): string {
  const r = dto.rows.findIndex((x) => x.title === rowTitle);
  const c = dto.columns.findIndex((x) => x.name === column);
  return dto.cells.find(([ri, ci]) => ri === r && ci === c)?.[2] ?? "";
}

test.describe("facilitated workshop", () => {
  test("start, join, vote silently, reveal, decide, park, back, skip, end, summary and PDF", async ({
    page,
    browser,
    owner,
    signInAs,
    axe,
  }) => {
    test.setTimeout(180_000);
    await signInAs(owner.user);
    const matrixName = `Workshop TL vs EM ${Date.now().toString(36)}`;
    const matrixId = await createTemplateMatrix(page.request, owner.team, matrixName);
    const people: Person[] = [];
    try {
      // ---- The facilitator starts from the matrix page.
      await page.goto(`/t/${owner.team.slug}/matrices/${matrixId}`);
      await page.getByRole("button", { name: "Start workshop" }).click();
      const dialog = page.getByRole("dialog", { name: "Start a workshop" });
      await dialog.getByLabel("Name (optional)").fill("Roles review");
      await dialog.getByRole("button", { name: "Start workshop" }).click();
      await expect(page).toHaveURL(/\/workshops\/[^/]+\/facilitate$/);
      const workshopId = page.url().split("/workshops/")[1]!.split("/")[0]!;
      await expect(page.getByRole("heading", { level: 1, name: "Roles review" })).toBeVisible();
      await expect(page.getByRole("heading", { level: 2, name: ITEM_1 })).toBeVisible();
      await expect(page.getByText(/^Item 1 of \d+$/)).toBeVisible();
      await expect(page.getByRole("status", { name: "Connection" })).toHaveText("Live");
      const code = (await page.getByTestId("join-code").textContent())!.trim();
      expect(code).toMatch(/^[A-Z0-9]{6}$/);
      expect(await axe()).toEqual([]);

      // ---- Three members join: by typing the code, by the link (signing in on the way), by the banner.
      // Ana is on a phone.
      const ana = await person(browser, owner.team, "Ana Participant", "member", true, { width: 390, height: 844 });
      people.push(ana);
      await ana.page.goto("/join");
      expect(await axe(ana.page)).toEqual([]);
      await ana.page.getByLabel("Workshop code").fill(code.toLowerCase());
      await ana.page.getByRole("button", { name: "Join" }).click();
      await expect(ana.page).toHaveURL(new RegExp(`/workshops/${workshopId}$`));
      expect(await axe(ana.page)).toEqual([]);

      const ben = await person(browser, owner.team, "Ben Participant", "member", false);
      people.push(ben);
      await ben.page.goto(`/w/${code}`);
      await expect(ben.page).toHaveURL(/\/sign-in\?callbackUrl=/);
      await ben.page.getByLabel("Email").fill(ben.user.email);
      await ben.page.getByLabel("Password").fill(ben.user.password);
      await ben.page.getByRole("button", { name: "Sign in" }).click();
      await expect(ben.page).toHaveURL(new RegExp(`/workshops/${workshopId}$`));

      const cy = await person(browser, owner.team, "Cy Participant", "member");
      people.push(cy);
      await cy.page.goto(`/t/${owner.team.slug}/matrices/${matrixId}`);
      const banner = cy.page.getByRole("region", { name: "Workshop" });
      await expect(banner).toContainText("Workshop in progress");
      await shot(cy.page, "matrix-banner");
      expect(await axe(cy.page)).toEqual([]);
      await banner.getByRole("link", { name: "Join" }).click();
      await expect(cy.page).toHaveURL(new RegExp(`/workshops/${workshopId}$`));

      await expect(page.getByRole("heading", { name: "People here (3)" })).toBeVisible();
      await expect(page.getByText("0 of 3 voted")).toBeVisible();
      for (const p of people) await expect(p.page.getByRole("heading", { level: 2, name: ITEM_1 })).toBeVisible();

      // ---- Silent votes: two say the Tech Lead is A, one says the Engineering Manager.
      await vote(ana.page, { [TL]: "A", [EM]: "R" });
      await vote(ben.page, { [TL]: "A", [EM]: "R" });
      await expect(page.getByText("2 of 3 voted")).toBeVisible();
      await expect(cy.page.getByText("2 of 3 voted")).toBeVisible();
      // Nobody sees anyone's letters before the reveal, not even through the API.
      const seenByCy = await state(cy.page, workshopId);
      expect(seenByCy.current?.result).toBeNull();
      expect(seenByCy.current?.myVote).toBeNull();
      expect(JSON.stringify(seenByCy)).not.toContain('"letters":{"');
      const seenByAna = await state(ana.page, workshopId);
      expect(Object.values(seenByAna.current!.myVote!.letters).sort()).toEqual(["A", "R"]);
      await expect(cy.page.getByRole("region", { name: "Revealed votes" })).toHaveCount(0);
      await expect(page.getByRole("region", { name: "Revealed votes" })).toHaveCount(0);

      await shot(ana.page, "participant-voted");
      await shot(page, "facilitator-voting");
      await vote(cy.page, { [TL]: "R", [EM]: "A" });
      await expect(page.getByText("3 of 3 voted")).toBeVisible();

      // ---- Reveal: the distribution, the disagreement highlighted, for everybody.
      await page.getByRole("button", { name: "Reveal votes" }).click();
      const revealed = page.getByRole("region", { name: "Revealed votes" });
      await expect(revealed).toBeVisible();
      await expect(revealed.getByRole("list", { name: "Disagreements" })).toContainText(
        "2 say Tech Lead is A, 1 says Engineering Manager",
      );
      await expect(revealed.locator("td[data-contested]").first()).toBeVisible();
      await expect(ana.page.getByRole("region", { name: "Revealed votes" })).toContainText(
        "2 say Tech Lead is A, 1 says Engineering Manager",
      );
      // Votes are closed now.
      const late = await cy.page.request.put(`/api/v1/workshops/${workshopId}/votes`, {
        data: { itemId: seenByCy.current!.itemId, skipped: true },
      });
      expect(late.status()).toBe(409);
      expect(await axe()).toEqual([]);
      expect(await axe(ana.page)).toEqual([]);
      await shot(page, "facilitator-revealed");
      await shot(ana.page, "participant-revealed");

      // ---- The decision is pre-filled with the majority: Tech Lead A, Engineering Manager R.
      await expect(letterButton(page, TL, "A", "Accountable")).toHaveAttribute("aria-pressed", "true");
      await expect(letterButton(page, TL, "R", "Responsible")).toHaveAttribute("aria-pressed", "false");
      await expect(letterButton(page, EM, "R", "Responsible")).toHaveAttribute("aria-pressed", "true");
      await expect(letterButton(page, EM, "A", "Accountable")).toHaveAttribute("aria-pressed", "false");
      await expect(page.getByRole("region", { name: /Findings for this row/ })).toBeVisible();
      await page.getByRole("button", { name: "Decide & next" }).click();
      await expect(page.getByRole("heading", { level: 2, name: ITEM_2 })).toBeVisible();
      await expect(page.getByText(/^Item 2 of \d+$/)).toBeVisible();

      // The matrix changed, as a normal edit attributed to the facilitator.
      const dto = (await (await page.request.get(`/api/v1/matrices/${matrixId}`)).json()) as MatrixDto;
      expect(cellOf(dto, ITEM_1, TL)).toBe("A");
      expect(cellOf(dto, ITEM_1, EM)).toBe("R");
      const changes = await testDb().matrixChange.findMany({ where: { matrixId, origin: "workshop" } });
      expect(changes.length).toBe(2);
      expect(changes.every((c) => c.actorId === owner.user.id)).toBe(true);
      expect(new Set(changes.map((c) => c.groupId)).size).toBe(1);
      await expect(ana.page.getByRole("heading", { level: 2, name: ITEM_2 })).toBeVisible();

      // ---- Park item 2: the workshop moves on to item 3.
      await page.getByRole("button", { name: "Park", exact: true }).click();
      await expect(page.getByRole("heading", { level: 2, name: ITEM_3 })).toBeVisible();
      const agenda = page.getByRole("list", { name: "Agenda" });
      await expect(agenda.getByRole("listitem").nth(1)).toContainText("Parked");
      await expect(agenda.getByRole("listitem").nth(0)).toContainText("67% agreement");

      // ---- Back goes to the item before (the parked one); skip goes on without deciding.
      await page.getByRole("button", { name: "Back", exact: true }).click();
      await expect(page.getByRole("heading", { level: 2, name: ITEM_2 })).toBeVisible();
      await expect(page.getByText("This item is parked.")).toBeVisible();
      await page.getByRole("button", { name: "Skip for now" }).click();
      await expect(page.getByRole("heading", { level: 2, name: ITEM_3 })).toBeVisible();

      // ---- Item 3: one participant skips, two vote; reveal and decide.
      await expect(ana.page.getByRole("heading", { level: 2, name: ITEM_3 })).toBeVisible();
      await ana.page.getByRole("button", { name: "Skip this one" }).click();
      await expect(ana.page.getByText("You skipped this item.", { exact: false }).first()).toBeVisible();
      await vote(ben.page, { [TL]: "RA", [EM]: "C" });
      await vote(cy.page, { [TL]: "RA", [EM]: "C" });
      await expect(page.getByText("3 of 3 voted")).toBeVisible();
      await expect(page.getByText("(1 skipped)")).toBeVisible();
      await page.getByRole("button", { name: "Reveal votes" }).click();
      await expect(letterButton(page, EM, "C", "Consulted")).toHaveAttribute("aria-pressed", "true");
      await page.getByRole("button", { name: "Decide & next" }).click();
      await expect(page.getByText(/^Item 4 of \d+$/)).toBeVisible();

      // ---- End: everybody moves to the summary.
      await page.getByRole("button", { name: "End workshop" }).first().click();
      await page
        .getByRole("dialog", { name: "End the workshop?" })
        .getByRole("button", { name: "End workshop" })
        .click();
      await expect(page).toHaveURL(new RegExp(`/workshops/${workshopId}/summary$`));
      await expect(ana.page.getByText("The workshop has ended", { exact: false })).toBeVisible();

      await expect(page.getByRole("heading", { level: 1, name: "Roles review" })).toBeVisible();
      await expect(page.getByText(/^2 of \d+$/)).toBeVisible();
      await expect(page.getByRole("list", { name: "Parked items" })).toContainText(ITEM_2);
      const row1 = page.getByRole("row", { name: new RegExp(ITEM_1) });
      await expect(row1).toContainText("67%");
      await expect(row1).toContainText("Tech Lead: A, Engineering Manager: R");
      await expect(page.getByRole("region", { name: "Most contested" })).toContainText(ITEM_1);
      await expect(page.getByRole("heading", { name: /^Findings left/ })).toBeVisible();
      expect(await axe()).toEqual([]);
      await shot(page, "summary");

      // Snapshots at start and end.
      const snapshots = await testDb().matrixSnapshot.findMany({ where: { matrixId }, select: { kind: true } });
      expect(snapshots.map((s) => s.kind).sort()).toEqual(["workshop-end", "workshop-start"]);

      // ---- The PDF: the summary, then the matrix.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Download PDF" }).click(),
      ]);
      const file = test.info().outputPath("summary.pdf");
      await download.saveAs(file);
      const bytes = readFileSync(file);
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      if (existsSync("/usr/bin/pdftotext") || existsSync("/usr/local/bin/pdftotext")) {
        const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString("utf8");
        expect(text).toContain("Workshop summary: Roles review");
        expect(text).toContain(matrixName);
        expect(text).toContain(ITEM_2);
      }
    } finally {
      for (const p of people) await p.context.close();
    }
  });

  test("who may do what: viewers follow, members vote, managers facilitate, other teams see nothing", async ({
    page,
    browser,
    owner,
    signInAs,
  }) => {
    test.setTimeout(90_000);
    await signInAs(owner.user);
    const matrixId = await createTemplateMatrix(page.request, owner.team, "Authz workshop");
    const started = await page.request.post(`/api/v1/matrices/${matrixId}/workshops`, { data: { timerSeconds: 600 } });
    expect(started.status(), await started.text()).toBe(201);
    const w = ((await started.json()) as { workshop: WorkshopStateDto }).workshop;
    expect(w.timerSeconds).toBe(600);

    // One workshop per matrix.
    const again = await page.request.post(`/api/v1/matrices/${matrixId}/workshops`, { data: {} });
    expect(again.status()).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toContain("already running");

    const viewer = await person(browser, owner.team, "Vic Viewer", "viewer");
    const member = await person(browser, owner.team, "Mo Member", "member");
    const outsiderUser = await makeUser({ name: "Olga Outsider" });
    await makeTeam(outsiderUser);
    const outsiderContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    const outsider = await outsiderContext.newPage();
    await signIn(outsider, outsiderUser);
    try {
      const itemId = w.current!.itemId;
      const personId = w.columns[0]!.personId;

      // A viewer can join and follow but not vote.
      expect((await viewer.page.request.post("/api/v1/workshops/join", { data: { code: w.joinCode } })).status()).toBe(
        200,
      );
      const viewerVote = await viewer.page.request.put(`/api/v1/workshops/${w.id}/votes`, {
        data: { itemId, letters: { [personId]: "A" } },
      });
      expect(viewerVote.status()).toBe(403);
      await viewer.page.goto(`/t/${owner.team.slug}/workshops/${w.id}`);
      await expect(viewer.page.getByText("You are following as a viewer")).toBeVisible();
      await expect(viewer.page.getByRole("status", { name: "Connection" })).toHaveText("Live");
      // Its event stream is released when the page goes.
      const streams = async () => {
        const res = await page.request.get(`/api/diagnostics/realtime?workshopId=${w.id}`);
        expect(res.status(), "start the server with REMIT_TEST_DIAGNOSTICS=1 (scripts/test.mjs does)").toBe(200);
        return ((await res.json()) as { openStreams: number }).openStreams;
      };
      expect(await streams()).toBe(1);
      await viewer.page.close();
      await expect.poll(streams).toBe(0);

      // A member votes but cannot facilitate or start.
      const memberVote = await member.page.request.put(`/api/v1/workshops/${w.id}/votes`, {
        data: { itemId, letters: { [personId]: "A" } },
      });
      expect(memberVote.status()).toBe(200);
      const twoAs = await member.page.request.put(`/api/v1/workshops/${w.id}/votes`, {
        data: { itemId, letters: { [personId]: "A", [w.columns[1]!.personId]: "A" } },
      });
      expect(twoAs.status()).toBe(400);
      for (const action of [{ type: "reveal", itemId }, { type: "end" }, { type: "next", fromItemId: itemId }]) {
        const res = await member.page.request.post(`/api/v1/workshops/${w.id}/actions`, { data: action });
        expect(res.status(), JSON.stringify(action)).toBe(403);
      }
      expect((await member.page.request.post(`/api/v1/matrices/${matrixId}/workshops`, { data: {} })).status()).toBe(
        403,
      );
      await member.page.goto(`/t/${owner.team.slug}/workshops/${w.id}/facilitate`);
      await expect(member.page).toHaveURL(new RegExp(`/workshops/${w.id}$`));

      // Another team: every door is a 404, the code included (same answer as an unknown code).
      expect((await outsider.request.get(`/api/v1/workshops/${w.id}`)).status()).toBe(404);
      expect((await outsider.request.get(`/api/v1/workshops/${w.id}/summary`)).status()).toBe(404);
      expect((await outsider.request.get(`/api/v1/workshops/${w.id}/summary.pdf`)).status()).toBe(404);
      expect(
        (await outsider.request.put(`/api/v1/workshops/${w.id}/votes`, { data: { itemId, skipped: true } })).status(),
      ).toBe(404);
      expect(
        (await outsider.request.post(`/api/v1/workshops/${w.id}/actions`, { data: { type: "end" } })).status(),
      ).toBe(404);
      expect((await outsider.request.post("/api/v1/workshops/join", { data: { code: w.joinCode } })).status()).toBe(
        404,
      );
      expect((await outsider.request.post("/api/v1/workshops/join", { data: { code: "XXXXXX" } })).status()).toBe(404);
      expect((await outsider.request.get(`/api/v1/matrices/${matrixId}/workshops`)).status()).toBe(404);
      const link = await outsider.goto(`/w/${w.joinCode}`);
      expect(link?.status()).toBe(404);

      // Bad input is a 400 with the field named.
      const bad = await page.request.post(`/api/v1/workshops/${w.id}/actions`, { data: { type: "timer", seconds: 2 } });
      expect(bad.status()).toBe(400);
      // A stale facilitator action (another tab moved on) is a 409.
      const stale = await page.request.post(`/api/v1/workshops/${w.id}/actions`, {
        data: { type: "next", fromItemId: w.agenda[5]!.id },
      });
      expect(stale.status()).toBe(409);

      // The facilitator reorders the agenda from the keyboard; the per-item timer runs.
      await page.goto(`/t/${owner.team.slug}/workshops/${w.id}/facilitate`);
      await expect(page.getByRole("timer", { name: "Time left for this item" })).toHaveText(/^\d+:\d{2}$/);
      const agenda = page.getByRole("list", { name: "Agenda" });
      await agenda.getByRole("button", { name: `Move “${ITEM_1}” down` }).focus();
      await page.keyboard.press("Enter");
      await expect(agenda.getByRole("listitem").nth(0)).toContainText(ITEM_2);
      await expect(agenda.getByRole("listitem").nth(1)).toContainText(ITEM_1);
      // Only the workshop's order moved, not the matrix's rows.
      const dto = (await (await page.request.get(`/api/v1/matrices/${matrixId}`)).json()) as MatrixDto;
      expect(dto.rows[0]!.title).toBe(ITEM_1);
    } finally {
      await viewer.context.close();
      await member.context.close();
      await outsiderContext.close();
    }
  });

  test("a matrix page shows the banner as soon as a workshop starts, and drops it when it ends", async ({
    page,
    browser,
    owner,
    signInAs,
  }) => {
    await signInAs(owner.user);
    const matrixId = await createTemplateMatrix(page.request, owner.team, "Pushed banner");
    const dee = await person(browser, owner.team, "Dee Watching", "member");
    try {
      await dee.page.goto(`/t/${owner.team.slug}/matrices/${matrixId}`);
      await expect(dee.page.getByRole("status", { name: "Connection" })).toHaveText("Live");
      const banner = dee.page.getByRole("region", { name: "Workshop" });
      await expect(banner).toHaveCount(0);

      // Started elsewhere (another browser, the API): pushed on the matrix's stream, far
      // sooner than the banner's two-minute safety poll.
      const started = await page.request.post(`/api/v1/matrices/${matrixId}/workshops`, { data: {} });
      expect(started.status()).toBe(201);
      const w = ((await started.json()) as { workshop: WorkshopStateDto }).workshop;
      await expect(banner).toContainText("Workshop in progress");
      await expect(banner).toContainText(w.joinCode);

      const ended = await page.request.post(`/api/v1/workshops/${w.id}/actions`, { data: { type: "end" } });
      expect(ended.status()).toBe(200);
      await expect(banner).toHaveCount(0);
    } finally {
      await dee.context.close();
    }
  });
});
