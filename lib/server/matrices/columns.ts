import "server-only";
import { db } from "@/lib/server/db";
import { AppError, notFound } from "@/lib/server/errors";
import { requireMatrixAccess } from "@/lib/server/matrices/require-matrix-access";
import { recordChanges, type Tx } from "@/lib/server/matrices/record-change";
import { publishMatrixChange } from "@/lib/server/realtime/publish";
import { createPersonIn } from "@/lib/server/people/people";
import { personSelect, reshapePerson } from "@/lib/server/people/person-dto";
import { placeAfter } from "@/lib/matrix/positions";
import type { AddColumnInput, MoveColumnInput } from "@/lib/schemas/matrix";
import type { ColumnDto } from "@/lib/matrix/dto";
import type { CurrentUser } from "@/lib/server/session";

const columnSelect = { id: true, version: true, deletedAt: true, person: { select: personSelect } } as const;

function reshapeColumn(c: { id: string; version: number; person: Parameters<typeof reshapePerson>[0] }): ColumnDto {
  const p = reshapePerson(c.person);
  return {
    id: c.id,
    personId: p.id,
    name: p.name,
    roleTitle: p.roleTitle,
    roleKinds: p.roleKinds,
    kindsManual: p.kindsManual,
    isVacant: p.isVacant,
    codingShare: p.codingShare,
    userId: p.userId,
    version: c.version,
    personVersion: p.version,
  };
}

export async function columnPosition(tx: Tx, matrixId: string, afterId: string | null | undefined, excludeId?: string) {
  const ordered = await tx.matrixColumn.findMany({
    where: { matrixId, deletedAt: null, ...(excludeId ? { id: { not: excludeId } } : {}) },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, position: true },
  });
  return placeAfter(ordered, afterId, (id, position) => tx.matrixColumn.update({ where: { id }, data: { position } }));
}

/**
 * Adds a person of the team (or a new person/role) as a column. A person removed from
 * this matrix earlier comes back with their old cells.
 */
export async function addColumn(user: CurrentUser, matrixId: string, input: AddColumnInput): Promise<ColumnDto> {
  const { matrix } = await requireMatrixAccess(user.id, matrixId, "matrix:edit");
  let changeId = 0;
  const added = await db.$transaction(async (tx) => {
    let personId = input.personId;
    if (personId) {
      const person = await tx.person.findFirst({
        where: { id: personId, teamId: matrix.teamId, deletedAt: null },
        select: { id: true },
      });
      if (!person) throw notFound("That person");
    } else if (input.person) {
      personId = (await createPersonIn(tx, matrix.teamId, input.person)).id;
    }
    if (!personId) throw new AppError("INVALID_INPUT", "Give either personId or person.");
    const position = await columnPosition(tx, matrixId, input.afterId === undefined ? undefined : input.afterId);
    const existing = await tx.matrixColumn.findUnique({
      where: { matrixId_personId: { matrixId, personId } },
      select: { id: true, deletedAt: true },
    });
    if (existing && !existing.deletedAt) {
      throw new AppError("ALREADY_EXISTS", "This person is already a column of the matrix.", {
        fields: { personId: "Already in the matrix." },
      });
    }
    const column = existing
      ? await tx.matrixColumn.update({
          where: { id: existing.id },
          data: { deletedAt: null, position, version: { increment: 1 } },
          select: columnSelect,
        })
      : await tx.matrixColumn.create({ data: { matrixId, personId, position }, select: columnSelect });
    const dto = reshapeColumn(column);
    changeId = await recordChanges(tx, matrixId, user.id, [
      { entity: "column", entityId: column.id, action: "create", after: { personId, name: dto.name } },
    ]);
    return dto;
  });
  void publishMatrixChange(matrixId, changeId, user.id, ["column"]);
  return added;
}

/** The live column just left of `columnId` (null: it is the first): recorded by moves for undo. */
export async function columnLeftOf(tx: Tx, matrixId: string, columnId: string): Promise<string | null> {
  const ordered = await tx.matrixColumn.findMany({
    where: { matrixId, deletedAt: null },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  const at = ordered.findIndex((c) => c.id === columnId);
  return at > 0 ? ordered[at - 1]!.id : null;
}

async function findColumn(matrixId: string, columnId: string, includeDeleted = false) {
  const column = await db.matrixColumn.findFirst({
    where: { id: columnId, matrixId, ...(includeDeleted ? {} : { deletedAt: null }) },
    select: columnSelect,
  });
  if (!column) throw notFound("That column");
  return column;
}

export async function moveColumn(
  user: CurrentUser,
  matrixId: string,
  columnId: string,
  input: MoveColumnInput,
): Promise<ColumnDto> {
  await requireMatrixAccess(user.id, matrixId, "matrix:edit");
  const before = await findColumn(matrixId, columnId);
  const stale = () =>
    new AppError("CONFLICT", "Someone moved this column meanwhile.", { details: { column: reshapeColumn(before) } });
  if (before.version !== input.version) throw stale();
  let changeId = 0;
  const moved = await db.$transaction(async (tx) => {
    const leftBefore = await columnLeftOf(tx, matrixId, columnId);
    const position = await columnPosition(tx, matrixId, input.afterId, columnId);
    const { count } = await tx.matrixColumn.updateMany({
      where: { id: columnId, version: input.version, deletedAt: null },
      data: { position, version: { increment: 1 } },
    });
    if (count !== 1) throw stale();
    changeId = await recordChanges(tx, matrixId, user.id, [
      {
        entity: "column",
        entityId: columnId,
        action: "move",
        before: { personId: before.person.id, name: before.person.name, afterId: leftBefore },
        after: { personId: before.person.id, name: before.person.name, afterId: input.afterId },
      },
    ]);
    return reshapeColumn(await tx.matrixColumn.findUniqueOrThrow({ where: { id: columnId }, select: columnSelect }));
  });
  void publishMatrixChange(matrixId, changeId, user.id, ["column"]);
  return moved;
}

export async function removeColumn(user: CurrentUser, matrixId: string, columnId: string): Promise<void> {
  await requireMatrixAccess(user.id, matrixId, "matrix:edit");
  const column = await findColumn(matrixId, columnId);
  const changeId = await db.$transaction(async (tx) => {
    await tx.matrixColumn.update({
      where: { id: columnId },
      data: { deletedAt: new Date(), version: { increment: 1 } },
    });
    return recordChanges(tx, matrixId, user.id, [
      {
        entity: "column",
        entityId: columnId,
        action: "delete",
        before: { personId: column.person.id, name: column.person.name },
      },
    ]);
  });
  void publishMatrixChange(matrixId, changeId, user.id, ["column"]);
}

export async function restoreColumn(user: CurrentUser, matrixId: string, columnId: string): Promise<ColumnDto> {
  await requireMatrixAccess(user.id, matrixId, "matrix:edit");
  const column = await findColumn(matrixId, columnId, true);
  if (!column.deletedAt) return reshapeColumn(column);
  let changeId = 0;
  const restoredColumn = await db.$transaction(async (tx) => {
    const restored = await tx.matrixColumn.update({
      where: { id: columnId },
      data: { deletedAt: null, version: { increment: 1 } },
      select: columnSelect,
    });
    changeId = await recordChanges(tx, matrixId, user.id, [
      {
        entity: "column",
        entityId: columnId,
        action: "restore",
        after: { personId: restored.person.id, name: restored.person.name },
      },
    ]);
    return reshapeColumn(restored);
  });
  void publishMatrixChange(matrixId, changeId, user.id, ["column"]);
  return restoredColumn;
}
