/**
 * What restoring a snapshot changes, as planned changes (lib/matrix/undo-plan.ts) the
 * server applies as one group: deleted rows and columns of the snapshot come back, rows
 * and columns added since are soft-deleted (nothing is hard-deleted), row texts, cell
 * letters and settings are set to the snapshot's, and rows and columns are put back in
 * the snapshot's order (the fewest moves: each is one `move`, applied after the deletes,
 * so "after X" is among the rows that stay). Pure.
 */
import { cellKey } from "@/lib/matrix/dto";
import type { RaciSettings } from "@/lib/raci/types";
import type { PlannedChange } from "./undo-plan";
import type { SnapshotContent } from "./snapshot";

export interface RestoreTarget {
  matrixId: string;
  name: string;
  description: string;
  settings: RaciSettings;
  rows: {
    id: string;
    title: string;
    description: string;
    category: string;
    domain: string | null;
    deleted: boolean;
    position: number;
  }[];
  columns: { id: string; personId: string; deleted: boolean; position: number }[];
  /** Letters by cellKey (empty cells may be absent). */
  cells: ReadonlyMap<string, string>;
}

export function planRestore(
  snapshot: { id: string; name: string; content: SnapshotContent },
  now: RestoreTarget,
): PlannedChange[] {
  const { content } = snapshot;
  const out: PlannedChange[] = [
    {
      entity: "matrix",
      entityId: now.matrixId,
      action: "restore",
      before: null,
      after: { snapshotId: snapshot.id, name: snapshot.name },
    },
  ];
  const rows = new Map(now.rows.map((r) => [r.id, r]));
  const columns = new Map(now.columns.map((c) => [c.personId, c]));
  const keepRows = new Set(content.rows.map((r) => r.id));
  const keepPeople = new Set(content.columns.map((c) => c.personId));

  for (const s of content.rows) {
    const r = rows.get(s.id);
    if (!r) continue;
    if (r.deleted) out.push({ entity: "row", entityId: r.id, action: "restore", before: null, after: null });
    const fields = { title: s.title, description: s.description, category: s.category, domain: s.domain };
    if (r.title !== s.title || r.description !== s.description || r.category !== s.category || r.domain !== s.domain) {
      out.push({
        entity: "row",
        entityId: r.id,
        action: "update",
        before: { title: r.title, description: r.description, category: r.category, domain: r.domain },
        after: fields,
      });
    }
  }
  for (const s of content.columns) {
    const c = columns.get(s.personId);
    if (c?.deleted) out.push({ entity: "column", entityId: c.id, action: "restore", before: null, after: null });
  }

  const snapCells = new Map<string, string>();
  for (const [ri, ci, letters] of content.cells) {
    const row = content.rows[ri];
    const col = content.columns[ci];
    if (row && col) snapCells.set(cellKey(row.id, col.personId), letters);
  }
  for (const s of content.rows) {
    if (!rows.has(s.id)) continue;
    for (const col of content.columns) {
      if (!columns.has(col.personId)) continue;
      const key = cellKey(s.id, col.personId);
      const want = snapCells.get(key) ?? "";
      const have = now.cells.get(key) ?? "";
      if (want !== have) out.push({ entity: "cell", entityId: key, action: "update", before: have, after: want });
    }
  }

  for (const r of now.rows) {
    if (!r.deleted && !keepRows.has(r.id)) {
      out.push({ entity: "row", entityId: r.id, action: "delete", before: null, after: null });
    }
  }
  for (const c of now.columns) {
    if (!c.deleted && !keepPeople.has(c.personId)) {
      out.push({ entity: "column", entityId: c.id, action: "delete", before: null, after: null });
    }
  }
  out.push(
    ...orderMoves(
      "row",
      now.rows.filter((r) => keepRows.has(r.id)),
      content.rows.map((r) => r.id),
    ),
    ...orderMoves(
      "column",
      now.columns.filter((c) => keepPeople.has(c.personId)),
      content.columns.map((c) => columns.get(c.personId)?.id).filter((id): id is string => id !== undefined),
    ),
  );
  if (JSON.stringify(now.settings) !== JSON.stringify(content.settings)) {
    out.push({
      entity: "settings",
      entityId: now.matrixId,
      action: "update",
      before: { settings: now.settings },
      after: { settings: content.settings },
    });
  }
  return out;
}

/**
 * Moves that put `items` (what stays, restored ones included, in their current order by
 * position) into the order of `wanted` (ids), as few as possible: the longest run of
 * items already in the wanted relative order stays put (a longest increasing
 * subsequence), every other item moves right after its wanted predecessor (or first),
 * in the wanted order — as the server applies them, one by one.
 */
function orderMoves(
  entity: "row" | "column",
  items: { id: string; position: number }[],
  wanted: string[],
): PlannedChange[] {
  const current = [...items]
    .sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((i) => i.id);
  const at = new Map(current.map((id, i) => [id, i]));
  const target = wanted.filter((id) => at.has(id));
  const stays = longestIncreasing(target.map((id) => at.get(id)!)).map((i) => target[i]!);
  const keep = new Set(stays);
  const moves: PlannedChange[] = [];
  target.forEach((id, i) => {
    if (keep.has(id)) return;
    moves.push({
      entity,
      entityId: id,
      action: "move",
      before: null,
      after: { afterId: i === 0 ? null : target[i - 1]! },
    });
  });
  return moves;
}

/** Indexes into `xs` of one longest strictly increasing subsequence (patience sorting). */
function longestIncreasing(xs: number[]): number[] {
  const tails: number[] = []; // index into xs of the smallest tail of each length
  const prev: number[] = new Array(xs.length).fill(-1);
  xs.forEach((x, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[tails[mid]!]! < x) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const out: number[] = [];
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i !== -1; i = prev[i]!) out.push(i);
  return out.reverse();
}
