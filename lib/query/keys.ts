/**
 * Every React Query key of the app, in one place, so that an invalidation can never miss
 * a query because of a typo. Keys are arrays from general to specific: invalidating
 * `queryKeys.matrix.all` reaches every matrix query.
 */
export const queryKeys = {
  teams: {
    all: ["teams"] as const,
    list: () => ["teams", "list"] as const,
    matrices: (teamId: string) => ["teams", teamId, "matrices"] as const,
    people: (teamId: string) => ["teams", teamId, "people"] as const,
  },
  templates: () => ["templates"] as const,
  matrix: {
    all: ["matrix"] as const,
    detail: (matrixId: string) => ["matrix", matrixId] as const,
    findings: (matrixId: string) => ["matrix", matrixId, "findings"] as const,
    history: (matrixId: string) => ["matrix", matrixId, "history"] as const,
    cellHistory: (matrixId: string, rowId: string, personId: string) =>
      ["matrix", matrixId, "history", "cell", rowId, personId] as const,
    undo: (matrixId: string) => ["matrix", matrixId, "undo"] as const,
    snapshots: (matrixId: string) => ["matrix", matrixId, "snapshots"] as const,
    snapshot: (matrixId: string, snapshotId: string) => ["matrix", matrixId, "snapshots", snapshotId] as const,
    workshops: (matrixId: string) => ["matrix", matrixId, "workshops"] as const,
  },
  workshop: {
    detail: (workshopId: string) => ["workshop", workshopId] as const,
    summary: (workshopId: string) => ["workshop", workshopId, "summary"] as const,
  },
} as const;

/** Mutation keys: `useIsMutating({ mutationKey })` shows a "Saving…" state per matrix. */
export const mutationKeys = {
  matrixWrites: (matrixId: string) => ["matrix-write", matrixId] as const,
} as const;
