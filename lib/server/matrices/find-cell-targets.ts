import "server-only";
import { Prisma } from "@/prisma/generated/sqlite/client";
import { db } from "@/lib/server/db";
import { chunks } from "@/lib/server/matrices/find-cells";
import { cellKey } from "@/lib/matrix/dto";

type Target = { responsibilityId: string; personId: string };

interface TargetRow {
  rowId: string;
  personId: string;
  letters: string | null;
  version: number | bigint | null;
}

export interface CellTargets {
  /** True when every target's row and column exist in the matrix and are not deleted. */
  allLive: boolean;
  /** The stored cells among the targets, by cellKey (a target without one has never been written). */
  cells: Map<string, { letters: string; version: number }>;
}

/**
 * What a cell write must know before it writes, in one statement per chunk of rows
 * (one for any ordinary edit; it was three: rows, columns, cells): the live rows × live
 * columns among the targets, each with its stored cell if any. A target whose row or
 * column is missing or deleted has no line. Plain SQL that SQLite and PostgreSQL both
 * run as written (quoted identifiers), like requireMatrixAccess.
 */
export async function findCellTargets(matrixId: string, targets: Target[]): Promise<CellTargets> {
  const personIds = [...new Set(targets.map((t) => t.personId))];
  const rowIds = [...new Set(targets.map((t) => t.responsibilityId))];
  const found = await Promise.all(
    chunks(rowIds).flatMap((rows) =>
      chunks(personIds).map(
        (people) => db.$queryRaw<TargetRow[]>`
          SELECT r."id" AS "rowId", mc."personId" AS "personId", c."letters" AS "letters", c."version" AS "version"
          FROM "Responsibility" r
          JOIN "MatrixColumn" mc ON mc."matrixId" = r."matrixId" AND mc."deletedAt" IS NULL
            AND mc."personId" IN (${Prisma.join(people)})
          LEFT JOIN "Cell" c ON c."responsibilityId" = r."id" AND c."personId" = mc."personId"
          WHERE r."matrixId" = ${matrixId} AND r."deletedAt" IS NULL AND r."id" IN (${Prisma.join(rows)})`,
      ),
    ),
  );
  const live = new Set<string>();
  const cells = new Map<string, { letters: string; version: number }>();
  for (const line of found.flat()) {
    const k = cellKey(line.rowId, line.personId);
    live.add(k);
    if (line.version !== null) cells.set(k, { letters: line.letters ?? "", version: Number(line.version) });
  }
  return { allLive: targets.every((t) => live.has(cellKey(t.responsibilityId, t.personId))), cells };
}
