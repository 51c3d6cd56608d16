"use client";
import { useId, useState } from "react";
import dynamic from "next/dynamic";

// The list (its query, the history wording) loads when someone points at or focuses the
// button, or at the latest when the section opens.
const loadList = () => import("./cell-history-list");
const CellHistoryList = dynamic(() => import("./cell-history-list").then((m) => m.CellHistoryList), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-600 dark:text-slate-400">Loading…</p>,
});

/**
 * The "History" section of the cell picker: who changed this cell, when, before → after.
 * Fetched only when opened; refetched with the rest of the history when the matrix
 * changes (useHistoryRefresh).
 */
export function CellHistory({ matrixId, rowId, personId }: { matrixId: string; rowId: string; personId: string }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const preload = () => void loadList();
  return (
    <div className="mt-2 border-t border-slate-200 pt-2 dark:border-slate-700">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
        onPointerEnter={preload}
        onFocus={preload}
        className="flex w-full items-center justify-between rounded-md px-1 py-1 text-left text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        History
        <span aria-hidden="true" className="text-xs">
          {open ? "▲" : "▼"}
        </span>
      </button>
      {open ? (
        <div id={listId} className="mt-1 max-h-56 overflow-y-auto px-1">
          <CellHistoryList matrixId={matrixId} rowId={rowId} personId={personId} />
        </div>
      ) : null}
    </div>
  );
}
