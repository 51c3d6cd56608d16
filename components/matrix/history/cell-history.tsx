"use client";
import { useId, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { formatWhen, lettersText, originTag } from "@/lib/matrix/history";
import { errorMessage } from "@/lib/query/api-client";
import { historyApi } from "@/lib/query/history-api";
import { queryKeys } from "@/lib/query/keys";

/**
 * The "History" section of the cell picker: who changed this cell, when, before → after.
 * Fetched only when opened; refetched with the rest of the history when the matrix
 * changes (useHistoryRefresh).
 */
export function CellHistory({ matrixId, rowId, personId }: { matrixId: string; rowId: string; personId: string }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const { data, error, isPending } = useQuery({
    queryKey: queryKeys.matrix.cellHistory(matrixId, rowId, personId),
    queryFn: ({ signal }) => historyApi.cellHistory(matrixId, rowId, personId, signal),
    enabled: open,
  });
  return (
    <div className="mt-2 border-t border-slate-200 pt-2 dark:border-slate-700">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
        className="flex w-full items-center justify-between rounded-md px-1 py-1 text-left text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        History
        <span aria-hidden="true" className="text-xs">
          {open ? "▲" : "▼"}
        </span>
      </button>
      {open ? (
        <div id={listId} className="mt-1 max-h-56 overflow-y-auto px-1">
          {error ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {errorMessage(error)}
            </p>
          ) : isPending ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">Loading…</p>
          ) : data.entries.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">No changes recorded for this cell.</p>
          ) : (
            <ol aria-label="Changes of this cell" className="space-y-1.5">
              {data.entries.map((e) => {
                const tag = originTag(e.origin);
                return (
                  <li key={e.id} className="text-sm">
                    <span className="font-medium text-slate-900 dark:text-slate-100">{e.actorName ?? "Someone"}</span>
                    <span className="text-slate-700 dark:text-slate-300">
                      {": "}
                      {lettersText(e.before)} → {lettersText(e.after)}
                    </span>
                    {tag ? <span className="text-slate-600 dark:text-slate-400"> ({tag})</span> : null}
                    <br />
                    <time dateTime={e.createdAt} className="text-xs text-slate-600 dark:text-slate-400">
                      {formatWhen(e.createdAt)}
                    </time>
                  </li>
                );
              })}
            </ol>
          )}
        </div>
      ) : null}
    </div>
  );
}
