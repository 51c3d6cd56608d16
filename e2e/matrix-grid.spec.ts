import type { Page } from "@playwright/test";
import { addMember, expect, makeUser, test, type TestTeam } from "./fixtures/test";
import { signInElsewhere } from "./fixtures/auth";

/**
 * The matrix grid as a person uses it: structure and accessibility, editing by mouse
 * (picker) and keyboard, rectangles, and the read-only grid of a viewer. Matrices are
 * made through the API (template "tl-vs-em") so these specs do not depend on the team
 * page's "New matrix" flow.
 */

const CODE_REVIEWS = "Code Reviews and Feedback";

async function createMatrix(page: Page, team: TestTeam, name: string): Promise<string> {
  const res = await page.request.post(`/api/v1/teams/${team.id}/matrices`, { data: { name, template: "tl-vs-em" } });
  expect(res.status(), await res.text()).toBe(201);
  const body = (await res.json()) as { matrix: { id: string } };
  return body.matrix.id;
}

async function openMatrix(page: Page, team: TestTeam, matrixId: string, name: string) {
  await page.goto(`/t/${team.slug}/matrices/${matrixId}`);
  const grid = page.getByRole("grid", { name });
  await expect(grid).toBeVisible();
  return grid;
}

/** The letters of a cell as the server has them, looked up by row title and column name. */
async function serverLetters(page: Page, matrixId: string, rowTitle: string, columnName: string): Promise<string> {
  const res = await page.request.get(`/api/v1/matrices/${matrixId}`);
  const dto = (await res.json()) as {
    rows: { title: string }[];
    columns: { name: string }[];
    cells: [number, number, string, number][];
  };
  const r = dto.rows.findIndex((x) => x.title === rowTitle);
  const c = dto.columns.findIndex((x) => x.name === columnName);
  return dto.cells.find(([ri, ci]) => ri === r && ci === c)?.[2] ?? "";
}

function cell(page: Page, rowTitle: string, columnName: string) {
  return page.getByRole("gridcell", { name: new RegExp(`^${rowTitle}, ${columnName}:`) });
}

