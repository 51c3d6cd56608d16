"use client";
import { useQuery } from "@tanstack/react-query";
import { formatWhen, lettersText, originTag } from "@/lib/matrix/history";
import { errorMessage } from "@/lib/query/api-client";
import { historyApi } from "@/lib/query/history-api";
import { queryKeys } from "@/lib/query/keys";

/** The opened "History" section of the cell picker (loaded on demand by CellHistory). */
export function CellHistoryList({ matrixId, rowId, personId }: { matrixId: string; rowId: string; personId: string }) {
  const { data, error, isPending } = useQuery({
    queryKey: queryKeys.matrix.cellHistory(matrixId, rowId, personId),
    queryFn: ({ signal }) => historyApi.cellHistory(matrixId, rowId, personId, signal),
  });
  return error ? (
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
  );
}
