/**
 * Findings, live: the Tech Lead vs Engineering Manager template starts clean; breaking
 * the split in the grid shows exactly the findings the engine reports (the same codes as
 * GET /findings; see components/matrix/panels/findings-groups.test.ts), one-click fixes
 * clear them, and a rule switched off in the settings stops reporting.
 */
import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { addMember, expect, makeUser, test } from "./fixtures/test";
import { createTemplateMatrix, putLetters } from "./fixtures/matrix";

const ARCH = "Architecture and System Integration";
const REVIEWS = "Code Reviews and Feedback";
const ROADMAP = "System Roadmap";
const TL = "Tech Lead";
const EM = "Engineering Manager";

// The engine's rule titles (lib/raci/settings.ts), as the panel's group headings show them.
const TITLE = {
  NO_ACCOUNTABLE: "Nobody accountable",
  TLEM_BOTH_ACCOUNTABLE: "Tech Lead and Engineering Manager both accountable",
  TLEM_SHARED_EXCLUDED: "Shared item without both roles",
};

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

async function apiFindingCodes(request: APIRequestContext, matrixId: string): Promise<string[]> {
  const res = await request.get(`/api/v1/matrices/${matrixId}/findings`);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { findings: { code: string }[] };
  return body.findings.map((f) => f.code);
}

function cell(page: Page, row: string, column: string): Locator {
  return page.getByRole("gridcell", { name: new RegExp(`^${escapeRegExp(row)}, ${escapeRegExp(column)}\\b`) });
}

/**
 * Opens a cell's letter picker, runs `act` in it, and makes sure it is closed again. The
 * grid is virtualized, so the row is found with the grid's search first, as a person
 * would on a long matrix; the search is cleared afterwards.
 */
async function editCell(page: Page, row: string, column: string, act: (picker: Locator) => Promise<void>) {
  const search = page.getByRole("searchbox", { name: "Search responsibilities" });
  await search.fill(row);
  await cell(page, row, column).click();
  const picker = page
    .getByRole("dialog")
    .filter({ has: page.getByRole("button", { name: "Accountable", exact: true }) });
  await expect(picker).toBeVisible();
  await act(picker);
  if (await picker.isVisible()) await page.keyboard.press("Escape");
  await expect(picker).toBeHidden();
  await search.fill("");
}

/**
 * Axe (WCAG 2 A/AA, as the `axe` fixture) on what this spec is about: the findings panel,
 * the health line and any open dialog. The grid has its own spec; scoping keeps a grid
 * regression from hiding, or being blamed on, the panels.
 */
