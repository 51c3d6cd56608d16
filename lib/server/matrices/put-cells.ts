import "server-only";
import { db } from "@/lib/server/db";
import { AppError, notFound } from "@/lib/server/errors";
import { isUniqueViolation } from "@/lib/server/prisma-errors";
import { requireMatrixAccess } from "@/lib/server/matrices/require-matrix-access";
import { recordChanges, type RecordOptions } from "@/lib/server/matrices/record-change";
import { publishMatrixChange } from "@/lib/server/realtime/publish";
import { formatLetters } from "@/lib/raci/letters";
import { findCells } from "@/lib/server/matrices/find-cells";
import { findCellTargets } from "@/lib/server/matrices/find-cell-targets";
import { cellKey } from "@/lib/matrix/dto";
import type { CellWrite } from "@/lib/schemas/matrix";
import type { CurrentUser } from "@/lib/server/session";

export interface CellResult {
  responsibilityId: string;
  personId: string;
  letters: string;
  version: number;
  updatedAt: string | null;
  updatedBy: { id: string; name: string } | null;
}

const key = (c: { responsibilityId: string; personId: string }) => cellKey(c.responsibilityId, c.personId);

/** The current state of some cells, with who last changed each (for a 409). */
async function currentCells(matrixId: string, writes: CellWrite[]): Promise<CellResult[]> {
  const rows = await findCells(matrixId, writes);
  const userIds = [...new Set(rows.map((r) => r.updatedById).filter((v): v is string => Boolean(v)))];
  const users = userIds.length
    ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })
    : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  const byKey = new Map(rows.map((r) => [key(r), r]));
  return writes.map((w) => {
    const r = byKey.get(key(w));
    return {
      responsibilityId: w.responsibilityId,
      personId: w.personId,
      letters: r?.letters ?? "",
      version: r?.version ?? 0,
      updatedAt: r?.updatedAt.toISOString() ?? null,
      updatedBy: r?.updatedById ? { id: r.updatedById, name: names.get(r.updatedById) ?? "someone" } : null,
    };
  });
}

function conflict(current: CellResult[]): AppError {
  const first = current[0];
  const who = first?.updatedBy?.name ?? "Someone";
  const what = first ? (first.letters ? formatLetters(first.letters) : "empty") : "";
  return new AppError(
    "CONFLICT",
    current.length === 1
      ? `${who} changed this cell meanwhile; it is now ${what}.`
      : `${current.length} of these cells were changed by someone else meanwhile.`,
    { details: { cells: current } },
  );
}

export interface PutCellsOptions extends RecordOptions {
  /** The permission the caller needs (default matrix:edit; workshops: workshop:run). */
  permission?: "matrix:edit" | "workshop:run";
}

/**
 * Writes one or more cells of a matrix, all or nothing, as one group of changes (one
 * undo step). Each write carries the version it was based on (0 for a cell never
 * written); if any is stale nothing is written and a CONFLICT carries the current value
 * of every stale cell and who set it.
 */
export async function putCells(
  user: CurrentUser,
  matrixId: string,
  writes: CellWrite[],
  options: PutCellsOptions = {},
): Promise<{ cells: CellResult[]; changeId: number }> {
  const { permission = "matrix:edit", ...record } = options;
  await requireMatrixAccess(user.id, matrixId, permission);

  // Last write wins within one request: the same cell twice is a client bug, not a merge.
  const unique = [...new Map(writes.map((w) => [key(w), w])).values()];
  const { allLive, cells: current } = await findCellTargets(matrixId, unique);
  if (!allLive) throw notFound("That cell");

  const stale = unique.filter((w) => (current.get(key(w))?.version ?? 0) !== w.version);
  if (stale.length) throw conflict(await currentCells(matrixId, stale));

  const now = new Date();
  try {
    const changeId = await db.$transaction(async (tx) => {
      for (const w of unique) {
        if (w.version === 0) {
          await tx.cell.create({
            data: {
              matrixId,
              responsibilityId: w.responsibilityId,
              personId: w.personId,
              letters: w.letters,
              version: 1,
              updatedById: user.id,
            },
          });
        } else {
          const { count } = await tx.cell.updateMany({
            where: { responsibilityId: w.responsibilityId, personId: w.personId, version: w.version },
            data: { letters: w.letters, version: w.version + 1, updatedById: user.id },
          });
          // Lost a race with a concurrent writer after the read above.
          if (count !== 1) throw new AppError("CONFLICT", "stale");
        }
      }
      return recordChanges(
        tx,
        matrixId,
        user.id,
        unique.map((w) => ({
          entity: "cell" as const,
          entityId: key(w),
          action: "update" as const,
          before: current.get(key(w))?.letters ?? "",
          after: w.letters,
        })),
        record,
      );
    });
    void publishMatrixChange(matrixId, changeId, user.id, ["cell"]);
    return {
      changeId,
      cells: unique.map((w) => ({
        responsibilityId: w.responsibilityId,
        personId: w.personId,
        letters: w.letters,
        version: w.version + 1,
        updatedAt: now.toISOString(),
        updatedBy: { id: user.id, name: user.name },
      })),
    };
  } catch (e) {
    if ((e instanceof AppError && e.code === "CONFLICT") || isUniqueViolation(e)) {
      const after = await currentCells(matrixId, unique);
      const lost = after.filter((c) => c.version !== unique.find((w) => key(w) === key(c))?.version);
      throw conflict(lost.length ? lost : after);
    }
    throw e;
  }
}
