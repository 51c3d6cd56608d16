import { describe, expect, it } from "vitest";
import type { RowDto } from "@/lib/matrix/dto";
import { buildGridItems, groupNeighbour } from "./grid-items";
import { cellsInRect, letterState, navigate, rectOf, toggleAll, type NavBounds } from "./grid-nav";

function row(id: string, category: string): RowDto {
  return { id, title: id.toUpperCase(), description: "", category, domain: null, version: 1 };
}

// Items: 0 group A, 1 a1, 2 a2, 3 group B, 4 b1, 5 group Uncategorized, 6 u1
const rows = [row("a1", "A"), row("b1", "B"), row("a2", "A"), row("u1", "")];
const items = buildGridItems(rows);
const columns = [{ personId: "p1" }, { personId: "p2" }, { personId: "p3" }];
const bounds: NavBounds = {
  rowCount: items.length,
  colCount: columns.length,
  isGroup: (r) => items[r]?.kind === "group",
  pageRows: 3,
};

describe("buildGridItems", () => {
  it("groups rows by category, uncategorized last", () => {
    expect(items.map((i) => (i.kind === "group" ? `#${i.label}(${i.count})` : i.row.id))).toEqual([
      "#A(2)",
      "a1",
      "a2",
      "#B(1)",
      "b1",
      "#Uncategorized(1)",
      "u1",
    ]);
  });

  it("finds neighbours inside a group only", () => {
    expect(groupNeighbour(items, "a2", -1)?.id).toBe("a1");
    expect(groupNeighbour(items, "a1", -1)).toBeUndefined();
    expect(groupNeighbour(items, "a2", 1)).toBeUndefined();
  });
});

describe("navigate", () => {
  it("skips group rows in cell columns", () => {
    expect(navigate({ r: 2, c: 1 }, "down", bounds)).toEqual({ r: 4, c: 1 });
    expect(navigate({ r: 4, c: 1 }, "up", bounds)).toEqual({ r: 2, c: 1 });
    expect(navigate({ r: 1, c: 1 }, "up", bounds)).toEqual({ r: -1, c: 1 });
  });

  it("visits group headers in the row header column", () => {
    expect(navigate({ r: 2, c: -1 }, "down", bounds)).toEqual({ r: 3, c: -1 });
    expect(navigate({ r: 3, c: -1 }, "right", bounds)).toEqual({ r: 3, c: -1 });
  });

  it("clamps at the edges", () => {
    expect(navigate({ r: 6, c: 2 }, "down", bounds)).toEqual({ r: 6, c: 2 });
    expect(navigate({ r: 6, c: 2 }, "right", bounds)).toEqual({ r: 6, c: 2 });
    expect(navigate({ r: 6, c: -1 }, "left", bounds)).toEqual({ r: 6, c: -1 });
    expect(navigate({ r: -1, c: -1 }, "up", bounds)).toEqual({ r: -1, c: -1 });
  });

  it("goes to the row ends and the grid ends", () => {
    expect(navigate({ r: 1, c: 1 }, "home", bounds)).toEqual({ r: 1, c: -1 });
    expect(navigate({ r: 1, c: 1 }, "end", bounds)).toEqual({ r: 1, c: 2 });
    expect(navigate({ r: 4, c: 1 }, "gridStart", bounds)).toEqual({ r: 1, c: 0 });
    expect(navigate({ r: 1, c: 0 }, "gridEnd", bounds)).toEqual({ r: 6, c: 2 });
  });

  it("pages and lands on data rows", () => {
    expect(navigate({ r: 1, c: 0 }, "pageDown", bounds)).toEqual({ r: 4, c: 0 });
    expect(navigate({ r: 4, c: 0 }, "pageDown", bounds)).toEqual({ r: 6, c: 0 });
    expect(navigate({ r: 6, c: 0 }, "pageUp", bounds)).toEqual({ r: 2, c: 0 });
  });

  it("keeps a range extension on data cells", () => {
    expect(navigate({ r: 1, c: 0 }, "up", bounds, true)).toEqual({ r: 1, c: 0 });
    expect(navigate({ r: 1, c: 0 }, "left", bounds, true)).toEqual({ r: 1, c: 0 });
    expect(navigate({ r: 2, c: 0 }, "down", bounds, true)).toEqual({ r: 4, c: 0 });
  });
});

describe("selection rectangle", () => {
  it("normalizes corners and lists data cells only", () => {
    const rect = rectOf({ r: 4, c: 2 }, { r: 1, c: 1 });
    expect(rect).toEqual({ r0: 1, r1: 4, c0: 1, c1: 2 });
    expect(cellsInRect(items, columns, rect)).toEqual([
      { rowId: "a1", personId: "p2" },
      { rowId: "a1", personId: "p3" },
      { rowId: "a2", personId: "p2" },
      { rowId: "a2", personId: "p3" },
      { rowId: "b1", personId: "p2" },
      { rowId: "b1", personId: "p3" },
    ]);
  });

  it("ignores the header row and column in a rectangle", () => {
    expect(cellsInRect(items, columns, rectOf({ r: -1, c: -1 }, { r: 1, c: 0 }))).toEqual([
      { rowId: "a1", personId: "p1" },
    ]);
  });
});

describe("toggleAll", () => {
  const cells = [
    { rowId: "a1", personId: "p1" },
    { rowId: "a1", personId: "p2" },
  ];

  it("adds the letter to all when some lack it", () => {
    const letters: Record<string, string> = { "a1|p1": "RA", "a1|p2": "C" };
    const lettersOf = (r: string, p: string) => letters[`${r}|${p}`] ?? "";
    expect(letterState(cells, lettersOf, "A")).toBe("some");
    expect(toggleAll(cells, lettersOf, "A")).toEqual([
      { rowId: "a1", personId: "p1", letters: "RA" },
      { rowId: "a1", personId: "p2", letters: "AC" },
    ]);
  });

  it("removes the letter from all when every cell has it", () => {
    const letters: Record<string, string> = { "a1|p1": "RA", "a1|p2": "A" };
    const lettersOf = (r: string, p: string) => letters[`${r}|${p}`] ?? "";
    expect(letterState(cells, lettersOf, "A")).toBe("all");
    expect(toggleAll(cells, lettersOf, "A")).toEqual([
      { rowId: "a1", personId: "p1", letters: "R" },
      { rowId: "a1", personId: "p2", letters: "" },
    ]);
  });

  it("does nothing on an empty selection", () => {
    expect(toggleAll([], () => "", "R")).toEqual([]);
  });
});
