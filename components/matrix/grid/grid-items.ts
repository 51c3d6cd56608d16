/**
 * The grid's rows as a flat list: category group headers and responsibility rows, in
 * the order lib/raci/view.ts groups them. The virtualizer and the ARIA row indices both
 * count these items, so group headers are real rows of the grid.
 */
import type { RowDto } from "@/lib/matrix/dto";
import { groupRowsByCategory } from "@/lib/raci/view";

export type GridItem =
  | { kind: "group"; key: string; category: string; label: string; count: number }
  | { kind: "row"; key: string; row: RowDto; category: string };

export function buildGridItems(rows: readonly RowDto[]): GridItem[] {
  const items: GridItem[] = [];
  for (const group of groupRowsByCategory(rows)) {
    items.push({
      kind: "group",
      key: `group:${group.category}`,
      category: group.category,
      label: group.label,
      count: group.rows.length,
    });
    for (const row of group.rows) items.push({ kind: "row", key: row.id, row, category: group.category });
  }
  return items;
}

/** Item index of each row id, for jumping to a row (findings, undo). */
export function indexRows(items: readonly GridItem[]): Map<string, number> {
  const map = new Map<string, number>();
  items.forEach((item, i) => {
    if (item.kind === "row") map.set(item.row.id, i);
  });
  return map;
}

/**
 * The neighbour of a row inside its category group in display order (`-1` up, `+1`
 * down), or undefined at the edge of the group. Moves stay inside a group: moving a
 * row into another category is a category change, done by drag and drop or the editor.
 */
export function groupNeighbour(items: readonly GridItem[], rowId: string, dir: -1 | 1): RowDto | undefined {
  const at = items.findIndex((i) => i.kind === "row" && i.row.id === rowId);
  const next = items[at + dir];
  if (at < 0 || !next || next.kind !== "row") return undefined;
  return next.row;
}
