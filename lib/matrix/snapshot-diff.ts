/**
 * Compares two snapshot contents (lib/matrix/snapshot.ts): a saved version with now (the
 * current matrix turned into the same format) or with another saved version. Rows are
 * matched by id, columns by person id, cells by row × person. Pure.
 */
import type { Letters } from "@/lib/raci/types";
import { cellKey, type MatrixModel } from "@/lib/matrix/dto";
import { SNAPSHOT_FORMAT_VERSION, type SnapshotColumn, type SnapshotContent, type SnapshotRow } from "./snapshot";

export type CellDiffKind = "added" | "removed" | "changed";

export interface CellDiff {
  rowId: string;
  personId: string;
  rowTitle: string;
  personName: string;
  kind: CellDiffKind;
  before: Letters;
  after: Letters;
}

export interface SnapshotDiff {
  rowsAdded: SnapshotRow[];
  rowsRemoved: SnapshotRow[];
  /** Same row, another title. */
  rowsRenamed: { id: string; before: string; after: string }[];
  /** Same row and title, other description, category or domain. */
  rowsEdited: { id: string; title: string; fields: ("description" | "category" | "domain")[] }[];
  columnsAdded: SnapshotColumn[];
  columnsRemoved: SnapshotColumn[];
  /** Cells that differ, by row then column (the order of `to`, then what was removed). */
  cells: CellDiff[];
  settingsChanged: boolean;
  /** Everything above, counted. */
  total: number;
}

