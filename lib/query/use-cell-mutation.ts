"use client";
import { useCallback, useEffect, useRef } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { cellKey, type MatrixModel } from "@/lib/matrix/dto";
import { normalizeLetters } from "@/lib/raci/letters";
import type { Letters } from "@/lib/raci/types";
import { api, conflictCells, type CellResult, type CellWrite } from "./api-client";
import { queryKeys } from "./keys";
import { patchCells, readCell, type CellUpdate } from "./model-patches";
import { pendingCellsOf } from "./pending-cells";
import { useSerialWrites } from "./use-serial-writes";

/** A cell to set, as the caller asks for it. */
export interface CellChange {
  rowId: string;
  personId: string;
  letters: Letters;
}

/** One cell of an applied edit: what it was and what it became (canonical letters). */
export interface CellEditCell {
  rowId: string;
  personId: string;
  before: Letters;
  after: Letters;
}

/** An edit as it was applied to the cache: the unit of undo. */
export interface CellEdit {
  cells: CellEditCell[];
}

export interface CellMutationHandlers {
  /** Someone else changed some of the cells first; the cache now shows their letters. */
  onConflict?: (edit: CellEdit, current: CellResult[]) => void;
  /** Any other failure; the edit was rolled back. */
  onError?: (edit: CellEdit, error: unknown) => void;
}

interface QueuedCell extends CellEditCell {
  /** The version the client had when the edit was made. */
  baseVersion: number;
}

/**
 * Plans a write against the cached model: canonical letters, the last change of a cell
 * wins, cells that would not change are dropped. Pure, exported for tests.
 */
export function planCellWrite(model: Pick<MatrixModel, "cells">, changes: readonly CellChange[]): QueuedCell[] {
  const byKey = new Map<string, CellChange>();
  for (const c of changes) byKey.set(cellKey(c.rowId, c.personId), c);
  const out: QueuedCell[] = [];
  for (const c of byKey.values()) {
    const cur = readCell(model, c.rowId, c.personId);
    const after = normalizeLetters(c.letters);
    if (after === cur.letters) continue;
    out.push({ rowId: c.rowId, personId: c.personId, before: cur.letters, after, baseVersion: cur.version });
  }
  return out;
}

/**
 * Cache updates that undo an edit's optimistic letters, cell by cell: only where the
 * cache still shows our `after` (a later edit or a newer server value is left alone).
 * Pure, exported for tests.
 */
export function rollbackUpdates(
  model: Pick<MatrixModel, "cells">,
  cells: readonly CellEditCell[],
  skip?: ReadonlySet<string>,
): CellUpdate[] {
  const out: CellUpdate[] = [];
  for (const c of cells) {
    if (skip?.has(cellKey(c.rowId, c.personId))) continue;
    if (readCell(model, c.rowId, c.personId).letters === c.after) {
      out.push({ rowId: c.rowId, personId: c.personId, letters: c.before });
    }
  }
  return out;
}

/**
 * Optimistic cell writes. `writeCells` applies the letters to the cached model at once
 * (one copy of the cell map per call), then sends them as one PUT (single or batch
 * form) with the versions the client had. Acknowledged versions are kept in the
 * matrix's version chain and folded into the model with the next patch, so a write
 * costs one new model, not two. Writes of a matrix go out one after another
 * (a mutation scope), so two quick edits of one cell are never refused as stale against
 * each other. Returns the applied edit (for undo) and whether it was stored, or null
 * when nothing would change.
 */
