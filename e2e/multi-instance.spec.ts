/**
 * Two production instances on one PostgreSQL database (scripts/test.mjs starts the
 * second one in the PostgreSQL pass and passes its address as E2E_BASE_URL_2): what
 * happens on one instance reaches browsers on the other live, through LISTEN/NOTIFY,
 * and presence is shared through the Presence table. Skipped when there is one
 * instance (the SQLite pass).
 */
import type { Locator, Page } from "@playwright/test";
import { addMember, expect, makeUser, signIn, test, type TestTeam } from "./fixtures/test";
import { putLetters } from "./fixtures/matrix";

const SECOND = process.env.E2E_BASE_URL_2;
const ROW = "One on Ones";
const TL = "Tech Lead";
const EM = "Engineering Manager";

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function cell(page: Page, row: string, column: string): Locator {
  return page.getByRole("gridcell", { name: new RegExp(`^${escapeRegExp(row)}, ${escapeRegExp(column)}\\b`) });
}

function says(words: string): RegExp {
  return new RegExp(`: ${escapeRegExp(words)}(, \\d+ findings?)?$`);
}

function presenceList(page: Page): Locator {
  return page.getByRole("list", { name: /\d+ (person|people) viewing/ });
}

async function expectLive(page: Page) {
  await expect(page.getByRole("status", { name: "Connection" })).toHaveText("Live");
}

function matrixUrl(team: TestTeam, matrixId: string): string {
  return `/t/${team.slug}/matrices/${matrixId}?q=${encodeURIComponent(ROW)}`;
}

test.describe("two instances on one database", () => {
  test.skip(!SECOND, "needs a second instance (E2E_BASE_URL_2; scripts/test.mjs starts one on PostgreSQL)");

  test("an edit made through instance 1 appears live in a browser on instance 2, and presence is shared", async ({
    page,
    browser,
    owner,
    signInAs,
  }) => {
    // The owner, on instance 1 (the suite's base URL).
    await signInAs(owner.user);
    const res = await page.request.post(`/api/v1/teams/${owner.team.id}/matrices`, {
      data: { name: "Two instances", template: "tl-vs-em" },
    });
    expect(res.status(), await res.text()).toBe(201);
    const matrixId = ((await res.json()) as { matrix: { id: string } }).matrix.id;
    const url = matrixUrl(owner.team, matrixId);
    await page.goto(url);
    await expectLive(page);

    // Bea, on instance 2, in her own browser context.
    const bea = await makeUser({ name: "Bea Elsewhere" });
    await addMember(owner.team, bea, "manager");
    const context = await browser.newContext({ baseURL: SECOND });
    try {
      const other = await context.newPage();
      await signIn(other, bea, url);
      await expect(other).toHaveURL(new RegExp(`^${escapeRegExp(SECOND!)}.*${escapeRegExp(url)}$`));
      await expectLive(other);
      await other.evaluate(() => {
        (window as unknown as { __remitLiveMark?: number }).__remitLiveMark = 1;
      });

      // Presence crosses instances, both ways.
      await expect(presenceList(other)).toHaveAccessibleName("2 people viewing");
      await expect(presenceList(other)).toContainText(owner.user.name);
      await expect(presenceList(page)).toHaveAccessibleName("2 people viewing");
      await expect(presenceList(page)).toContainText("Bea Elsewhere");

      // An edit through instance 1's grid shows up on instance 2.
      await expect(cell(other, ROW, TL)).toHaveAccessibleName(says("no role"));
      await cell(page, ROW, TL).click();
      const picker = page
        .getByRole("dialog")
        .filter({ has: page.getByRole("button", { name: "Consulted", exact: true }) });
      await picker.getByRole("button", { name: "Consulted", exact: true }).click();
      if (await picker.isVisible()) await page.keyboard.press("Escape");
      await expect(cell(page, ROW, TL)).toHaveAccessibleName(says("Consulted"));
      await expect(cell(other, ROW, TL)).toHaveAccessibleName(says("Consulted"));

      // And through instance 1's API; then the other way round, through instance 2's.
      await putLetters(page.request, matrixId, ROW, EM, "RA");
      await expect(cell(other, ROW, EM)).toHaveAccessibleName(says("Responsible and Accountable"));
      await putLetters(other.request, matrixId, ROW, EM, "I");
      await expect(cell(page, ROW, EM)).toHaveAccessibleName(says("Informed"));

      expect(await other.evaluate(() => (window as unknown as { __remitLiveMark?: number }).__remitLiveMark)).toBe(1);

      // Bea leaves instance 2: the owner on instance 1 sees her go.
      await context.close();
      await expect(presenceList(page)).toHaveAccessibleName("1 person viewing");
    } finally {
      await context.close();
    }
  });
});

test.describe("two instances share the sign-in rate limit", () => {
  test.skip(!SECOND, "needs a second instance (E2E_BASE_URL_2; scripts/test.mjs starts one on PostgreSQL)");

  test("attempts on an account count across both instances: the 11th is refused wherever it lands", async ({
    playwright,
    baseURL,
  }) => {
    const user = await makeUser();
    const contexts = await Promise.all(
      [baseURL!, SECOND!].map((url) => playwright.request.newContext({ baseURL: url })),
    );
    try {
      const attempt = async (i: number, password = "not the password") => {
        const request = contexts[i % 2]!;
        const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
        return request.post("/api/auth/callback/credentials", {
          form: { email: user.email, password, csrfToken },
          maxRedirects: 0,
        });
      };
      // Five failures on each instance…
      for (let i = 0; i < 10; i++) expect((await attempt(i)).status(), `attempt ${i + 1}`).toBe(302);
      // …and the next one is refused on both, even with the right password.
      expect((await attempt(0, user.password)).status()).toBe(429);
      expect((await attempt(1, user.password)).status()).toBe(429);
    } finally {
      await Promise.all(contexts.map((c) => c.dispose()));
    }
  });
});
