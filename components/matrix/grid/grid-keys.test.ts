import { describe, expect, it } from "vitest";
import type { ColumnDto, RowDto } from "@/lib/matrix/dto";
import { buildGridItems } from "./grid-items";
import { gridKeyAction, type KeyContext, type KeyInput } from "./grid-keys";

const row = (id: string, category: string): RowDto => ({
  id,
  title: id,
  description: "",
  category,
  domain: null,
  version: 1,
});
const col = (id: string): ColumnDto => ({
  id,
  personId: `p-${id}`,
  name: id,
  roleTitle: "",
  roleKinds: [],
  kindsManual: false,
  isVacant: false,
  codingShare: null,
  userId: null,
  version: 1,
  personVersion: 1,
});
// 0 group A, 1 a1, 2 a2
const items = buildGridItems([row("a1", "A"), row("a2", "A")]);
const columns = [col("c1"), col("c2")];
const ctx = (over: Partial<KeyContext> = {}): KeyContext => ({
  active: { r: 1, c: 0 },
  items,
  columns,
  canEdit: true,
  hasRange: false,
  bounds: { rowCount: items.length, colCount: columns.length, isGroup: (r) => items[r]?.kind === "group", pageRows: 5 },
  ...over,
});
const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  shiftKey: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

describe("gridKeyAction", () => {
  it("moves and extends with arrows", () => {
    expect(gridKeyAction(key("ArrowDown"), ctx())).toEqual({ type: "move", to: { r: 2, c: 0 }, extend: false });
    expect(gridKeyAction(key("ArrowRight", { shiftKey: true }), ctx())).toEqual({
      type: "move",
      to: { r: 1, c: 1 },
      extend: true,
    });
    expect(gridKeyAction(key("End", { ctrlKey: true }), ctx())).toEqual({
      type: "move",
      to: { r: 2, c: 1 },
      extend: false,
    });
  });

  it("toggles letters and clears cells only for editors", () => {
    expect(gridKeyAction(key("a"), ctx())).toEqual({ type: "letter", letter: "A" });
    expect(gridKeyAction(key("x"), ctx())).toBeNull();
    expect(gridKeyAction(key("Delete"), ctx())).toEqual({ type: "clear-cells" });
    expect(gridKeyAction(key("a"), ctx({ canEdit: false }))).toBeNull();
    expect(gridKeyAction(key("Delete"), ctx({ canEdit: false }))).toBeNull();
    // Enter on a cell opens its (read-only) details; elsewhere nothing.
    expect(gridKeyAction(key("Enter"), ctx({ canEdit: false }))).toEqual({ type: "open-picker" });
    expect(gridKeyAction(key("Enter"), ctx({ canEdit: false, active: { r: 1, c: -1 } }))).toBeNull();
    expect(gridKeyAction(key("Enter"), ctx({ canEdit: false, active: { r: -1, c: 0 } }))).toBeNull();
    // Navigation still works read-only.
    expect(gridKeyAction(key("ArrowDown"), ctx({ canEdit: false }))?.type).toBe("move");
  });

  it("leaves browser shortcuts alone", () => {
    expect(gridKeyAction(key("c", { ctrlKey: true }), ctx())).toBeNull();
    expect(gridKeyAction(key("r", { metaKey: true }), ctx())).toBeNull();
  });

  it("opens the picker, the row menu, the column menu and the inline rename", () => {
    expect(gridKeyAction(key("Enter"), ctx())).toEqual({ type: "open-picker" });
    expect(gridKeyAction(key("Enter"), ctx({ active: { r: 1, c: -1 } }))).toEqual({ type: "row-menu", rowId: "a1" });
    expect(gridKeyAction(key("Enter"), ctx({ active: { r: -1, c: 1 } }))).toEqual({
      type: "column-menu",
      columnId: "c2",
    });
    expect(gridKeyAction(key("F2"), ctx({ active: { r: 2, c: -1 } }))).toEqual({ type: "rename", rowId: "a2" });
    expect(gridKeyAction(key("F2"), ctx())).toBeNull();
  });

  it("moves rows and columns with Alt+Shift+arrows", () => {
    expect(gridKeyAction(key("ArrowUp", { altKey: true, shiftKey: true }), ctx({ active: { r: 2, c: -1 } }))).toEqual({
      type: "move-row",
      rowId: "a2",
      dir: "up",
    });
    expect(
      gridKeyAction(key("ArrowRight", { altKey: true, shiftKey: true }), ctx({ active: { r: -1, c: 0 } })),
    ).toEqual({
      type: "move-column",
      columnId: "c1",
      dir: "right",
    });
    expect(gridKeyAction(key("ArrowUp", { altKey: true, shiftKey: true }), ctx({ canEdit: false }))).toBeNull();
  });

  it("clears a range on Escape and selects all with Ctrl+A", () => {
    expect(gridKeyAction(key("Escape"), ctx())).toBeNull();
    expect(gridKeyAction(key("Escape"), ctx({ hasRange: true }))).toEqual({ type: "clear-range" });
    expect(gridKeyAction(key("a", { ctrlKey: true }), ctx())).toEqual({
      type: "select-all",
      from: { r: 1, c: 0 },
      to: { r: 2, c: 1 },
    });
  });
});
