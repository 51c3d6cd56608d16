/**
 * Pure keyboard/selection logic of the grid. Positions are { r, c }: r indexes grid
 * items (-1 = the column header row), c indexes visible columns (-1 = the row header
 * column). Group header rows only have c = -1.
 */
import { hasLetter, addLetter, removeLetter } from "@/lib/raci/letters";
import type { Letter, Letters } from "@/lib/raci/types";
import type { GridItem } from "./grid-items";

export interface GridPos {
  r: number;
  c: number;
}

export interface Rect {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

export type NavKey =
  "up" | "down" | "left" | "right" | "home" | "end" | "gridStart" | "gridEnd" | "pageUp" | "pageDown";

export interface NavBounds {
  rowCount: number;
  colCount: number;
  isGroup: (r: number) => boolean;
  /** Rows a PageUp/PageDown moves. */
  pageRows: number;
}

export function samePos(a: GridPos | null | undefined, b: GridPos | null | undefined): boolean {
  return !!a && !!b && a.r === b.r && a.c === b.c;
}

export function isCellPos(pos: GridPos, bounds: Pick<NavBounds, "isGroup" | "rowCount" | "colCount">): boolean {
  return pos.r >= 0 && pos.r < bounds.rowCount && pos.c >= 0 && pos.c < bounds.colCount && !bounds.isGroup(pos.r);
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}

/** The closest valid row for column c, starting at r and walking in `dir` (then back). */
function settleRow(r: number, c: number, dir: 1 | -1, b: NavBounds): number {
  if (c < 0 || r < 0) return r;
  for (let x = r; x >= 0 && x < b.rowCount; x += dir) if (!b.isGroup(x)) return x;
  for (let x = r - dir; x >= 0 && x < b.rowCount; x -= dir) if (!b.isGroup(x)) return x;
  return -1;
}

/**
 * Where a navigation key leads. In cell columns group rows are skipped (they have no
 * cells); in the row header column they are visited, so that screen-reader users hear
 * the categories. `cellsOnly` (range extension) keeps the position on data cells.
 */
export function navigate(pos: GridPos, key: NavKey, b: NavBounds, cellsOnly = false): GridPos {
  const minR = cellsOnly ? 0 : -1;
  const minC = cellsOnly ? 0 : -1;
  const lastC = b.colCount - 1;
  let { r, c } = pos;
  const onGroup = r >= 0 && b.isGroup(r);
  switch (key) {
    case "left":
      if (onGroup) return pos;
      c = clamp(c - 1, minC, lastC);
      break;
    case "right":
      if (onGroup) return pos;
      c = clamp(c + 1, minC, lastC);
      break;
    case "home":
      if (onGroup) return pos;
      c = minC;
      break;
    case "end":
      if (onGroup) return pos;
      c = lastC;
      break;
    case "up":
    case "pageUp": {
      const step = key === "up" ? 1 : Math.max(1, b.pageRows);
      let x = r - step;
      if (x < minR) x = minR;
      if (c >= 0 && x >= 0) {
        // Skip group rows upwards; if none is left above, stay on the header row / current.
        let y = x;
        while (y >= 0 && b.isGroup(y)) y--;
        if (y < 0) x = cellsOnly ? r : -1;
        else x = y;
      }
      r = x;
      break;
    }
    case "down":
    case "pageDown": {
      const step = key === "down" ? 1 : Math.max(1, b.pageRows);
      let x = Math.min(r + step, b.rowCount - 1);
      if (c >= 0) {
        let y = x;
        while (y < b.rowCount && y >= 0 && b.isGroup(y)) y++;
        if (y >= b.rowCount) {
          // Nothing below: the last data row at or above x (never above the start).
          y = settleRow(x, c, -1, b);
          if (y < r) y = r;
        }
        x = y;
      }
      r = x;
      break;
    }
    case "gridStart":
      r = settleRow(0, Math.max(0, minC), 1, b);
      c = b.colCount > 0 ? 0 : -1;
      if (r < 0) return { r: -1, c: -1 };
      break;
    case "gridEnd":
      r = settleRow(b.rowCount - 1, Math.max(0, lastC), -1, b);
      c = lastC;
      if (r < 0) return { r: -1, c: lastC };
      break;
  }
  // Entering a group row from a cell column lands on its header.
  if (r >= 0 && b.isGroup(r)) c = -1;
  if (b.rowCount === 0) r = -1;
  return { r, c };
}

export function rectOf(a: GridPos, b: GridPos): Rect {
  return { r0: Math.min(a.r, b.r), r1: Math.max(a.r, b.r), c0: Math.min(a.c, b.c), c1: Math.max(a.c, b.c) };
}

export function inRect(rect: Rect | null, r: number, c: number): boolean {
  return !!rect && r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1;
}

export interface CellRef {
  rowId: string;
  personId: string;
}

/** The data cells inside a rectangle (group rows and header positions are skipped). */
export function cellsInRect(
  items: readonly GridItem[],
  columns: readonly { personId: string }[],
  rect: Rect,
): CellRef[] {
  const out: CellRef[] = [];
  for (let r = Math.max(0, rect.r0); r <= rect.r1 && r < items.length; r++) {
    const item = items[r];
    if (!item || item.kind !== "row") continue;
    for (let c = Math.max(0, rect.c0); c <= rect.c1 && c < columns.length; c++) {
      const col = columns[c];
      if (col) out.push({ rowId: item.row.id, personId: col.personId });
    }
  }
  return out;
}

/**
 * The toggle rule for a selection: if every cell already has the letter it is removed
 * from all of them, otherwise it is added to all (cells that have it keep it).
 */
export function toggleAll(
  cells: readonly CellRef[],
  lettersOf: (rowId: string, personId: string) => Letters,
  letter: Letter,
): { rowId: string; personId: string; letters: Letters }[] {
  if (cells.length === 0) return [];
  const everyHas = cells.every((c) => hasLetter(lettersOf(c.rowId, c.personId), letter));
  return cells.map((c) => {
    const cur = lettersOf(c.rowId, c.personId);
    return {
      rowId: c.rowId,
      personId: c.personId,
      letters: everyHas ? removeLetter(cur, letter) : addLetter(cur, letter),
    };
  });
}

/** Whether a letter is on all, some or none of the cells (the picker's aria-pressed). */
export function letterState(
  cells: readonly CellRef[],
  lettersOf: (rowId: string, personId: string) => Letters,
  letter: Letter,
): "all" | "some" | "none" {
  let n = 0;
  for (const c of cells) if (hasLetter(lettersOf(c.rowId, c.personId), letter)) n++;
  return n === 0 ? "none" : n === cells.length ? "all" : "some";
}

export function clearAll(cells: readonly CellRef[]): { rowId: string; personId: string; letters: Letters }[] {
  return cells.map((c) => ({ rowId: c.rowId, personId: c.personId, letters: "" }));
}
