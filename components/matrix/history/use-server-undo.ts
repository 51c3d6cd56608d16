"use client";
import { useCallback, useEffect, useMemo } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { cellKey, type MatrixModel } from "@/lib/matrix/dto";
import type { UndoStateDto } from "@/lib/matrix/history";
import { errorMessage } from "@/lib/query/api-client";
import { historyApi, type AppliedResult } from "@/lib/query/history-api";
import { queryKeys } from "@/lib/query/keys";
import { patchCells } from "@/lib/query/model-patches";
import { pendingCellsOf } from "@/lib/query/pending-cells";
import { useSerialWrites } from "@/lib/query/use-serial-writes";
import { useToast } from "@/components/ui/toast";

const NOTHING: UndoStateDto = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };

/**
 * Puts what the server wrote (undo, redo, a restore) into the cached matrix at once:
 * cell letters and versions (so the next edit is not refused as stale), and a reload
 * when rows, columns or settings changed. The live echo would do it too, a moment later.
 */
export function useApplyResult(matrixId: string) {
  const qc = useQueryClient();
  return useCallback(
    (res: AppliedResult) => {
      const key = queryKeys.matrix.detail(matrixId);
      const pending = pendingCellsOf(matrixId);
      for (const c of res.cells) pending.acknowledge(cellKey(c.responsibilityId, c.personId), c.letters, c.version);
      qc.setQueryData<MatrixModel>(key, (m) =>
        m
          ? patchCells(
              m,
              res.cells
                .filter((c) => (m.cells.get(cellKey(c.responsibilityId, c.personId))?.version ?? 0) < c.version)
                .map((c) => ({
                  rowId: c.responsibilityId,
                  personId: c.personId,
                  letters: c.letters,
                  version: c.version,
                })),
            )
          : m,
      );
      if (res.entities.some((e) => e !== "cell")) void qc.invalidateQueries({ queryKey: key, exact: true });
      void qc.invalidateQueries({ queryKey: queryKeys.matrix.history(matrixId) });
    },
    [qc, matrixId],
  );
}

/** What Undo/Redo would do, from the server; refetched whenever the matrix changes (`lastChangeId`). */
export function useUndoState(matrixId: string, lastChangeId: number, enabled: boolean): UndoStateDto {
  const qc = useQueryClient();
  const key = useMemo(() => queryKeys.matrix.undo(matrixId), [matrixId]);
  const { data } = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => historyApi.undoState(matrixId, signal),
    enabled,
    staleTime: Infinity,
  });
  useEffect(() => {
    if (enabled) void qc.invalidateQueries({ queryKey: key, exact: true });
  }, [qc, key, lastChangeId, enabled]);
  return data ?? NOTHING;
}

/**
 * Server-side undo/redo of MY steps on this matrix (POST …/undo, …/redo): survives
 * reloads and refuses to overwrite someone else's later change (the server's 409
 * message becomes a toast). Steps go through the cell-write lane, so Ctrl+Z right after
 * typing undoes that edit, after it has been stored.
 */
export function useServerUndo({ matrixId, canEdit }: { matrixId: string; canEdit: boolean }) {
  const qc = useQueryClient();
  const toast = useToast();
  const serial = useSerialWrites(matrixId, "cells");
  const applyResult = useApplyResult(matrixId);
  const undoKey = useMemo(() => queryKeys.matrix.undo(matrixId), [matrixId]);

  const step = useCallback(
    (direction: "undo" | "redo") => {
      if (!canEdit) return;
      void serial(() => (direction === "undo" ? historyApi.undo(matrixId) : historyApi.redo(matrixId))).then(
        (res) => {
          const label = qc.getQueryData<UndoStateDto>(undoKey)?.[direction === "undo" ? "undoLabel" : "redoLabel"];
          applyResult(res);
          qc.setQueryData(undoKey, res.state);
          const done = direction === "undo" ? "Undone" : "Redone";
          const what = label?.replace(/^(Undo|Redo): /, "");
          toast.show(what && what !== "my last edit" ? `${done}: ${what}` : `${done}.`, { id: "undo-step" });
        },
        (e: unknown) => {
          toast.show(errorMessage(e), { tone: "error", id: "undo-step" });
          void qc.invalidateQueries({ queryKey: undoKey, exact: true });
        },
      );
    },
    [canEdit, serial, matrixId, qc, undoKey, applyResult, toast],
  );

  /** After my own edit: Undo is available at once, Redo is gone (the server agrees once it has stored it). */
  const noteEdit = useCallback(() => {
    qc.setQueryData<UndoStateDto>(undoKey, {
      canUndo: true,
      canRedo: false,
      undoLabel: "Undo: my last edit",
      redoLabel: null,
    });
  }, [qc, undoKey]);

  const undo = useCallback(() => step("undo"), [step]);
  const redo = useCallback(() => step("redo"), [step]);
  return { undo, redo, noteEdit };
}
