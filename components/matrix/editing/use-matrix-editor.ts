"use client";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { useQueryClient } from "@tanstack/react-query";
import type { MatrixModel } from "@/lib/matrix/dto";
import { errorMessage } from "@/lib/query/api-client";
import { queryKeys } from "@/lib/query/keys";
import { readCell } from "@/lib/query/model-patches";
import { useCellMutation, type CellChange } from "@/lib/query/use-cell-mutation";
import { useToast } from "@/components/ui/toast";
import { conflictMessage } from "./conflict-message";
import { useServerUndo } from "@/components/matrix/history/use-server-undo";

/** The API takes at most this many cells in one PUT (lib/schemas/matrix.ts). */
export const MAX_CELLS_PER_WRITE = 5000;

/**
 * Cell editing of the matrix screen: optimistic writes, my undo/redo (server-side), and
 * the toasts for conflicts ("Re-apply mine") and failures. Every user-facing edit goes
 * through `edit` as one write, so a key press, a picker click, a rectangle and a fix are
 * one group of changes — one undo step — each.
 */
export function useMatrixEditor({
  matrixId,
  currentUserId,
  canEdit,
}: {
  matrixId: string;
  currentUserId: string;
  canEdit: boolean;
}) {
  const qc = useQueryClient();
  const toast = useToast();
  const key = useMemo(() => queryKeys.matrix.detail(matrixId), [matrixId]);
  const model = useCallback(() => qc.getQueryData<MatrixModel>(key), [qc, key]);

  const names = useMemo(
    () => ({
      rowTitle: (rowId: string) => model()?.rows.find((r) => r.id === rowId)?.title ?? "A deleted row",
      columnName: (personId: string) =>
        model()?.columns.find((c) => c.personId === personId)?.name ?? "a removed person",
    }),
    [model],
  );
  const lettersOf = useCallback(
    (rowId: string, personId: string) => {
      const m = model();
      return m ? readCell(m, rowId, personId).letters : "";
    },
    [model],
  );

  // `edit` is needed by the conflict toast's action, which is created inside the mutation's handlers.
  const editRef = useRef<(changes: CellChange[]) => Promise<boolean>>(() => Promise.resolve(false));

  const { writeCells } = useCellMutation(matrixId, {
    onConflict: (failed, current) => {
      toast.show(conflictMessage(current, names, currentUserId), {
        tone: "error",
        action: {
          label: "Re-apply mine",
          onAction: () =>
            void editRef.current(failed.cells.map((c) => ({ rowId: c.rowId, personId: c.personId, letters: c.after }))),
        },
      });
    },
    onError: (_failed, error) => toast.show(errorMessage(error), { tone: "error" }),
  });

  // Undo/redo live on the server (history of MY steps on this matrix): they survive a
  // reload and never overwrite someone else's later change.
  const { undo, redo, noteEdit } = useServerUndo({ matrixId, canEdit });

  const edit = useCallback(
    (changes: CellChange[], origin?: "fix"): Promise<boolean> => {
      if (!canEdit) return Promise.resolve(false);
      if (changes.length > MAX_CELLS_PER_WRITE) {
        toast.show(`That is ${changes.length} cells; change at most ${MAX_CELLS_PER_WRITE} at once.`, {
          tone: "error",
        });
        return Promise.resolve(false);
      }
      const res = writeCells(changes, origin);
      if (!res) return Promise.resolve(false);
      noteEdit();
      return res.done;
    },
    [canEdit, writeCells, noteEdit, toast],
  );
  useEffect(() => {
    editRef.current = edit;
  }, [edit]);

  return {
    edit,
    undo,
    redo,
    lettersOf,
  };
}
