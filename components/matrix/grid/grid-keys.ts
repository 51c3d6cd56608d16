/**
 * What a key press in the grid means, as data. Pure, so the whole keyboard model is
 * unit-tested; the grid only carries the result out.
 */
import type { ColumnDto } from "@/lib/matrix/dto";
import { isLetter } from "@/lib/raci/letters";
import type { Letter } from "@/lib/raci/types";
import type { GridItem } from "./grid-items";
import { navigate, type GridPos, type NavBounds, type NavKey } from "./grid-nav";

export type GridKeyAction =
  | { type: "move"; to: GridPos; extend: boolean }
  | { type: "move-row"; rowId: string; dir: "up" | "down" }
  | { type: "move-column"; columnId: string; dir: "left" | "right" }
  | { type: "clear-range" }
  | { type: "open-picker" }
  | { type: "row-menu"; rowId: string }
  | { type: "column-menu"; columnId: string }
  | { type: "rename"; rowId: string }
  | { type: "clear-cells" }
  | { type: "select-all"; from: GridPos; to: GridPos }
  | { type: "letter"; letter: Letter };

export interface KeyInput {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

export interface KeyContext {
  active: GridPos;
  items: readonly GridItem[];
  columns: readonly ColumnDto[];
  canEdit: boolean;
  hasRange: boolean;
  bounds: NavBounds;
}

const NAV: Record<string, NavKey> = {
  ArrowUp: "up",
  ArrowDown: "down",
  ArrowLeft: "left",
  ArrowRight: "right",
  PageUp: "pageUp",
  PageDown: "pageDown",
};

/** The action for a key, or null when the grid leaves the key alone. */
export function gridKeyAction(e: KeyInput, ctx: KeyContext): GridKeyAction | null {
  const { active, items, columns, canEdit } = ctx;
  const { r, c } = active;
  const item = r >= 0 ? items[r] : undefined;
  const rowId = item?.kind === "row" ? item.row.id : null;
  const column = c >= 0 ? columns[c] : undefined;
  const onCell = rowId !== null && column !== undefined;
  const mod = e.ctrlKey || e.metaKey;

  // Alt+Shift+arrows move the row (row header or any of its cells) or the column (its header).
  if (e.altKey && e.shiftKey) {
    if (!canEdit) return null;
    if ((e.key === "ArrowUp" || e.key === "ArrowDown") && rowId) {
      return { type: "move-row", rowId, dir: e.key === "ArrowUp" ? "up" : "down" };
    }
    if ((e.key === "ArrowLeft" || e.key === "ArrowRight") && r === -1 && column) {
      return { type: "move-column", columnId: column.id, dir: e.key === "ArrowLeft" ? "left" : "right" };
    }
    return null;
  }
  if (e.altKey) return null;

  const nav =
    NAV[e.key] ??
    (e.key === "Home" ? (mod ? "gridStart" : "home") : e.key === "End" ? (mod ? "gridEnd" : "end") : undefined);
  if (nav) {
    const extend = e.shiftKey && onCell;
    return { type: "move", to: navigate(active, nav, ctx.bounds, extend), extend };
  }

  switch (e.key) {
    case "Escape":
      return ctx.hasRange ? { type: "clear-range" } : null;
    case "Enter":
    case " ":
      // On a cell: the picker, read-only for those who cannot edit (letters and history).
      if (onCell) return { type: "open-picker" };
      if (!canEdit) return null;
      if (rowId && c === -1) return { type: "row-menu", rowId };
      if (r === -1 && column) return { type: "column-menu", columnId: column.id };
      return null;
    case "F2":
      return canEdit && rowId && c === -1 ? { type: "rename", rowId } : null;
    case "Backspace":
    case "Delete":
      return canEdit && onCell ? { type: "clear-cells" } : null;
  }

  if (mod && !e.shiftKey && e.key.toLowerCase() === "a") {
    const from = navigate({ r: 0, c: 0 }, "gridStart", ctx.bounds);
    const to = navigate(from, "gridEnd", ctx.bounds);
    return from.r >= 0 && to.r >= 0 && columns.length > 0 ? { type: "select-all", from, to } : null;
  }
  if (!mod && canEdit && onCell && e.key.length === 1) {
    const letter = e.key.toUpperCase();
    if (isLetter(letter)) return { type: "letter", letter };
  }
  return null;
}
