"use client";
import { useEffect } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query/keys";

/**
 * Refetches the history queries on screen (activity feed, an open cell history,
 * snapshots) whenever the matrix moves on: `lastChangeId` follows every change, ours and
 * everybody else's, through the live stream. Inactive queries are only marked stale.
 */
export function useHistoryRefresh(matrixId: string, lastChangeId: number) {
  const qc = useQueryClient();
  useEffect(() => {
    void qc.invalidateQueries({ queryKey: queryKeys.matrix.history(matrixId) });
  }, [qc, matrixId, lastChangeId]);
}