export function useCellMutation(matrixId: string, handlers: CellMutationHandlers = {}) {
  const qc = useQueryClient();
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });

  const serial = useSerialWrites(matrixId, "cells");
  // Runs when this write's turn comes, so the versions of our earlier writes are known.
  const send = useCallback(
    (cells: QueuedCell[], origin?: "fix") =>
      serial(async () => {
        const pending = pendingCellsOf(matrixId);
        const sent: CellWrite[] = cells.map((c) => ({
          responsibilityId: c.rowId,
          personId: c.personId,
          letters: c.after,
          version: pending.resolveVersion(cellKey(c.rowId, c.personId), c.baseVersion),
        }));
        const res = await api.putCells(matrixId, sent, origin);
        return { res, sent };
      }),
    [serial, matrixId],
  );

  const writeCells = useCallback(
    (changes: readonly CellChange[], origin?: "fix"): { edit: CellEdit; done: Promise<boolean> } | null => {
      const key = queryKeys.matrix.detail(matrixId);
      const model = qc.getQueryData<MatrixModel>(key);
      if (!model) return null;
      const cells = planCellWrite(model, changes);
      if (cells.length === 0) return null;

      const pending = pendingCellsOf(matrixId);
      for (const c of cells) pending.begin(cellKey(c.rowId, c.personId), c.after);
      qc.setQueryData<MatrixModel>(
        key,
        patchCells(model, [
          ...pending.lateVersions(model).map(({ key: k, version }) => {
            const sep = k.indexOf("|");
            return { rowId: k.slice(0, sep), personId: k.slice(sep + 1), version };
          }),
          ...cells.map((c) => ({ rowId: c.rowId, personId: c.personId, letters: c.after })),
        ]),
      );
      const edit: CellEdit = {
        cells: cells.map(({ rowId, personId, before, after }) => ({ rowId, personId, before, after })),
      };

      const done = send(cells, origin).then(
        ({ res, sent }) => {
          const sentByKey = new Map(sent.map((w) => [cellKey(w.responsibilityId, w.personId), w.version]));
          // The new versions go into the version chain (what later writes send) and reach
          // the cached model with its next patch (see lateVersions). Only letters that
          // differ from what is shown (the server's canonical form) are written now.
          const fixes: CellUpdate[] = [];
          const current = qc.getQueryData<MatrixModel>(key);
          for (const r of res.cells) {
            const k = cellKey(r.responsibilityId, r.personId);
            const from = sentByKey.get(k);
            if (from !== undefined) pending.recordBump(k, from, r.version);
            const isLast = pending.end(k);
            pending.acknowledge(k, r.letters, r.version);
            if (!current || !isLast) continue;
            const shown = readCell(current, r.responsibilityId, r.personId);
            if (shown.version <= r.version && shown.letters !== r.letters) {
              fixes.push({ rowId: r.responsibilityId, personId: r.personId, letters: r.letters, version: r.version });
            }
          }
          // Cells the answer did not mention (should not happen) stop being pending anyway.
          for (const c of cells)
            if (!res.cells.some((r) => r.responsibilityId === c.rowId && r.personId === c.personId))
              pending.end(cellKey(c.rowId, c.personId));
          if (current && fixes.length > 0) qc.setQueryData<MatrixModel>(key, patchCells(current, fixes));
          return true;
        },
        (error: unknown) => {
          for (const c of cells) pending.end(cellKey(c.rowId, c.personId));
          const current = qc.getQueryData<MatrixModel>(key);
          const conflicts = conflictCells(error);
          if (current) {
            const stale = new Set(conflicts.map((c) => cellKey(c.responsibilityId, c.personId)));
            const updates: CellUpdate[] = [
              ...conflicts.map((c) => ({
                rowId: c.responsibilityId,
                personId: c.personId,
                letters: normalizeLetters(c.letters),
                version: c.version,
              })),
              // The batch is all or nothing: the other cells were not stored either.
              ...rollbackUpdates(current, edit.cells, stale),
            ];
            qc.setQueryData<MatrixModel>(key, patchCells(current, updates));
          }
          if (conflicts.length > 0) handlersRef.current.onConflict?.(edit, conflicts);
          else handlersRef.current.onError?.(edit, error);
          return false;
        },
      );
      return { edit, done };
    },
    [matrixId, qc, send],
  );

  return { writeCells };
}