function cellMap(content: SnapshotContent): Map<string, Letters> {
  const map = new Map<string, Letters>();
  for (const [r, c, letters] of content.cells) {
    const row = content.rows[r];
    const col = content.columns[c];
    if (row && col && letters) map.set(cellKey(row.id, col.personId), letters);
  }
  return map;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** What changed from `from` to `to`. */
export function diffSnapshots(from: SnapshotContent, to: SnapshotContent): SnapshotDiff {
  const fromRows = new Map(from.rows.map((r) => [r.id, r]));
  const toRows = new Map(to.rows.map((r) => [r.id, r]));
  const fromCols = new Map(from.columns.map((c) => [c.personId, c]));
  const toCols = new Map(to.columns.map((c) => [c.personId, c]));

  const rowsAdded = to.rows.filter((r) => !fromRows.has(r.id));
  const rowsRemoved = from.rows.filter((r) => !toRows.has(r.id));
  const rowsRenamed: SnapshotDiff["rowsRenamed"] = [];
  const rowsEdited: SnapshotDiff["rowsEdited"] = [];
  for (const r of to.rows) {
    const before = fromRows.get(r.id);
    if (!before) continue;
    if (before.title !== r.title) rowsRenamed.push({ id: r.id, before: before.title, after: r.title });
    else {
      const fields = (["description", "category", "domain"] as const).filter((f) => before[f] !== r[f]);
      if (fields.length) rowsEdited.push({ id: r.id, title: r.title, fields });
    }
  }
  const columnsAdded = to.columns.filter((c) => !fromCols.has(c.personId));
  const columnsRemoved = from.columns.filter((c) => !toCols.has(c.personId));

  const a = cellMap(from);
  const b = cellMap(to);
  const cells: CellDiff[] = [];
  // Every row and column of either side: the cells of a row added since count as added,
  // those of a removed row or column as removed.
  const allRows = [...to.rows, ...rowsRemoved];
  const allCols = [...to.columns, ...columnsRemoved];
  for (const row of allRows) {
    for (const col of allCols) {
      const key = cellKey(row.id, col.personId);
      const before = a.get(key) ?? "";
      const after = b.get(key) ?? "";
      if (before === after) continue;
      cells.push({
        rowId: row.id,
        personId: col.personId,
        rowTitle: row.title,
        personName: col.name,
        kind: before === "" ? "added" : after === "" ? "removed" : "changed",
        before,
        after,
      });
    }
  }
  const settingsChanged = !sameJson(from.settings, to.settings);
  const total =
    rowsAdded.length +
    rowsRemoved.length +
    rowsRenamed.length +
    rowsEdited.length +
    columnsAdded.length +
    columnsRemoved.length +
    cells.length +
    (settingsChanged ? 1 : 0);
  return {
    rowsAdded,
    rowsRemoved,
    rowsRenamed,
    rowsEdited,
    columnsAdded,
    columnsRemoved,
    cells,
    settingsChanged,
    total,
  };
}

/** The client's cached matrix in snapshot form ("now" in a comparison). */
export function contentOfModel(
  model: Pick<MatrixModel, "name" | "settings" | "rows" | "columns" | "cells">,
): SnapshotContent {
  const colIndex = new Map(model.columns.map((c, i) => [c.personId, i]));
  const rowIndex = new Map(model.rows.map((r, i) => [r.id, i]));
  const cells: SnapshotContent["cells"] = [];
  for (const [key, cell] of model.cells) {
    if (!cell.letters) continue;
    const sep = key.indexOf("|");
    const r = rowIndex.get(key.slice(0, sep));
    const c = colIndex.get(key.slice(sep + 1));
    if (r !== undefined && c !== undefined) cells.push([r, c, cell.letters]);
  }
  return {
    v: SNAPSHOT_FORMAT_VERSION,
    name: model.name,
    settings: model.settings,
    rows: model.rows.map(({ id, title, description, category, domain }) => ({
      id,
      title,
      description,
      category,
      domain,
    })),
    columns: model.columns.map(({ personId, name, roleTitle, roleKinds }) => ({
      personId,
      name,
      roleTitle,
      roleKinds,
    })),
    cells,
  };
}

/** The cells of a diff by cellKey, for highlighting the grid. */
export function cellDiffIndex(diff: SnapshotDiff | null): ReadonlyMap<string, CellDiff> {
  const map = new Map<string, CellDiff>();
  for (const c of diff?.cells ?? []) map.set(cellKey(c.rowId, c.personId), c);
  return map;
}

/**
 * A row's differences for its rendered columns, as one primitive for the memoized grid
 * row: per column "" or kind initial + before + ":" + after ("cR:A"), joined by "|".
 */
export function encodeRowDiffs(
  index: ReadonlyMap<string, CellDiff>,
  rowId: string,
  personIds: readonly string[],
): string {
  let any = false;
  const parts = personIds.map((p) => {
    const d = index.get(cellKey(rowId, p));
    if (!d) return "";
    any = true;
    return `${d.kind[0]}${d.before}:${d.after}`;
  });
  return any ? parts.join("|") : "";
}

export interface CellDiffMark {
  kind: CellDiffKind;
  before: Letters;
  after: Letters;
}

const KIND_OF: Record<string, CellDiffKind> = { a: "added", r: "removed", c: "changed" };

/** The inverse of {@link encodeRowDiffs}: one entry per rendered column (undefined: unchanged). */
export function decodeRowDiffs(encoded: string): (CellDiffMark | undefined)[] {
  if (!encoded) return [];
  return encoded.split("|").map((part) => {
    const kind = KIND_OF[part[0] ?? ""];
    if (!kind) return undefined;
    const sep = part.indexOf(":");
    return { kind, before: part.slice(1, sep), after: part.slice(sep + 1) };
  });
}

function shown(letters: string): string {
  return letters ? letters.split("").join("/") : "empty";
}

/** What compare mode adds to a cell's accessible name: "changed from R to A". */
export function diffLabel(mark: CellDiffMark): string {
  switch (mark.kind) {
    case "added":
      return `added ${shown(mark.after)}, was empty`;
    case "removed":
      return `removed, was ${shown(mark.before)}`;
    default:
      return `changed from ${shown(mark.before)} to ${shown(mark.after)}`;
  }
}
