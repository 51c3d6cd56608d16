import type { Page } from "@playwright/test";
import { addMember, expect, makeTeam, makeUser, signIn, test, type TestTeam } from "./fixtures/test";
import { signInElsewhere } from "./fixtures/auth";
import { createTemplateMatrix } from "./fixtures/matrix";
import type { MatrixDto } from "../lib/matrix/dto";

/**
 * History: a cell's history in the picker, the activity feed, server-side undo/redo (after
 * a reload, refused over someone else's later change), snapshots compared and restored.
 */

const CODE_REVIEWS = "Code Reviews and Feedback";

async function openMatrix(page: Page, team: TestTeam, matrixId: string, name: string) {
  await page.goto(`/t/${team.slug}/matrices/${matrixId}`);
  await expect(page.getByRole("grid", { name })).toBeVisible();
}

function cell(page: Page, rowTitle: string, columnName: string) {
  return page.getByRole("gridcell", { name: new RegExp(`^${rowTitle}, ${columnName}:`) });
}

async function serverLetters(page: Page, matrixId: string, rowTitle: string, column: string): Promise<string> {
  const dto = (await (await page.request.get(`/api/v1/matrices/${matrixId}`)).json()) as MatrixDto;
  const r = dto.rows.findIndex((x) => x.title === rowTitle);
  const c = dto.columns.findIndex((x) => x.name === column);
  return dto.cells.find(([ri, ci]) => ri === r && ci === c)?.[2] ?? "";
}

async function openHistory(page: Page) {
  await page.getByRole("button", { name: "History", exact: true }).click();
  const panel = page.getByRole("region", { name: "History" });
  await expect(panel).toBeVisible();
  return panel;
}

