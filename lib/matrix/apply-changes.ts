/**
 * Live catch-up on the client's model: what a feed of changes (GET …/changes) does to the
 * cached matrix. Pure. Cell changes are patched in place, by version, so a feed can be
 * applied twice, late or out of order without harm (our own writes echoed back are
 * no-ops). Anything else — rows, columns, the matrix, settings, people — asks for a
 * reload of the whole matrix: rarer, and far simpler to get right.
 */
import { cellKey, type CellState, type MatrixModel } from "@/lib/matrix/dto";
import type { ChangesFeedDto } from "@/lib/matrix/live";

export type ApplyResult =
  /** The model to cache (the same object when nothing changed). */
  | { kind: "patched"; model: MatrixModel }
  /** The feed holds changes a patch cannot express: fetch the whole matrix. */
  | { kind: "reload" };

export function applyChangesToModel(model: MatrixModel, feed: ChangesFeedDto): ApplyResult {
  if (feed.tooMany) return { kind: "reload" };
  if (feed.changes.some((c) => c.entity !== "cell")) return { kind: "reload" };

  let cells: Map<string, CellState> | null = null;
  for (const snap of feed.cells) {
    const key = cellKey(snap.rowId, snap.personId);
    const prev = (cells ?? model.cells).get(key);
    // Only newer states: the cache may already hold this version (our own write) or a
    // newer one (a later feed, or a write that was answered first).
    if (prev && prev.version >= snap.version) continue;
    cells ??= new Map(model.cells);
    cells.set(key, { letters: snap.letters, version: snap.version });
  }
  const lastChangeId = Math.max(model.lastChangeId, feed.lastChangeId);
  if (!cells && lastChangeId === model.lastChangeId) return { kind: "patched", model };
  return { kind: "patched", model: { ...model, ...(cells ? { cells } : {}), lastChangeId } };
}
