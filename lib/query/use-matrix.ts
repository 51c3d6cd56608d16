"use client";
import { useQuery } from "@tanstack/react-query";
import { decodeMatrix, type MatrixDto, type MatrixModel } from "@/lib/matrix/dto";
import { api } from "./api-client";
import { queryKeys } from "./keys";
import { pendingCellsOf } from "./pending-cells";

/** Fetches and decodes a matrix, keeping the letters of our writes still in flight. */
export async function fetchMatrixModel(matrixId: string, signal?: AbortSignal): Promise<MatrixModel> {
  const dto = await api.getMatrix(matrixId, signal);
  return pendingCellsOf(matrixId).overlay(decodeMatrix(dto));
}

/**
 * The matrix as the client holds it. With `initial` (the DTO the server page fetched)
 * the cache starts filled, so the first paint makes no request.
 */
export function useMatrix(matrixId: string, initial?: MatrixDto) {
  return useQuery({
    queryKey: queryKeys.matrix.detail(matrixId),
    queryFn: ({ signal }) => fetchMatrixModel(matrixId, signal),
    // Decoding 200 × 40 is cheap, but it is needed once, not on every render.
    // The page fetched it during this request, so it counts as fresh from now on (not
    // from its `updatedAt`, which would make an old matrix refetch on mount).
    initialData: initial ? () => decodeMatrix(initial) : undefined,
  });
}