test.describe("history", () => {
  test("cell history in the picker, the activity feed, undo after a reload, and redo", async ({ page, axe }) => {
    test.slow();
    const ana = await makeUser({ name: "Ana Ruiz" });
    const team = await makeTeam(ana);
    await signIn(page, ana);
    const name = "History basics";
    const id = await createTemplateMatrix(page.request, team, name);
    await openMatrix(page, team, id, name);

    const em = cell(page, CODE_REVIEWS, "Engineering Manager");
    await em.click();
    const picker = page.getByRole("dialog");
    await picker.getByRole("button", { name: /Accountable/ }).click();
    await expect(em).toHaveAccessibleName(/: Accountable$/);
    await expect.poll(() => serverLetters(page, id, CODE_REVIEWS, "Engineering Manager")).toBe("A");

    // The cell's history, one click away in the picker.
    await picker.getByRole("button", { name: "History" }).click();
    const changes = picker.getByRole("list", { name: "Changes of this cell" });
    await expect(changes.getByRole("listitem").first()).toContainText("Ana Ruiz: empty → A");
    await page.keyboard.press("Escape");

    // The activity feed says it in words.
    const panel = await openHistory(page);
    const feed = panel.getByRole("list", { name: "Recent changes" });
    await expect(
      feed.getByText(`Ana Ruiz set Engineering Manager on ${CODE_REVIEWS}: empty → A`, { exact: true }),
    ).toBeVisible();
    expect(await axe()).toEqual([]);

    // Undo survives a reload: the server knows my steps.
    await page.reload();
    await expect(em).toHaveAccessibleName(/: Accountable$/);
    // Known from the server after the reload (and proof the page is interactive).
    await expect(page.getByRole("button", { name: "Undo my last edit" })).toBeEnabled();
    await expect(page.getByRole("button", { name: "Redo" })).toBeDisabled();
    await page.keyboard.press("ControlOrMeta+z");
    await expect(em).toHaveAccessibleName(/: no role$/);
    await expect.poll(() => serverLetters(page, id, CODE_REVIEWS, "Engineering Manager")).toBe("");

    // The feed follows live, and says it was an undo.
    const again = await openHistory(page);
    await expect(
      again.getByText(`Undo by Ana Ruiz: set Engineering Manager on ${CODE_REVIEWS}: A → empty`, { exact: true }),
    ).toBeVisible();

    // Redo brings it back, from the toolbar too.
    await page.getByRole("button", { name: "Redo" }).click();
    await expect(em).toHaveAccessibleName(/: Accountable$/);
    await expect.poll(() => serverLetters(page, id, CODE_REVIEWS, "Engineering Manager")).toBe("A");
    await expect(
      again.getByText(`Redo by Ana Ruiz: set Engineering Manager on ${CODE_REVIEWS}: empty → A`, { exact: true }),
    ).toBeVisible();
  });

  test("people who cannot edit open a cell's details: its letters and who changed it", async ({
    page,
    browser,
    axe,
  }) => {
    const ana = await makeUser({ name: "Ana Ruiz" });
    const team = await makeTeam(ana);
    await signIn(page, ana);
    const name = "Read-only details";
    const id = await createTemplateMatrix(page.request, team, name);
    const dto = (await (await page.request.get(`/api/v1/matrices/${id}`)).json()) as MatrixDto;
    const r = dto.rows.findIndex((x) => x.title === CODE_REVIEWS);
    const c = dto.columns.findIndex((x) => x.name === "Engineering Manager");
    const put = await page.request.put(`/api/v1/matrices/${id}/cells`, {
      data: { responsibilityId: dto.rows[r]!.id, personId: dto.columns[c]!.personId, letters: "CI", version: 0 },
    });
    expect(put.status()).toBe(200);

    const vic = await makeUser({ name: "Vic Viewer" });
    await addMember(team, vic, "viewer");
    const v = await signInElsewhere(browser, vic);
    try {
      await openMatrix(v.page, team, id, name);
      const em = cell(v.page, CODE_REVIEWS, "Engineering Manager");
      await em.click();
      const details = v.page.getByRole("dialog", { name: `${CODE_REVIEWS} × Engineering Manager` });
      await expect(details).toContainText("Consulted, Informed");
      await expect(details).toContainText("Only team managers and owners change letters.");
      // Nothing to press that would change it; typing a letter changes nothing either.
      await expect(details.getByRole("button", { name: /Consulted|Clear/ })).toHaveCount(0);
      await details.getByRole("button", { name: "History" }).click();
      const changes = details.getByRole("list", { name: "Changes of this cell" });
      await expect(changes.getByRole("listitem").first()).toContainText("Ana Ruiz: empty → C/I");
      expect(await axe(v.page)).toEqual([]);
      await v.page.keyboard.press("r");
      await v.page.keyboard.press("Escape");
      await expect(details).toBeHidden();
      await expect(em).toBeFocused();
      await expect(em).toHaveAccessibleName(/: Consulted and Informed$/);
      expect(await serverLetters(page, id, CODE_REVIEWS, "Engineering Manager")).toBe("CI");
      // From the keyboard too: Enter on the cell.
      await v.page.keyboard.press("Enter");
      await expect(details).toBeVisible();
      await v.page.keyboard.press("Escape");
      await expect(em).toBeFocused();
    } finally {
      await v.ctx.close();
    }
  });

  test("undo is refused when someone else changed the cell after me", async ({ page, browser }) => {
    test.slow();
    const ana = await makeUser({ name: "Ana Ruiz" });
    const team = await makeTeam(ana);
    const ben = await makeUser({ name: "Ben Cho" });
    await addMember(team, ben, "manager");
    await signIn(page, ana);
    const name = "Undo refused";
    const id = await createTemplateMatrix(page.request, team, name);
    await openMatrix(page, team, id, name);

    const em = cell(page, CODE_REVIEWS, "Engineering Manager");
    await em.click();
    await page
      .getByRole("dialog")
      .getByRole("button", { name: /Informed/ })
      .click();
    await page.keyboard.press("Escape");
    await expect.poll(() => serverLetters(page, id, CODE_REVIEWS, "Engineering Manager")).toBe("I");

    // Ben, in his own browser, adds C to the same cell.
    const other = await signInElsewhere(browser, ben);
    await openMatrix(other.page, team, id, name);
    const benCell = cell(other.page, CODE_REVIEWS, "Engineering Manager");
    await expect(benCell).toHaveAccessibleName(/: Informed$/);
    await benCell.click();
    await other.page
      .getByRole("dialog")
      .getByRole("button", { name: /Consulted/ })
      .click();
    await expect.poll(() => serverLetters(page, id, CODE_REVIEWS, "Engineering Manager")).toBe("CI");
    await expect(em).toHaveAccessibleName(/: Consulted and Informed$/);

    await page.keyboard.press("ControlOrMeta+z");
    await expect(
      page.getByRole("status").getByText("Ben Cho changed this cell after you; undo would overwrite their change."),
    ).toBeVisible();
    await expect(em).toHaveAccessibleName(/: Consulted and Informed$/);
    expect(await serverLetters(page, id, CODE_REVIEWS, "Engineering Manager")).toBe("CI");
    const res = await page.request.post(`/api/v1/matrices/${id}/undo`, { data: {} });
    expect(res.status()).toBe(409);
    await other.ctx.close();
  });

  test("snapshot, edit, compare, restore; members may look but not restore", async ({ page, browser, axe }) => {
    test.slow();
    const ana = await makeUser({ name: "Ana Ruiz" });
    const team = await makeTeam(ana);
    await signIn(page, ana);
    const name = "Snapshots";
    const id = await createTemplateMatrix(page.request, team, name);
    await openMatrix(page, team, id, name);

    const panel = await openHistory(page);
    await panel.getByRole("button", { name: "Versions" }).click();
    await panel.getByLabel("Version name").fill("Baseline");
    await panel.getByRole("button", { name: "Save version" }).click();
    const versions = panel.getByRole("list", { name: "Saved versions" });
    await expect(versions.getByRole("listitem", { name: "Baseline" })).toBeVisible();

    // An edit after the snapshot: Tech Lead goes from R/A to A.
    const tl = cell(page, CODE_REVIEWS, "Tech Lead");
    await expect(tl).toHaveAccessibleName(/: Responsible and Accountable$/);
    await tl.click();
    await page
      .getByRole("dialog")
      .getByRole("button", { name: /Responsible/ })
      .click();
    await page.keyboard.press("Escape");
    await expect.poll(() => serverLetters(page, id, CODE_REVIEWS, "Tech Lead")).toBe("A");

    // And the order changes: that row goes last, Engineering Manager becomes the first column.
    const matrixNow = async () => (await (await page.request.get(`/api/v1/matrices/${id}`)).json()) as MatrixDto;
    const original = await matrixNow();
    const codeRow = original.rows.find((r) => r.title === CODE_REVIEWS)!;
    const emColumn = original.columns.find((c) => c.name === "Engineering Manager")!;
    const rowMove = await page.request.patch(`/api/v1/matrices/${id}/rows/${codeRow.id}`, {
      data: { afterId: original.rows.at(-1)!.id, version: codeRow.version },
    });
    expect(rowMove.status()).toBe(200);
    const columnMove = await page.request.patch(`/api/v1/matrices/${id}/columns/${emColumn.id}`, {
      data: { afterId: null, version: emColumn.version },
    });
    expect(columnMove.status()).toBe(200);
    const moved = await matrixNow();
    expect(moved.rows.at(-1)!.title).toBe(CODE_REVIEWS);
    expect(moved.columns[0]!.name).toBe("Engineering Manager");

    // Compare: the cell is marked in the grid (and in its accessible name), and listed.
    await versions
      .getByRole("listitem", { name: "Baseline" })
      .getByRole("button", { name: "Compare with now" })
      .click();
    const comparison = panel.getByRole("region", { name: "Comparison" });
    await expect(comparison).toContainText("1 difference");
    await expect(comparison.getByRole("list", { name: "Differences" })).toContainText(
      `${CODE_REVIEWS} × Tech Lead: R/A → A (changed)`,
    );
    await expect(tl).toHaveAccessibleName(/: Accountable, changed from R\/A to A$/);
    await expect(tl.locator('[data-diff="changed"]')).toHaveCount(1);
    expect(await axe()).toEqual([]);

    // A member can read history and versions, not restore.
    const member = await makeUser({ name: "Mia Member" });
    await addMember(team, member, "member");
    const m = await signInElsewhere(browser, member);
    const list = await m.page.request.get(`/api/v1/matrices/${id}/snapshots`);
    expect(list.status()).toBe(200);
    const { snapshots } = (await list.json()) as { snapshots: { id: string; name: string }[] };
    const baseline = snapshots.find((s) => s.name === "Baseline")!;
    expect((await m.page.request.get(`/api/v1/matrices/${id}/history`)).status()).toBe(200);
    expect(
      (await m.page.request.post(`/api/v1/matrices/${id}/snapshots/${baseline.id}/restore`, { data: {} })).status(),
    ).toBe(403);
    expect((await m.page.request.post(`/api/v1/matrices/${id}/snapshots`, { data: { name: "Mine" } })).status()).toBe(
      403,
    );
    await m.ctx.close();
    // Another team's user does not even learn it exists.
    const stranger = await makeUser();
    await makeTeam(stranger);
    const s = await signInElsewhere(browser, stranger);
    expect((await s.page.request.get(`/api/v1/matrices/${id}/snapshots`)).status()).toBe(404);
    expect((await s.page.request.get(`/api/v1/matrices/${id}/history`)).status()).toBe(404);
    await s.ctx.close();

    // Restore brings the value back as a new change, visible in the feed.
    await versions.getByRole("listitem", { name: "Baseline" }).getByRole("button", { name: "Restore…" }).click();
    await panel.getByRole("group", { name: "Restore Baseline?" }).getByRole("button", { name: "Restore now" }).click();
    await expect(tl).toHaveAccessibleName(/: Responsible and Accountable$/);
    await expect.poll(() => serverLetters(page, id, CODE_REVIEWS, "Tech Lead")).toBe("RA");
    // The snapshot's order is back, for rows and columns.
    const restored = await matrixNow();
    expect(restored.rows.map((r) => r.title)).toEqual(original.rows.map((r) => r.title));
    expect(restored.columns.map((c) => c.name)).toEqual(original.columns.map((c) => c.name));
    await expect(versions.getByRole("listitem", { name: "Before restoring “Baseline”" })).toBeVisible();
    await panel.getByRole("button", { name: "Stop comparing" }).click();
    await panel.getByRole("button", { name: "Activity" }).click();
    await expect(panel.getByText("Ana Ruiz restored snapshot “Baseline”", { exact: true })).toBeVisible();

    // The restore is one undo step of its own: letters and order as before it.
    await page.keyboard.press("ControlOrMeta+z");
    await expect(tl).toHaveAccessibleName(/: Accountable$/);
    await expect.poll(async () => (await matrixNow()).rows.at(-1)!.title).toBe(CODE_REVIEWS);
    expect((await matrixNow()).columns[0]!.name).toBe("Engineering Manager");
  });
});

