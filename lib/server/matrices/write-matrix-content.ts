import "server-only";
import { spacedPositions } from "@/lib/matrix/positions";
import type { Domain, Letters } from "@/lib/raci/types";
import type { Db } from "@/lib/server/db";

export interface ContentRow {
  title: string;
  description: string;
  category: string;
  domain: Domain | null;
  /** Letters per column, in the order of `personIds`; "" or missing = empty cell. */
  letters: readonly Letters[];
}

/**
 * Writes a new matrix's columns, rows and cells in three bulk statements, whatever the
 * size (templates and imports share it). Call it inside the transaction that created
 * the matrix.
 */
export async function writeMatrixContent(
  tx: Pick<Db, "matrixColumn" | "responsibility" | "cell">,
  input: { matrixId: string; actorId: string; personIds: readonly string[]; rows: readonly ContentRow[] },
): Promise<void> {
  const { matrixId, actorId, personIds, rows } = input;
  const colPositions = spacedPositions(personIds.length);
  if (personIds.length) {
    await tx.matrixColumn.createMany({
      data: personIds.map((personId, i) => ({ matrixId, personId, position: colPositions[i] ?? i })),
    });
  }
  if (!rows.length) return;
  const rowPositions = spacedPositions(rows.length);
  const created = await tx.responsibility.createManyAndReturn({
    data: rows.map((r, i) => ({
      matrixId,
      title: r.title,
      description: r.description,
      category: r.category,
      domain: r.domain,
      position: rowPositions[i] ?? i,
    })),
    select: { id: true, position: true },
  });
  // Positions are unique within the new matrix: they tie the returned ids to the rows
  // whatever order the database returns them in.
  const rowIdByPosition = new Map(created.map((r) => [r.position, r.id]));
  const cells: {
    matrixId: string;
    responsibilityId: string;
    personId: string;
    letters: string;
    updatedById: string;
  }[] = [];
  rows.forEach((row, r) => {
    const responsibilityId = rowIdByPosition.get(rowPositions[r] ?? r);
    if (!responsibilityId) throw new Error("A new row came back without an id.");
    row.letters.forEach((letters, c) => {
      const personId = personIds[c];
      if (letters && personId) cells.push({ matrixId, responsibilityId, personId, letters, updatedById: actorId });
    });
  });
  if (cells.length) await tx.cell.createMany({ data: cells });
}
