"use client";
import { useCallback, useMemo, useState } from "react";
import dynamic from "next/dynamic";
import type { MatrixModel } from "@/lib/matrix/dto";
import { cellDiffIndex, contentOfModel, diffSnapshots } from "@/lib/matrix/snapshot-diff";
import type { CompareRequest } from "./snapshots-section";
import { CellHistory } from "./cell-history";
import { useHistoryRefresh } from "./use-history-refresh";

/** The panel's code loads only when someone opens it: the matrix page's first load stays as it was. */
export const LazyHistoryPanel = dynamic(() => import("./history-panel").then((m) => m.HistoryPanel), {
  ssr: false,
  loading: () => (
    <p className="rounded-xl border border-slate-200 p-4 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400">
      Loading history…
    </p>
  ),
});

/**
 * The matrix screen's history state: whether the panel is open, the comparison on
 * screen (recomputed against the live matrix when comparing with "now"), and the cell
 * history shown in the picker.
 */
export function useHistoryView(model: MatrixModel) {
  const matrixId = model.id;
  useHistoryRefresh(matrixId, model.lastChangeId);
  const [isOpen, setOpen] = useState(false);
  const [request, setRequest] = useState<CompareRequest | null>(null);

  const compare = useMemo(() => {
    if (!request) return null;
    const to = request.to?.content ?? contentOfModel(model);
    return {
      title: `${request.from.label} → ${request.to ? request.to.label : "now"}`,
      diff: diffSnapshots(request.from.content, to),
    };
  }, [request, model]);
  const cellDiffs = useMemo(() => cellDiffIndex(compare?.diff ?? null), [compare]);

  const renderCellHistory = useCallback(
    (rowId: string, personId: string) => <CellHistory matrixId={matrixId} rowId={rowId} personId={personId} />,
    [matrixId],
  );
  const toggle = useCallback(() => {
    setOpen((o) => {
      if (o) setRequest(null);
      return !o;
    });
  }, []);
  const close = useCallback(() => {
    setOpen(false);
    setRequest(null);
  }, []);

  return { isOpen, toggle, close, compare, setCompare: setRequest, cellDiffs, renderCellHistory };
}
