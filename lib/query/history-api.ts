/**
 * Typed calls of the history endpoints (docs/history.md): the activity feed, a cell's
 * history, undo/redo and snapshots.
 */
import type { CellHistoryDto, HistoryPageDto, UndoStateDto } from "@/lib/matrix/history";
import type { SnapshotContent, SnapshotKind } from "@/lib/matrix/snapshot";
import type { ChangeEntity } from "@/lib/matrix/live";
import { apiRequest } from "./api-client";

export interface SnapshotSummary {
  id: string;
  name: string;
  kind: SnapshotKind;
  createdAt: string;
  createdBy: string | null;
  lastChangeId: number;
}

export interface Snapshot extends SnapshotSummary {
  content: SnapshotContent;
}

/** What undo, redo and a restore wrote. */
export interface AppliedResult {
  changeId: number;
  cells: { responsibilityId: string; personId: string; letters: string; version: number }[];
  entities: ChangeEntity[];
}

export interface UndoResult extends AppliedResult {
  state: UndoStateDto;
}

const enc = encodeURIComponent;
const m = (matrixId: string) => `/matrices/${enc(matrixId)}`;

export const historyApi = {
  history: (matrixId: string, before?: number, signal?: AbortSignal) =>
    apiRequest<HistoryPageDto>(
      "GET",
      `${m(matrixId)}/history?limit=50${before !== undefined ? `&before=${before}` : ""}`,
      undefined,
      signal,
    ),
  cellHistory: (matrixId: string, rowId: string, personId: string, signal?: AbortSignal) =>
    apiRequest<CellHistoryDto>(
      "GET",
      `${m(matrixId)}/cells/history?rowId=${enc(rowId)}&personId=${enc(personId)}`,
      undefined,
      signal,
    ),
  undoState: (matrixId: string, signal?: AbortSignal) =>
    apiRequest<UndoStateDto>("GET", `${m(matrixId)}/undo`, undefined, signal),
  undo: (matrixId: string) => apiRequest<UndoResult>("POST", `${m(matrixId)}/undo`, {}),
  redo: (matrixId: string) => apiRequest<UndoResult>("POST", `${m(matrixId)}/redo`, {}),
  snapshots: (matrixId: string, signal?: AbortSignal) =>
    apiRequest<{ snapshots: SnapshotSummary[] }>("GET", `${m(matrixId)}/snapshots`, undefined, signal),
  snapshot: (matrixId: string, snapshotId: string, signal?: AbortSignal) =>
    apiRequest<{ snapshot: Snapshot }>("GET", `${m(matrixId)}/snapshots/${enc(snapshotId)}`, undefined, signal),
  createSnapshot: (matrixId: string, name: string) =>
    apiRequest<{ snapshot: SnapshotSummary }>("POST", `${m(matrixId)}/snapshots`, { name }),
  deleteSnapshot: (matrixId: string, snapshotId: string) =>
    apiRequest<{ ok: true }>("DELETE", `${m(matrixId)}/snapshots/${enc(snapshotId)}`),
  restoreSnapshot: (matrixId: string, snapshotId: string) =>
    apiRequest<AppliedResult & { beforeSnapshotId: string }>(
      "POST",
      `${m(matrixId)}/snapshots/${enc(snapshotId)}/restore`,
      {},
    ),
} as const;