test.describe("matrix grid", () => {
  test("is an ARIA grid with headers, groups and one tab stop, without axe violations", async ({
    page,
    owner,
    signInAs,
    axe,
  }) => {
    await signInAs(owner.user);
    const name = "Grid structure";
    const id = await createMatrix(page, owner.team, name);
    const grid = await openMatrix(page, owner.team, id, name);

    await expect(grid).toHaveAttribute("aria-rowcount", /\d+/);
    await expect(grid).toHaveAttribute("aria-colcount", "3");
    await expect(grid.getByRole("columnheader", { name: /^Tech Lead/ })).toBeVisible();
    await expect(grid.getByRole("columnheader", { name: /^Engineering Manager/ })).toBeVisible();
    await expect(grid.getByRole("rowheader", { name: /^Technical direction/ })).toBeVisible();
    await expect(grid.getByRole("rowheader", { name: new RegExp(`^${CODE_REVIEWS}`) })).toBeVisible();
    await expect(cell(page, CODE_REVIEWS, "Tech Lead")).toHaveAccessibleName(/: Responsible and Accountable/);
    await expect(grid.locator('[tabindex="0"]')).toHaveCount(1);

    expect(await axe()).toEqual([]);
  });

  test("edits a cell with the picker", async ({ page, owner, signInAs }) => {
    await signInAs(owner.user);
    const name = "Picker edits";
    const id = await createMatrix(page, owner.team, name);
    await openMatrix(page, owner.team, id, name);

    const target = cell(page, CODE_REVIEWS, "Engineering Manager");
    await expect(target).toHaveAccessibleName(/: no role$/);
    await target.click();
    const picker = page.getByRole("dialog", { name: `${CODE_REVIEWS} × Engineering Manager` });
    await expect(picker).toBeVisible();
    await expect(picker.getByRole("button", { name: "Consulted" })).toHaveAttribute("aria-pressed", "false");
    await picker.getByRole("button", { name: "Consulted" }).click();
    await expect(picker.getByRole("button", { name: "Consulted" })).toHaveAttribute("aria-pressed", "true");
    await picker.getByRole("button", { name: "Informed" }).click();
    await expect(target).toHaveAccessibleName(/: Consulted and Informed$/);
    await expect(target).toContainText("C/I");

    await page.keyboard.press("Escape");
    await expect(picker).toBeHidden();
    await expect(target).toBeFocused();

    await expect.poll(() => serverLetters(page, id, CODE_REVIEWS, "Engineering Manager")).toBe("CI");
    await page.reload();
    await expect(cell(page, CODE_REVIEWS, "Engineering Manager")).toHaveAccessibleName(/: Consulted and Informed$/);

    // Clear empties the cell.
    await cell(page, CODE_REVIEWS, "Engineering Manager").click();
    await page.getByRole("dialog").getByRole("button", { name: "Clear" }).click();
    await expect(cell(page, CODE_REVIEWS, "Engineering Manager")).toHaveAccessibleName(/: no role$/);
  });

  test("edits cells with arrows, letters and Delete", async ({ page, owner, signInAs }) => {
    await signInAs(owner.user);
    const name = "Keyboard edits";
    const id = await createMatrix(page, owner.team, name);
    const grid = await openMatrix(page, owner.team, id, name);

    // Clicking a row header focuses it without opening anything.
    await grid.getByRole("rowheader", { name: new RegExp(`^${CODE_REVIEWS}`) }).click();
    await page.keyboard.press("ArrowRight");
    await expect(cell(page, CODE_REVIEWS, "Tech Lead")).toBeFocused();
    await page.keyboard.press("ArrowRight");
    const em = cell(page, CODE_REVIEWS, "Engineering Manager");
    await expect(em).toBeFocused();
    await expect(grid.locator('[tabindex="0"]')).toHaveCount(1);

    await page.keyboard.press("i");
    await expect(em).toHaveAccessibleName(/: Informed$/);
    await page.keyboard.press("r");
    await expect(em).toHaveAccessibleName(/: Responsible and Informed$/);
    await page.keyboard.press("i");
    await expect(em).toHaveAccessibleName(/: Responsible$/);
    await expect.poll(() => serverLetters(page, id, CODE_REVIEWS, "Engineering Manager")).toBe("R");

    await page.keyboard.press("ArrowLeft");
    const tl = cell(page, CODE_REVIEWS, "Tech Lead");
    await expect(tl).toBeFocused();
    await page.keyboard.press("Delete");
    await expect(tl).toHaveAccessibleName(/: no role/);
    await expect.poll(() => serverLetters(page, id, CODE_REVIEWS, "Tech Lead")).toBe("");

    // Enter opens the picker on the focused cell; Escape brings focus back.
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog", { name: `${CODE_REVIEWS} × Tech Lead` })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(tl).toBeFocused();
  });

  test("applies a letter to a selected rectangle as one write", async ({ page, owner, signInAs }) => {
    await signInAs(owner.user);
    const name = "Rectangle";
    const id = await createMatrix(page, owner.team, name);
    const grid = await openMatrix(page, owner.team, id, name);
    const rows = [
      "Technical Excellence and Innovation",
      "Architecture and System Integration",
      "Tech Mentoring, Adoption and Alignment",
    ];

    await grid.getByRole("rowheader", { name: new RegExp(`^${rows[0]}`) }).click();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Shift+ArrowDown");
    await page.keyboard.press("Shift+ArrowDown");
    await page.keyboard.press("Shift+ArrowRight");
    await expect(grid.locator('[role="gridcell"][aria-selected="true"]')).toHaveCount(6);

    const writes: string[] = [];
    page.on("request", (req) => {
      if (req.method() === "PUT" && req.url().includes("/cells")) writes.push(req.postData() ?? "");
    });
    await page.keyboard.press("c");
    for (const row of rows) {
      await expect(cell(page, row, "Tech Lead")).toHaveAccessibleName(/Consulted/);
      await expect(cell(page, row, "Engineering Manager")).toHaveAccessibleName(/Consulted/);
    }
    await expect.poll(() => serverLetters(page, id, rows[2]!, "Tech Lead")).toBe("RAC");
    expect(writes).toHaveLength(1);
    expect(JSON.parse(writes[0]!).cells).toHaveLength(6 - 1); // "Tech Mentoring" × EM already had C

    // Every cell has C now, so the same key removes it from all of them.
    await page.keyboard.press("c");
    await expect(cell(page, rows[1]!, "Engineering Manager")).toHaveAccessibleName(/: Informed$/);
    await expect(cell(page, rows[2]!, "Engineering Manager")).toHaveAccessibleName(/: no role$/);

    // Escape drops the range; shift+click makes a new one.
    await page.keyboard.press("Escape");
    await expect(grid.locator('[role="gridcell"][aria-selected="true"]')).toHaveCount(1);
    await cell(page, rows[0]!, "Engineering Manager").click();
    await page.keyboard.press("Escape");
    await cell(page, rows[1]!, "Engineering Manager").click({ modifiers: ["Shift"] });
    await expect(grid.locator('[role="gridcell"][aria-selected="true"]')).toHaveCount(2);
    await page.keyboard.press("a");
    await expect(cell(page, rows[0]!, "Engineering Manager")).toHaveAccessibleName(/Accountable/);
    await expect(cell(page, rows[1]!, "Engineering Manager")).toHaveAccessibleName(/Accountable/);
  });

  test("selects a rectangle by dragging", async ({ page, owner, signInAs }) => {
    await signInAs(owner.user);
    const name = "Drag select";
    const id = await createMatrix(page, owner.team, name);
    const grid = await openMatrix(page, owner.team, id, name);
    const from = await cell(page, "Technical Excellence and Innovation", "Tech Lead").boundingBox();
    const to = await cell(page, "Architecture and System Integration", "Engineering Manager").boundingBox();
    expect(from && to).toBeTruthy();
    await page.mouse.move(from!.x + 10, from!.y + 10);
    await page.mouse.down();
    await page.mouse.move(to!.x + 10, to!.y + 10, { steps: 5 });
    await page.mouse.up();
    await expect(grid.locator('[role="gridcell"][aria-selected="true"]')).toHaveCount(4);
    // A drag never opens the picker.
    await expect(page.getByRole("dialog")).toHaveCount(0);
  });

  test("is read-only for a viewer, and the API refuses their writes", async ({ page, browser, owner, signInAs }) => {
    await signInAs(owner.user);
    const name = "Viewer grid";
    const id = await createMatrix(page, owner.team, name);

    const viewer = await makeUser();
    await addMember(owner.team, viewer, "viewer");
    const other = await signInElsewhere(browser, viewer);
    const vp = other.page;
    const grid = await openMatrix(vp, owner.team, id, name);

    await expect(vp.getByText(/Read-only/)).toBeVisible();
    await expect(vp.getByRole("button", { name: "Add row" })).toHaveCount(0);

    const target = cell(vp, CODE_REVIEWS, "Tech Lead");
    await target.click();
    // A click (or Enter) shows the cell's details, read-only: no letter to press.
    const details = vp.getByRole("dialog", { name: `${CODE_REVIEWS} × Tech Lead` });
    await expect(details).toContainText("Responsible, Accountable");
    await expect(details.getByRole("button", { name: /Responsible|Accountable|Clear/ })).toHaveCount(0);
    await vp.keyboard.press("Escape");
    await expect(target).toBeFocused();
    await vp.keyboard.press("i");
    await vp.keyboard.press("Delete");
    await expect(vp.getByRole("dialog")).toHaveCount(0);
    await expect(target).toHaveAccessibleName(/: Responsible and Accountable$/);
    // Still navigable and readable.
    await vp.keyboard.press("ArrowRight");
    await expect(cell(vp, CODE_REVIEWS, "Engineering Manager")).toBeFocused();
    await expect(grid.locator('[tabindex="0"]')).toHaveCount(1);

    const dto = (await (await vp.request.get(`/api/v1/matrices/${id}`)).json()) as {
      rows: { id: string; title: string }[];
      columns: { personId: string }[];
    };
    const row = dto.rows.find((r) => r.title === CODE_REVIEWS)!;
    const put = await vp.request.put(`/api/v1/matrices/${id}/cells`, {
      data: { responsibilityId: row.id, personId: dto.columns[0]!.personId, letters: "I", version: 1 },
    });
    expect(put.status()).toBe(403);
    expect(await serverLetters(page, id, CODE_REVIEWS, "Tech Lead")).toBe("RA");
    await other.ctx.close();
  });

  test("filters rows and columns, and keeps the filters in the URL", async ({ page, owner, signInAs }) => {
    await signInAs(owner.user);
    const name = "Filters";
    const id = await createMatrix(page, owner.team, name);
    const grid = await openMatrix(page, owner.team, id, name);

    await page.getByRole("searchbox", { name: "Search responsibilities" }).fill("review");
    await expect(grid.getByRole("rowheader", { name: new RegExp(`^${CODE_REVIEWS}`) })).toBeVisible();
    await expect(grid.getByRole("rowheader", { name: /^Technical Excellence/ })).toHaveCount(0);
    await expect(page).toHaveURL(/[?&]q=review/);

    await page.getByRole("button", { name: "People" }).click();
    await page
      .getByRole("dialog", { name: "Filter by people" })
      .getByLabel(/Engineering Manager/)
      .uncheck();
    await page.keyboard.press("Escape");
    await expect(grid.getByRole("columnheader", { name: /^Engineering Manager/ })).toHaveCount(0);
    await expect(grid).toHaveAttribute("aria-colcount", "2");

    await page.reload();
    const again = page.getByRole("grid", { name });
    await expect(again.getByRole("rowheader", { name: /^Technical Excellence/ })).toHaveCount(0);
    await expect(again.getByRole("columnheader", { name: /^Engineering Manager/ })).toHaveCount(0);
    await expect(page.getByRole("searchbox", { name: "Search responsibilities" })).toHaveValue("review");

    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(again.getByRole("rowheader", { name: /^Technical Excellence/ })).toBeVisible();
    await expect(page).not.toHaveURL(/[?&]q=/);
  });
});
