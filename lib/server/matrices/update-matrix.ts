import "server-only";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { requireMatrixAccess } from "@/lib/server/matrices/require-matrix-access";
import { recordChanges } from "@/lib/server/matrices/record-change";
import { publishMatrixChange } from "@/lib/server/realtime/publish";
import { readSettings } from "@/lib/raci/settings";
import type { UpdateMatrixInput } from "@/lib/schemas/matrix";
import type { CurrentUser } from "@/lib/server/session";

const select = { id: true, name: true, description: true, settings: true, version: true } as const;

function reshape(m: { id: string; name: string; description: string; settings: string; version: number }) {
  return { ...m, settings: readSettings(m.settings).settings };
}

/** Renames, describes or re-configures a matrix, refusing a stale version. */
export async function updateMatrix(user: CurrentUser, matrixId: string, input: UpdateMatrixInput) {
  await requireMatrixAccess(user.id, matrixId, "matrix:edit");
  const before = await db.matrix.findUniqueOrThrow({ where: { id: matrixId }, select });
  if (before.version !== input.version) {
    throw new AppError("CONFLICT", "Someone changed this matrix meanwhile.", { details: { matrix: reshape(before) } });
  }
  let changeId = 0;
  const updated = await db.$transaction(async (tx) => {
    const { count } = await tx.matrix.updateMany({
      where: { id: matrixId, version: input.version },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.settings !== undefined ? { settings: JSON.stringify(input.settings) } : {}),
        version: { increment: 1 },
      },
    });
    if (count !== 1)
      throw new AppError("CONFLICT", "Someone changed this matrix meanwhile.", {
        details: { matrix: reshape(before) },
      });
    const after = await tx.matrix.findUniqueOrThrow({ where: { id: matrixId }, select });
    changeId = await recordChanges(tx, matrixId, user.id, [
      {
        entity: input.settings !== undefined ? "settings" : "matrix",
        entityId: matrixId,
        action: "update",
        before: {
          name: before.name,
          description: before.description,
          settings: readSettings(before.settings).settings,
        },
        after: { name: after.name, description: after.description, settings: readSettings(after.settings).settings },
      },
    ]);
    return reshape(after);
  });
  void publishMatrixChange(matrixId, changeId, user.id, [input.settings !== undefined ? "settings" : "matrix"]);
  return updated;
}

/** Deletes a matrix (kept in the database, hidden everywhere). */
export async function deleteMatrix(user: CurrentUser, matrixId: string) {
  await requireMatrixAccess(user.id, matrixId, "matrix:edit");
  const changeId = await db.$transaction(async (tx) => {
    await tx.matrix.update({ where: { id: matrixId }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    return recordChanges(tx, matrixId, user.id, [{ entity: "matrix", entityId: matrixId, action: "delete" }]);
  });
  void publishMatrixChange(matrixId, changeId, user.id, ["matrix"]);
}
