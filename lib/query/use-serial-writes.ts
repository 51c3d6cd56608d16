"use client";
import { useCallback, useMemo } from "react";
import { MutationObserver, useIsMutating, useQueryClient } from "@tanstack/react-query";
import { mutationKeys } from "./keys";

type Thunk = () => Promise<unknown>;

/**
 * Runs writes of one matrix one after another through TanStack Query (a mutation
 * scope), so each write reads the versions left by the previous one when its turn
 * comes. The observer is never subscribed: a key press must re-render the one cell it
 * changed, not the whole screen on every pending/success transition of a mutation
 * (`useMatrixSaving` is the opt-in subscription for a "Saving…" label).
 */
export function useSerialWrites(matrixId: string, lane: "cells" | "structure") {
  const qc = useQueryClient();
  const observer = useMemo(
    () =>
      new MutationObserver<unknown, unknown, Thunk>(qc, {
        mutationKey: mutationKeys.matrixWrites(matrixId),
        scope: { id: `${lane}:${matrixId}` },
        mutationFn: (run) => run(),
      }),
    [qc, matrixId, lane],
  );
  return useCallback(<T>(write: () => Promise<T>): Promise<T> => observer.mutate(write) as Promise<T>, [observer]);
}

/** True while a write of this matrix is queued or in flight. */
export function useMatrixSaving(matrixId: string): boolean {
  return useIsMutating({ mutationKey: mutationKeys.matrixWrites(matrixId) }) > 0;
}
