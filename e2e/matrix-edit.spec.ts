import type { Browser, Page } from "@playwright/test";
import { addMember, expect, makeUser, signIn, test, type TestTeam, type TestUser } from "./fixtures/test";

/**
 * Editing beyond single cells: my undo/redo (and its refusal after someone else's
 * change), stale writes with "Re-apply mine", row and column moves that persist, and a
 * row delete undone from its toast.
 */

const CODE_REVIEWS = "Code Reviews and Feedback";

interface Dto {
  rows: { id: string; title: string }[];
  columns: { id: string; personId: string; name: string }[];
  cells: [number, number, string, number][];
}

async function createMatrix(page: Page, team: TestTeam, name: string): Promise<string> {
  const res = await page.request.post(`/api/v1/teams/${team.id}/matrices`, { data: { name, template: "tl-vs-em" } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { matrix: { id: string } }).matrix.id;
}

async function openMatrix(page: Page, team: TestTeam, matrixId: string, name: string) {
  await page.goto(`/t/${team.slug}/matrices/${matrixId}`);
  const grid = page.getByRole("grid", { name });
  await expect(grid).toBeVisible();
  return grid;
}

async function getDto(page: Page, matrixId: string): Promise<Dto> {
  return (await (await page.request.get(`/api/v1/matrices/${matrixId}`)).json()) as Dto;
}

async function serverCell(page: Page, matrixId: string, rowTitle: string, columnName: string) {
  const dto = await getDto(page, matrixId);
  const r = dto.rows.findIndex((x) => x.title === rowTitle);
  const c = dto.columns.findIndex((x) => x.name === columnName);
  const found = dto.cells.find(([ri, ci]) => ri === r && ci === c);
  return {
    rowId: dto.rows[r]!.id,
    personId: dto.columns[c]!.personId,
    letters: found?.[2] ?? "",
    version: found?.[3] ?? 0,
  };
}

function cell(page: Page, rowTitle: string, columnName: string) {
  return page.getByRole("gridcell", { name: new RegExp(`^${rowTitle}, ${columnName}:`) });
}

async function focusCell(page: Page, rowTitle: string, steps: number) {
  await page.getByRole("rowheader", { name: new RegExp(`^${rowTitle}`) }).click();
  for (let i = 0; i < steps; i++) await page.keyboard.press("ArrowRight");
}

async function rowOrder(page: Page): Promise<string[]> {
  // Row header names are "Title" or "Title, 2 findings".
  return page
    .getByRole("rowheader")
    .evaluateAll((els) => els.map((e) => (e.getAttribute("aria-label") ?? "").replace(/, \d+ findings?$/, "")));
}

/** A second person editing the same matrix from their own browser. */
async function otherEditor(
  browser: Browser,
  team: TestTeam,
  name: string,
): Promise<{ user: TestUser; page: Page; close: () => Promise<void> }> {
  const user = await makeUser({ name });
  await addMember(team, user, "manager");
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, user);
  return { user, page, close: () => ctx.close() };
}

