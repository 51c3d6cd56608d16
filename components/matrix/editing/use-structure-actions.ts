"use client";
import { useCallback } from "react";
import { useQueryClient } from "@tanstack/react-query";
import type { MatrixModel } from "@/lib/matrix/dto";
import { categoryKey } from "@/lib/raci/view";
import { errorMessage } from "@/lib/query/api-client";
import { queryKeys } from "@/lib/query/keys";
import { afterIdForBefore } from "@/lib/query/model-patches";
import { useStructureMutations } from "@/lib/query/use-structure-mutations";
import { useToast } from "@/components/ui/toast";
import { groupNeighbour, type GridItem } from "../grid/grid-items";
import type { ColumnAction, RowAction } from "../grid/matrix-grid";

/**
 * Row and column operations of the grid with their feedback: moves inside a category
 * group, deletes with an "Undo" toast (restore), failures as error toasts. Dialog
 * actions ("edit", "insert-below") are handed back to the screen through `openDialog`.
 */
export function useStructureActions({
  matrixId,
  items,
  visibleColumns,
  openRowDialog,
  openPersonDialog,
}: {
  matrixId: string;
  items: readonly GridItem[];
  visibleColumns: readonly { id: string }[];
  openRowDialog: (target: { rowId: string | null; afterId?: string | null }) => void;
  openPersonDialog: (columnId: string) => void;
}) {
  const qc = useQueryClient();
  const toast = useToast();
  const structure = useStructureMutations(matrixId);
  const model = useCallback(() => qc.getQueryData<MatrixModel>(queryKeys.matrix.detail(matrixId)), [qc, matrixId]);
  const fail = useCallback((e: unknown) => toast.show(errorMessage(e), { tone: "error" }), [toast]);

  const onRowAction = useCallback(
    (a: RowAction) => {
      const m = model();
      if (!m) return;
      const row = m.rows.find((r) => r.id === a.rowId);
      if (!row) return;
      switch (a.type) {
        case "edit":
          return openRowDialog({ rowId: a.rowId });
        case "insert-below":
          return openRowDialog({ rowId: null, afterId: a.rowId });
        case "move-up":
        case "move-down": {
          const neighbour = groupNeighbour(items, a.rowId, a.type === "move-up" ? -1 : 1);
          if (!neighbour) {
            toast.show(`“${row.title}” is already at the ${a.type === "move-up" ? "top" : "bottom"} of its category.`, {
              id: "row-move-edge",
            });
            return;
          }
          const afterId = a.type === "move-up" ? afterIdForBefore(m.rows, a.rowId, neighbour.id) : neighbour.id;
          structure.moveRow(a.rowId, afterId).catch(fail);
          return;
        }
        case "delete":
          structure
            .deleteRow(a.rowId)
            .then((removed) => {
              if (!removed) return;
              toast.show(`Deleted “${removed.item.title}”.`, {
                action: { label: "Undo", onAction: () => void structure.restoreRow(removed).catch(fail) },
              });
            })
            .catch(fail);
          return;
      }
    },
    [model, items, openRowDialog, structure, toast, fail],
  );

  const onColumnAction = useCallback(
    (a: ColumnAction) => {
      const m = model();
      if (!m) return;
      const column = m.columns.find((c) => c.id === a.columnId);
      if (!column) return;
      switch (a.type) {
        case "edit":
          return openPersonDialog(a.columnId);
        case "move-left":
        case "move-right": {
          // Moves are relative to the visible neighbour, so hidden columns never make a move look like nothing happened.
          const at = visibleColumns.findIndex((c) => c.id === a.columnId);
          const neighbour = visibleColumns[at + (a.type === "move-left" ? -1 : 1)];
          if (at < 0 || !neighbour) return;
          const afterId = a.type === "move-left" ? afterIdForBefore(m.columns, a.columnId, neighbour.id) : neighbour.id;
          structure.moveColumn(a.columnId, afterId).catch(fail);
          return;
        }
        case "remove":
          structure
            .deleteColumn(a.columnId)
            .then((removed) => {
              if (!removed) return;
              toast.show(`Removed ${removed.item.name} from this matrix.`, {
                action: { label: "Undo", onAction: () => void structure.restoreColumn(removed).catch(fail) },
              });
            })
            .catch(fail);
          return;
      }
    },
    [model, visibleColumns, openPersonDialog, structure, toast, fail],
  );

  const onRenameRow = useCallback(
    (rowId: string, title: string) => {
      const row = model()?.rows.find((r) => r.id === rowId);
      if (!row || row.title === title) return;
      structure.updateRow(rowId, { title }).catch(fail);
    },
    [model, structure, fail],
  );

  const onDropRow = useCallback(
    (rowId: string, targetId: string, edge: "before" | "after") => {
      const m = model();
      const row = m?.rows.find((r) => r.id === rowId);
      const target = m?.rows.find((r) => r.id === targetId);
      if (!m || !row || !target) return;
      const afterId = edge === "after" ? targetId : afterIdForBefore(m.rows, rowId, targetId);
      // Dropped into another category group: it joins that category.
      const fields = categoryKey(row.category) === categoryKey(target.category) ? {} : { category: target.category };
      structure.moveRow(rowId, afterId, fields).catch(fail);
    },
    [model, structure, fail],
  );

  return { structure, onRowAction, onColumnAction, onRenameRow, onDropRow };
}