async function axeOnPanels(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include("[data-findings-panel]")
    .include('[role="status"][aria-label="Matrix health"]')
    .include("dialog[open]")
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

function panelOf(page: Page): Locator {
  return page.getByRole("region", { name: "Findings" });
}

/** The rule groups the panel shows, in order (their headings). */
function groupHeadings(panel: Locator): Locator {
  return panel.getByRole("heading", { level: 3 });
}

test.describe("findings panel", () => {
  test("the New matrix dialog starts from the Tech Lead vs Engineering Manager template and opens a clean matrix", async ({
    page,
    owner,
    signInAs,
  }) => {
    await signInAs(owner.user);
    await page.goto(`/t/${owner.team.slug}`);
    const opener = page.getByRole("button", { name: "New matrix" });
    await opener.click();
    const dialog = page.getByRole("dialog", { name: "New matrix" });
    await expect(dialog.getByLabel("Name")).toBeFocused();
    await expect(dialog.getByRole("radio", { name: /Tech Lead vs Engineering Manager/ })).toBeChecked();
    expect(await axeOnPanels(page)).toEqual([]);
    await dialog.getByLabel("Name").fill("");
    await dialog.getByRole("button", { name: "Create matrix" }).click();
    await expect(dialog.getByLabel("Name")).toHaveAccessibleDescription("Enter a name.");
    await dialog.getByLabel("Name").fill("Who owns what");
    await dialog.getByRole("button", { name: "Create matrix" }).click();
    await expect(page).toHaveURL(new RegExp(`/t/${owner.team.slug}/matrices/[^/]+$`));
    await expect(page.getByRole("heading", { name: "Who owns what", level: 1 })).toBeVisible();
    await expect(page.getByRole("status", { name: "Matrix health" })).toHaveText("No problems found");
  });

  test("breaking the Tech Lead / Engineering Manager split in the grid shows exactly those findings, and one-click fixes clear them", async ({
    page,
    owner,
    signInAs,
  }) => {
    await signInAs(owner.user);
    const matrixId = await createTemplateMatrix(page.request, owner.team);
    await page.goto(`/t/${owner.team.slug}/matrices/${matrixId}`);

    const health = page.getByRole("status", { name: "Matrix health" });
    const panel = panelOf(page);
    await expect(health).toHaveText("No problems found");
    await expect(panel.getByRole("heading", { name: "Findings", level: 2 })).toBeVisible();
    await expect(panel.getByText("All clear")).toBeVisible();
    expect(await apiFindingCodes(page.request, matrixId)).toEqual([]);

    // 1. The Tech Lead is no longer accountable for Architecture (keeps R).
    await editCell(page, ARCH, TL, async (picker) => {
      const a = picker.getByRole("button", { name: "Accountable", exact: true });
      await expect(a).toHaveAttribute("aria-pressed", "true");
      await a.click();
    });
    await expect(health).toHaveText("1 error");
    await expect(groupHeadings(panel)).toHaveText([new RegExp(TITLE.NO_ACCOUNTABLE)]);

    // 2. The Engineering Manager is made accountable for Code Reviews as well.
    await editCell(page, REVIEWS, EM, async (picker) => {
      await picker.getByRole("button", { name: "Accountable", exact: true }).click();
    });
    // 3. The Engineering Manager is taken off the shared System Roadmap.
    await editCell(page, ROADMAP, EM, async (picker) => {
      await picker.getByRole("button", { name: "Clear" }).click();
    });

    // Exactly what computeFindings reports for these edits: both A's on Code Reviews is
    // TLEM_BOTH_ACCOUNTABLE (no domain mismatch on top of it while there are two A's).
    await expect(health).toHaveText("2 errors, 1 warning");
    await expect(groupHeadings(panel)).toHaveText([
      new RegExp(TITLE.NO_ACCOUNTABLE),
      new RegExp(TITLE.TLEM_BOTH_ACCOUNTABLE),
      new RegExp(TITLE.TLEM_SHARED_EXCLUDED),
    ]);
    await expect(panel.getByRole("list", { name: "Findings by severity" })).toContainText("2 errors");
    const findingButtons = panel.locator("[data-finding]");
    await expect(findingButtons).toHaveCount(3);
    await expect(findingButtons.nth(0)).toContainText(`Nobody is accountable (A) for “${ARCH}”`);
    await expect(findingButtons.nth(1)).toContainText(`are both accountable for “${REVIEWS}”`);
    await expect(findingButtons.nth(2)).toContainText(`“${ROADMAP}” is shared`);
    // The server, computing with the same function, agrees once the writes have landed.
    await expect
      .poll(() => apiFindingCodes(page.request, matrixId))
      .toEqual(["NO_ACCOUNTABLE", "TLEM_BOTH_ACCOUNTABLE", "TLEM_SHARED_EXCLUDED"]);

    // A finding takes you to its place in the grid.
    await findingButtons.nth(0).click();
    await expect(page.locator(":focus")).toHaveAccessibleName(new RegExp(`^${escapeRegExp(ARCH)}`));

    // A choice among few: one button per candidate.
    await expect(panel.getByRole("button", { name: "Make Engineering Manager accountable" })).toBeVisible();
    await panel.getByRole("button", { name: "Make Tech Lead accountable", exact: true }).click();
    await expect(health).toHaveText("1 error, 1 warning");
    await expect(cell(page, ARCH, TL)).toHaveAccessibleName(/Responsible and Accountable/);

    await panel.getByRole("button", { name: "Keep Tech Lead as the only A (Engineering Manager becomes C)" }).click();
    await expect(health).toHaveText("1 warning");

    await panel.getByRole("button", { name: "Add Engineering Manager as C" }).click();
    await expect(health).toHaveText("No problems found");
    await expect(panel.getByText("All clear")).toBeVisible();
    await expect.poll(() => apiFindingCodes(page.request, matrixId)).toEqual([]);
  });

  test("switching a rule off in the rule settings makes its findings disappear", async ({ page, owner, signInAs }) => {
    await signInAs(owner.user);
    const matrixId = await createTemplateMatrix(page.request, owner.team);
    await putLetters(page.request, matrixId, ROADMAP, EM, "");
    await page.goto(`/t/${owner.team.slug}/matrices/${matrixId}`);

    const health = page.getByRole("status", { name: "Matrix health" });
    const panel = panelOf(page);
    await expect(health).toHaveText("1 warning");
    await expect(groupHeadings(panel)).toHaveText([new RegExp(TITLE.TLEM_SHARED_EXCLUDED)]);

    const opener = page.getByRole("button", { name: "Rule settings" }).first();
    await opener.click();
    const dialog = page.getByRole("dialog", { name: "Rule settings" });
    await expect(dialog).toBeVisible();
    const rule = dialog.getByRole("checkbox", { name: new RegExp(TITLE.TLEM_SHARED_EXCLUDED) });
    await expect(rule).toBeChecked();
    await rule.uncheck();
    await dialog.getByRole("button", { name: "Save settings" }).click();
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();

    await expect(health).toHaveText("No problems found");
    await expect(panel.getByText("All clear")).toBeVisible();
    await expect(panel.getByText("1 rule is switched off for this matrix.")).toBeVisible();
    await expect.poll(() => apiFindingCodes(page.request, matrixId)).toEqual([]);

    // Back on after a reload (it was saved), and the finding returns.
    await page.reload();
    await page.getByRole("button", { name: "Rule settings" }).first().click();
    await dialog.getByRole("checkbox", { name: new RegExp(TITLE.TLEM_SHARED_EXCLUDED) }).check();
    await dialog.getByRole("button", { name: "Save settings" }).click();
    await expect(dialog).toBeHidden();
    await expect(health).toHaveText("1 warning");
  });

  test("the panel and the dialogs have no axe violations; dialogs close on Escape and give focus back", async ({
    page,
    owner,
    signInAs,
  }) => {
    await signInAs(owner.user);
    const matrixId = await createTemplateMatrix(page.request, owner.team);
    await putLetters(page.request, matrixId, ARCH, TL, "R");
    await putLetters(page.request, matrixId, ROADMAP, EM, "");
    await page.goto(`/t/${owner.team.slug}/matrices/${matrixId}`);
    await expect(page.getByRole("status", { name: "Matrix health" })).toHaveText("1 error, 1 warning");
    expect(await axeOnPanels(page)).toEqual([]);

    const opener = page.getByRole("button", { name: "Rule settings" }).first();
    await opener.click();
    const dialog = page.getByRole("dialog", { name: "Rule settings" });
    await expect(dialog).toBeVisible();
    // Focus starts inside the dialog and stays there.
    await expect(dialog.locator(":focus")).toHaveCount(1);
    for (let i = 0; i < 40; i++) await page.keyboard.press("Tab");
    await expect(dialog.locator(":focus")).toHaveCount(1);
    expect(await axeOnPanels(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  });

  test("a viewer reads findings and settings but cannot apply fixes", async ({ page, owner, signInAs }) => {
    const viewer = await makeUser();
    await addMember(owner.team, viewer, "viewer");
    // Set-up as the owner through the API, then look as the viewer.
    await signInAs(owner.user);
    const matrixId = await createTemplateMatrix(page.request, owner.team);
    await putLetters(page.request, matrixId, ROADMAP, EM, "");
    await page.context().clearCookies();
    await signInAs(viewer);
    await page.goto(`/t/${owner.team.slug}/matrices/${matrixId}`);

    const panel = panelOf(page);
    await expect(panel.getByText("only team managers and owners can apply fixes")).toBeVisible();
    const fix = panel.getByRole("button", { name: "Add Engineering Manager as C" });
    await expect(fix).toHaveAttribute("aria-disabled", "true");
    await expect(fix).toHaveAccessibleDescription(/only team managers and owners can apply fixes/);
    // aria-disabled keeps it focusable; pressing it does nothing.
    await fix.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status", { name: "Matrix health" })).toHaveText("1 warning");

    // The rule settings are a read-only view: states in words, nothing to save.
    await page.getByRole("button", { name: "Rule settings" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Rule settings" });
    await expect(dialog).toHaveAccessibleDescription(/Only team managers and owners can change them/);
    await expect(dialog.getByRole("checkbox")).toHaveCount(0);
    await expect(dialog.getByRole("button", { name: "Save settings" })).toHaveCount(0);
    await expect(dialog.getByRole("listitem").filter({ hasText: TITLE.TLEM_SHARED_EXCLUDED })).toContainText("On");
    expect(await axeOnPanels(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Close", exact: true }).last().click();
    await expect(dialog).toBeHidden();
  });
});
