import "server-only";
import { db } from "@/lib/server/db";
import { requireMatrixAccess } from "@/lib/server/matrices/require-matrix-access";
import { publishMatrixChange } from "@/lib/server/realtime/publish";
import { applyPlanned, type AppliedChanges } from "@/lib/server/history/apply-planned";
import { createSnapshot } from "@/lib/server/snapshots/create-snapshot";
import { findSnapshot } from "@/lib/server/snapshots/snapshots";
import { readSettings } from "@/lib/raci/settings";
import { cellKey } from "@/lib/matrix/dto";
import { planRestore } from "@/lib/matrix/restore-plan";
import type { CurrentUser } from "@/lib/server/session";

export interface RestoreResult extends AppliedChanges {
  /** The snapshot of the matrix as it was just before the restore. */
  beforeSnapshotId: string;
}

/**
 * Brings the matrix back to a saved version as ONE new group of changes (origin
 * restore: one undo step, attributed, in the feed). A "before-restore" snapshot is
 * taken first. Nothing is hard-deleted: rows and columns added since are soft-deleted,
 * deleted ones of the snapshot come back, cells and settings are set, and the order is
 * the snapshot's again. matrix:edit.
 */
export async function restoreSnapshot(user: CurrentUser, matrixId: string, snapshotId: string): Promise<RestoreResult> {
  await requireMatrixAccess(user.id, matrixId, "matrix:edit");
  const snapshot = await findSnapshot(user.id, matrixId, snapshotId);
  const before = await createSnapshot({
    matrixId,
    name: `Before restoring “${snapshot.name}”`,
    kind: "before-restore",
    actorId: user.id,
  });
  const applied = await db.$transaction(
    async (tx) => {
      const [matrix, rows, columns, cells] = await Promise.all([
        tx.matrix.findUniqueOrThrow({
          where: { id: matrixId },
          select: { name: true, description: true, settings: true },
        }),
        tx.responsibility.findMany({
          where: { matrixId },
          select: {
            id: true,
            title: true,
            description: true,
            category: true,
            domain: true,
            deletedAt: true,
            position: true,
          },
        }),
        tx.matrixColumn.findMany({
          where: { matrixId },
          select: { id: true, personId: true, deletedAt: true, position: true },
        }),
        tx.cell.findMany({ where: { matrixId }, select: { responsibilityId: true, personId: true, letters: true } }),
      ]);
      const plan = planRestore(snapshot, {
        matrixId,
        name: matrix.name,
        description: matrix.description,
        settings: readSettings(matrix.settings).settings,
        rows: rows.map(({ deletedAt, ...r }) => ({ ...r, deleted: deletedAt !== null })),
        columns: columns.map(({ deletedAt, ...c }) => ({ ...c, deleted: deletedAt !== null })),
        cells: new Map(cells.map((c) => [cellKey(c.responsibilityId, c.personId), c.letters])),
      });
      return applyPlanned(tx, matrixId, user.id, plan, { origin: "restore" });
      // A large matrix writes thousands of cells: more than the default 5 s.
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  if (applied.changeId) void publishMatrixChange(matrixId, applied.changeId, user.id, applied.entities);
  return { ...applied, beforeSnapshotId: before.id };
}
