"use client";
import { useMemo } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { formatWhen, toFeedItems, type HistoryLabels } from "@/lib/matrix/history";
import { errorMessage } from "@/lib/query/api-client";
import { historyApi } from "@/lib/query/history-api";
import { queryKeys } from "@/lib/query/keys";

/**
 * Recent changes of the matrix in words, newest first, one line per user action (a
 * batch, a fix, an undo), with details for several changes; older pages on demand.
 * Refetched when the matrix changes (useHistoryRefresh).
 */
export function ActivityFeed({ matrixId }: { matrixId: string }) {
  const query = useInfiniteQuery({
    queryKey: [...queryKeys.matrix.history(matrixId), "feed"],
    queryFn: ({ pageParam, signal }) => historyApi.history(matrixId, pageParam, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const items = useMemo(() => {
    const pages = query.data?.pages ?? [];
    const labels: HistoryLabels = { rows: {}, people: {}, columns: {} };
    for (const p of pages) {
      Object.assign(labels.rows, p.labels.rows);
      Object.assign(labels.people, p.labels.people);
      Object.assign(labels.columns, p.labels.columns);
    }
    return toFeedItems(
      pages.flatMap((p) => p.entries),
      labels,
    );
  }, [query.data]);

  if (query.error) {
    return (
      <p role="alert" className="px-4 py-3 text-sm text-red-700 dark:text-red-400">
        {errorMessage(query.error)}
      </p>
    );
  }
  if (query.isPending) return <p className="px-4 py-3 text-sm text-slate-600 dark:text-slate-400">Loading…</p>;
  if (items.length === 0) {
    return <p className="px-4 py-3 text-sm text-slate-600 dark:text-slate-400">No changes recorded yet.</p>;
  }
  return (
    <div className="min-h-0 flex-1 overflow-y-auto px-4 py-3">
      <ol aria-label="Recent changes" className="space-y-3">
        {items.map((item) => (
          <li key={item.groupId} className="text-sm">
            <p className="text-slate-900 dark:text-slate-100">{item.headline}</p>
            {item.details.length ? (
              <ul className="mt-1 list-disc space-y-0.5 pl-5 text-xs text-slate-700 dark:text-slate-300">
                {item.details.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
                {item.moreDetails ? <li>and {item.moreDetails} more</li> : null}
              </ul>
            ) : null}
            <time dateTime={item.createdAt} className="text-xs text-slate-600 dark:text-slate-400">
              {formatWhen(item.createdAt)}
            </time>
          </li>
        ))}
      </ol>
      {query.hasNextPage ? (
        <Button
          variant="secondary"
          size="sm"
          className="mt-3 w-full"
          disabled={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {query.isFetchingNextPage ? "Loading…" : "Show older changes"}
        </Button>
      ) : null}
    </div>
  );
}