test.describe("history API", () => {
  test("undo and redo cover rows, columns and the matrix itself; a new edit clears redo", async ({ page }) => {
    test.slow();
    const ana = await makeUser({ name: "Ana Ruiz" });
    const team = await makeTeam(ana);
    await signIn(page, ana);
    const id = await createTemplateMatrix(page.request, team, "Structure undo");
    const api = page.request;
    const get = async () => (await (await api.get(`/api/v1/matrices/${id}`)).json()) as MatrixDto;
    const ok = async (res: Promise<import("@playwright/test").APIResponse>) => {
      const r = await res;
      expect(r.ok(), await r.text()).toBe(true);
      return r;
    };
    const undo = () => ok(api.post(`/api/v1/matrices/${id}/undo`, { data: {} }));
    const redo = () => ok(api.post(`/api/v1/matrices/${id}/redo`, { data: {} }));

    const start = await get();
    const rowRes = await ok(api.post(`/api/v1/matrices/${id}/rows`, { data: { title: "On-call" } }));
    const row = ((await rowRes.json()) as { row: { id: string; version: number } }).row;
    await ok(api.patch(`/api/v1/matrices/${id}/rows/${row.id}`, { data: { title: "On-call rota", version: 1 } }));
    await ok(api.patch(`/api/v1/matrices/${id}/rows/${row.id}`, { data: { afterId: null, version: 2 } }));
    await ok(api.delete(`/api/v1/matrices/${id}/rows/${row.id}`));
    await ok(api.patch(`/api/v1/matrices/${id}`, { data: { name: "Renamed", version: start.version } }));
    const [tl, em] = start.columns;
    await ok(api.patch(`/api/v1/matrices/${id}/columns/${em!.id}`, { data: { afterId: null, version: em!.version } }));
    await ok(api.delete(`/api/v1/matrices/${id}/columns/${em!.id}`));

    let m = await get();
    expect(m.columns.map((c) => c.name)).toEqual([tl!.name]);
    expect(m.name).toBe("Renamed");
    expect(m.rows.some((r) => r.id === row.id)).toBe(false);

    await undo(); // column removal
    expect((await get()).columns.map((c) => c.name)).toEqual([em!.name, tl!.name]);
    await undo(); // column move
    expect((await get()).columns.map((c) => c.name)).toEqual([tl!.name, em!.name]);
    await undo(); // rename of the matrix
    expect((await get()).name).toBe("Structure undo");
    await undo(); // row delete
    m = await get();
    expect(m.rows[0]?.id).toBe(row.id);
    await undo(); // row move: back at the end
    m = await get();
    expect(m.rows.at(-1)?.id).toBe(row.id);
    expect(m.rows.at(-1)?.title).toBe("On-call rota");
    await undo(); // rename
    expect((await get()).rows.at(-1)?.title).toBe("On-call");
    await undo(); // creation: soft-deleted
    expect((await get()).rows.some((r) => r.id === row.id)).toBe(false);

    await redo();
    await redo();
    m = await get();
    expect(m.rows.find((r) => r.id === row.id)?.title).toBe("On-call rota");
    let state = (await (await api.get(`/api/v1/matrices/${id}/undo`)).json()) as { canUndo: boolean; canRedo: boolean };
    expect(state).toMatchObject({ canUndo: true, canRedo: true });

    // A new edit starts a new branch: nothing left to redo.
    const cellVersion = m.cells.find(([r, c]) => r === 0 && c === 0)?.[3] ?? 0;
    await ok(
      api.put(`/api/v1/matrices/${id}/cells`, {
        data: { responsibilityId: m.rows[0]!.id, personId: m.columns[0]!.personId, letters: "I", version: cellVersion },
      }),
    );
    state = (await (await api.get(`/api/v1/matrices/${id}/undo`)).json()) as typeof state;
    expect(state).toMatchObject({ canUndo: true, canRedo: false });

    // A one-click fix is recorded as such.
    m = await get();
    const fixed = m.cells.find(([r, c]) => r === 0 && c === 0)!;
    await ok(
      api.put(`/api/v1/matrices/${id}/cells`, {
        data: {
          cells: [
            { responsibilityId: m.rows[0]!.id, personId: m.columns[0]!.personId, letters: "C", version: fixed[3] },
          ],
          origin: "fix",
        },
      }),
    );
    const newest = (await (await api.get(`/api/v1/matrices/${id}/history?limit=1`)).json()) as {
      entries: { origin: string; before: string; after: string }[];
    };
    expect(newest.entries[0]).toMatchObject({ origin: "fix", before: "I", after: "C" });
    const refused = await api.post(`/api/v1/matrices/${id}/redo`, { data: {} });
    expect(refused.status()).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe("There is nothing to redo.");

    // The feed pages through whole groups.
    const page1 = (await (await api.get(`/api/v1/matrices/${id}/history?limit=3`)).json()) as {
      entries: { id: number }[];
      nextBefore: number | null;
    };
    expect(page1.entries.length).toBeGreaterThan(0);
    expect(page1.nextBefore).not.toBeNull();
    const page2 = (await (
      await api.get(`/api/v1/matrices/${id}/history?limit=3&before=${page1.nextBefore}`)
    ).json()) as {
      entries: { id: number }[];
    };
    expect(Math.max(...page2.entries.map((e) => e.id))).toBeLessThan(Math.min(...page1.entries.map((e) => e.id)));
    expect((await api.get(`/api/v1/matrices/${id}/history?limit=0`)).status()).toBe(400);
  });
});