test.describe("matrix editing", () => {
  test("undoes and redoes my edits, a rectangle being one step", async ({ page, owner, signInAs }) => {
    await signInAs(owner.user);
    const name = "Undo redo";
    const id = await createMatrix(page, owner.team, name);
    await openMatrix(page, owner.team, id, name);
    const em = cell(page, CODE_REVIEWS, "Engineering Manager");

    await focusCell(page, CODE_REVIEWS, 2);
    await page.keyboard.press("c");
    await page.keyboard.press("i");
    await expect(em).toHaveAccessibleName(/: Consulted and Informed$/);

    await page.keyboard.press("ControlOrMeta+z");
    await expect(em).toHaveAccessibleName(/: Consulted$/);
    await page.keyboard.press("ControlOrMeta+z");
    await expect(em).toHaveAccessibleName(/: no role$/);
    await expect.poll(async () => (await serverCell(page, id, CODE_REVIEWS, "Engineering Manager")).letters).toBe("");

    await page.keyboard.press("ControlOrMeta+Shift+z");
    await expect(em).toHaveAccessibleName(/: Consulted$/);
    await page.keyboard.press("Control+y");
    await expect(em).toHaveAccessibleName(/: Consulted and Informed$/);
    await expect.poll(async () => (await serverCell(page, id, CODE_REVIEWS, "Engineering Manager")).letters).toBe("CI");

    // The toolbar buttons do the same.
    await page.getByRole("button", { name: "Undo my last edit" }).click();
    await expect(em).toHaveAccessibleName(/: Consulted$/);

    // A rectangle is one undo step.
    await focusCell(page, "Technical Excellence and Innovation", 1);
    await page.keyboard.press("Shift+ArrowDown");
    await page.keyboard.press("Shift+ArrowRight");
    await page.keyboard.press("r");
    await expect(cell(page, "Architecture and System Integration", "Engineering Manager")).toHaveAccessibleName(
      /: Responsible and Informed$/,
    );
    await page.keyboard.press("ControlOrMeta+z");
    await expect(cell(page, "Architecture and System Integration", "Engineering Manager")).toHaveAccessibleName(
      /: Informed$/,
    );
    await expect(cell(page, "Technical Excellence and Innovation", "Engineering Manager")).toHaveAccessibleName(
      /: Informed$/,
    );
    await expect(cell(page, "Technical Excellence and Innovation", "Tech Lead")).toHaveAccessibleName(
      /: Responsible and Accountable$/,
    );
  });

  test("a stale write shows who changed the cell, Re-apply mine wins, and undo refuses to clobber", async ({
    page,
    browser,
    owner,
    signInAs,
  }) => {
    await signInAs(owner.user);
    const name = "Stale writes";
    const id = await createMatrix(page, owner.team, name);
    await openMatrix(page, owner.team, id, name);
    const em = cell(page, CODE_REVIEWS, "Engineering Manager");

    await focusCell(page, CODE_REVIEWS, 2);
    await page.keyboard.press("i");
    await expect(em).toHaveAccessibleName(/: Informed$/);
    await expect.poll(async () => (await serverCell(page, id, CODE_REVIEWS, "Engineering Manager")).letters).toBe("I");

    // Sam changes the same cell from another browser; this page does not know yet.
    const sam = await otherEditor(browser, owner.team, "Sam Lee");
    const current = await serverCell(sam.page, id, CODE_REVIEWS, "Engineering Manager");
    const put = await sam.page.request.put(`/api/v1/matrices/${id}/cells`, {
      data: { responsibilityId: current.rowId, personId: current.personId, letters: "RA", version: current.version },
    });
    expect(put.status()).toBe(200);

    // My next edit is based on the old version: refused, and the grid shows Sam's letters.
    await page.keyboard.press("c");
    const toast = page.getByRole("status").getByText(`Sam Lee changed ${CODE_REVIEWS} × Engineering Manager to R/A.`);
    await expect(toast).toBeVisible();
    await expect(em).toHaveAccessibleName(/: Responsible and Accountable$/);

    // Undo of my first edit ("" → I) would overwrite Sam's change: refused.
    await em.focus();
    await page.keyboard.press("ControlOrMeta+z");
    await expect(
      page.getByRole("status").getByText("Sam Lee changed this cell after you; undo would overwrite their change."),
    ).toBeVisible();
    await expect(em).toHaveAccessibleName(/: Responsible and Accountable$/);
    expect((await serverCell(page, id, CODE_REVIEWS, "Engineering Manager")).letters).toBe("RA");

    // "Re-apply mine" sends my letters again with the fresh version.
    await page.getByRole("button", { name: "Re-apply mine" }).click();
    await expect(em).toHaveAccessibleName(/: Consulted and Informed$/);
    await expect.poll(async () => (await serverCell(page, id, CODE_REVIEWS, "Engineering Manager")).letters).toBe("CI");
    await sam.close();
  });

  test("moves rows with the keyboard and the row menu, and the order persists", async ({ page, owner, signInAs }) => {
    await signInAs(owner.user);
    const name = "Row moves";
    const id = await createMatrix(page, owner.team, name);
    await openMatrix(page, owner.team, id, name);
    const excellence = "Technical Excellence and Innovation";
    const architecture = "Architecture and System Integration";
    const spikes = "Technical Spikes and Experiments";
    const platform = "Platform Direction, Patterns and Practices";

    const before = await rowOrder(page);
    expect(before.indexOf(excellence)).toBeLessThan(before.indexOf(architecture));

    await page.getByRole("rowheader", { name: new RegExp(`^${architecture}`) }).click();
    await page.keyboard.press("Alt+Shift+ArrowUp");
    await expect
      .poll(async () => {
        const order = await rowOrder(page);
        return order.indexOf(architecture) < order.indexOf(excellence);
      })
      .toBe(true);
    // Focus stays on the moved row.
    await expect(page.getByRole("rowheader", { name: new RegExp(`^${architecture}`) })).toBeFocused();

    await page.getByRole("button", { name: `Actions for ${spikes}` }).click();
    await page.getByRole("menuitem", { name: /Move down/ }).click();

    await expect
      .poll(async () => {
        const titles = (await getDto(page, id)).rows.map((r) => r.title);
        return [
          titles.indexOf(architecture) < titles.indexOf(excellence),
          titles.indexOf(platform) < titles.indexOf(spikes),
        ];
      })
      .toEqual([true, true]);

    await page.reload();
    await expect(page.getByRole("grid", { name })).toBeVisible();
    const after = await rowOrder(page);
    expect(after.indexOf(architecture)).toBeLessThan(after.indexOf(excellence));
    expect(after.indexOf(platform)).toBeLessThan(after.indexOf(spikes));
  });

  test("moves a column and deletes a row with undo", async ({ page, owner, signInAs }) => {
    await signInAs(owner.user);
    const name = "Columns and delete";
    const id = await createMatrix(page, owner.team, name);
    const grid = await openMatrix(page, owner.team, id, name);

    await grid.getByRole("button", { name: "Actions for Tech Lead" }).click();
    await page.getByRole("menuitem", { name: /Move right/ }).click();
    await expect
      .poll(async () => (await getDto(page, id)).columns.map((c) => c.name))
      .toEqual(["Engineering Manager", "Tech Lead"]);
    await expect(grid.getByRole("columnheader").nth(1)).toHaveAccessibleName(/^Engineering Manager/);

    const doomed = "System Design Presentations";
    await grid.getByRole("button", { name: `Actions for ${doomed}` }).click();
    await page.getByRole("menuitem", { name: "Delete row" }).click();
    await expect(grid.getByRole("rowheader", { name: new RegExp(`^${doomed}`) })).toHaveCount(0);
    await expect.poll(async () => (await getDto(page, id)).rows.some((r) => r.title === doomed)).toBe(false);

    await page.getByRole("status").getByRole("button", { name: "Undo" }).click();
    await expect(grid.getByRole("rowheader", { name: new RegExp(`^${doomed}`) })).toBeVisible();
    await expect.poll(async () => (await getDto(page, id)).rows.some((r) => r.title === doomed)).toBe(true);
    await page.reload();
    await expect(page.getByRole("rowheader", { name: new RegExp(`^${doomed}`) })).toBeVisible();
  });

  test("renames a row inline", async ({ page, owner, signInAs }) => {
    await signInAs(owner.user);
    const name = "Rename";
    const id = await createMatrix(page, owner.team, name);
    await openMatrix(page, owner.team, id, name);

    await page.getByRole("rowheader", { name: new RegExp(`^${CODE_REVIEWS}`) }).click();
    await page.keyboard.press("F2");
    const input = page.getByRole("textbox", { name: "Responsibility title" });
    await expect(input).toBeFocused();
    await input.fill("Code Reviews");
    await input.press("Enter");
    await expect(page.getByRole("rowheader", { name: /^Code Reviews(,|$)/ })).toBeFocused();
    await expect.poll(async () => (await getDto(page, id)).rows.some((r) => r.title === "Code Reviews")).toBe(true);
  });

  test("adds a row below the selected one through the row editor", async ({ page, owner, signInAs }) => {
    await signInAs(owner.user);
    const name = "Add row";
    const id = await createMatrix(page, owner.team, name);
    const grid = await openMatrix(page, owner.team, id, name);

    await grid.getByRole("rowheader", { name: new RegExp(`^${CODE_REVIEWS}`) }).click();
    await page.getByRole("button", { name: "Add row" }).click();
    const dialog = page.getByRole("dialog", { name: "New responsibility" });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel("Title").fill("Pairing Sessions");
    await dialog.getByRole("button", { name: "Add responsibility" }).click();
    await expect(dialog).toBeHidden();

    // It lands right below the selected row, in the same category, and gets the focus.
    const added = grid.getByRole("rowheader", { name: /^Pairing Sessions/ });
    await expect(added).toBeFocused();
    const order = await rowOrder(page);
    expect(order.indexOf("Pairing Sessions")).toBe(order.indexOf(CODE_REVIEWS) + 1);
    await expect
      .poll(async () => (await getDto(page, id)).rows.map((r) => r.title).indexOf("Pairing Sessions"))
      .toBeGreaterThan(-1);
  });
});
