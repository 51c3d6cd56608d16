import "server-only";
import { db } from "@/lib/server/db";
import { AppError, notFound } from "@/lib/server/errors";
import { requireMatrixAccess } from "@/lib/server/matrices/require-matrix-access";
import { recordChanges, type Tx } from "@/lib/server/matrices/record-change";
import { publishMatrixChange } from "@/lib/server/realtime/publish";
import { reshapeRow, rowSelect } from "@/lib/server/matrices/reshape";
import { placeAfter } from "@/lib/matrix/positions";
import type { CreateRowInput, UpdateRowInput } from "@/lib/schemas/matrix";
import type { RowDto } from "@/lib/matrix/dto";
import type { CurrentUser } from "@/lib/server/session";

/** The position for a row placed after `afterId`, renumbering the matrix's rows when the gap is used up. */
export async function rowPosition(
  tx: Tx,
  matrixId: string,
  afterId: string | null | undefined,
  excludeId?: string,
): Promise<number> {
  const ordered = await tx.responsibility.findMany({
    where: { matrixId, deletedAt: null, ...(excludeId ? { id: { not: excludeId } } : {}) },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, position: true },
  });
  return placeAfter(ordered, afterId, (id, position) =>
    tx.responsibility.update({ where: { id }, data: { position } }),
  );
}

export async function createRow(user: CurrentUser, matrixId: string, input: CreateRowInput): Promise<RowDto> {
  await requireMatrixAccess(user.id, matrixId, "matrix:edit");
  let changeId = 0;
  const created = await db.$transaction(async (tx) => {
    const position = await rowPosition(tx, matrixId, input.afterId === undefined ? undefined : input.afterId);
    const row = await tx.responsibility.create({
      data: {
        matrixId,
        title: input.title,
        description: input.description ?? "",
        category: input.category ?? "",
        domain: input.domain ?? null,
        position,
      },
      select: rowSelect,
    });
    changeId = await recordChanges(tx, matrixId, user.id, [
      { entity: "row", entityId: row.id, action: "create", after: row },
    ]);
    return reshapeRow(row);
  });
  void publishMatrixChange(matrixId, changeId, user.id, ["row"]);
  return created;
}

/** The live row just above `rowId` (null: it is the first): what a move records, so undo can put it back. */
export async function rowAbove(tx: Tx, matrixId: string, rowId: string): Promise<string | null> {
  const ordered = await tx.responsibility.findMany({
    where: { matrixId, deletedAt: null },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  const at = ordered.findIndex((r) => r.id === rowId);
  return at > 0 ? ordered[at - 1]!.id : null;
}

async function findRow(matrixId: string, rowId: string, includeDeleted = false) {
  const row = await db.responsibility.findFirst({
    where: { id: rowId, matrixId, ...(includeDeleted ? {} : { deletedAt: null }) },
    select: { ...rowSelect, deletedAt: true },
  });
  if (!row) throw notFound("That row");
  return row;
}

/** Edits and/or moves a row, refusing a stale version (409 with the current row). */
export async function updateRow(
  user: CurrentUser,
  matrixId: string,
  rowId: string,
  input: UpdateRowInput,
): Promise<RowDto> {
  await requireMatrixAccess(user.id, matrixId, "matrix:edit");
  const before = await findRow(matrixId, rowId);
  const stale = () =>
    new AppError("CONFLICT", "Someone changed this row meanwhile.", { details: { row: reshapeRow(before) } });
  if (before.version !== input.version) throw stale();
  let changeId = 0;
  const updated = await db.$transaction(async (tx) => {
    const moving = input.afterId !== undefined;
    const aboveBefore = moving ? await rowAbove(tx, matrixId, rowId) : undefined;
    const position = moving ? await rowPosition(tx, matrixId, input.afterId, rowId) : undefined;
    const { count } = await tx.responsibility.updateMany({
      where: { id: rowId, version: input.version, deletedAt: null },
      data: {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.category !== undefined ? { category: input.category } : {}),
        ...(input.domain !== undefined ? { domain: input.domain } : {}),
        ...(position !== undefined ? { position } : {}),
        version: { increment: 1 },
      },
    });
    if (count !== 1) throw stale();
    const after = await tx.responsibility.findUniqueOrThrow({ where: { id: rowId }, select: rowSelect });
    const { deletedAt: _deleted, ...beforeRow } = before;
    changeId = await recordChanges(tx, matrixId, user.id, [
      {
        entity: "row",
        entityId: rowId,
        action: moving ? "move" : "update",
        // A move records the row above it before and after: undo puts it back there.
        before: moving ? { ...beforeRow, afterId: aboveBefore } : beforeRow,
        after: moving ? { ...after, afterId: input.afterId } : after,
      },
    ]);
    return reshapeRow(after);
  });
  void publishMatrixChange(matrixId, changeId, user.id, ["row"]);
  return updated;
}

/** Deletes a row; it stays restorable (undo), with its cells. */
export async function deleteRow(user: CurrentUser, matrixId: string, rowId: string): Promise<void> {
  await requireMatrixAccess(user.id, matrixId, "matrix:edit");
  const { deletedAt: _deleted, ...before } = await findRow(matrixId, rowId);
  const changeId = await db.$transaction(async (tx) => {
    await tx.responsibility.update({
      where: { id: rowId },
      data: { deletedAt: new Date(), version: { increment: 1 } },
    });
    return recordChanges(tx, matrixId, user.id, [{ entity: "row", entityId: rowId, action: "delete", before }]);
  });
  void publishMatrixChange(matrixId, changeId, user.id, ["row"]);
}

export async function restoreRow(user: CurrentUser, matrixId: string, rowId: string): Promise<RowDto> {
  await requireMatrixAccess(user.id, matrixId, "matrix:edit");
  const row = await findRow(matrixId, rowId, true);
  if (!row.deletedAt) return reshapeRow(row);
  let changeId = 0;
  const restoredRow = await db.$transaction(async (tx) => {
    const restored = await tx.responsibility.update({
      where: { id: rowId },
      data: { deletedAt: null, version: { increment: 1 } },
      select: rowSelect,
    });
    changeId = await recordChanges(tx, matrixId, user.id, [
      { entity: "row", entityId: rowId, action: "restore", after: restored },
    ]);
    return reshapeRow(restored);
  });
  void publishMatrixChange(matrixId, changeId, user.id, ["row"]);
  return restoredRow;
}
