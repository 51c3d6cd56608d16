import "server-only";
import type { Db } from "@/lib/server/db";

/** A client inside or outside a transaction. */
export type Tx = Pick<Db, "matrixChange" | "cell" | "responsibility" | "matrixColumn" | "matrix" | "person">;

export interface ChangeInput {
  entity: "cell" | "row" | "column" | "matrix" | "settings" | "person";
  entityId: string;
  action: "create" | "update" | "delete" | "restore" | "move";
  before?: unknown;
  after?: unknown;
}

/**
 * Appends changes to the matrix's history (who, when, before → after): the feed, undo
 * and live catch-up all read it. Returns the id of the last change written.
 */
export async function recordChanges(
  tx: Tx,
  matrixId: string,
  actorId: string,
  changes: ChangeInput[],
): Promise<number> {
  let last = 0;
  for (const c of changes) {
    const row = await tx.matrixChange.create({
      data: {
        matrixId,
        actorId,
        entity: c.entity,
        entityId: c.entityId,
        action: c.action,
        before: c.before === undefined ? null : JSON.stringify(c.before),
        after: c.after === undefined ? null : JSON.stringify(c.after),
      },
      select: { id: true },
    });
    last = row.id;
  }
  // The matrix's updatedAt is its "last changed" time (lists, exports).
  if (changes.length)
    await tx.matrix.update({ where: { id: matrixId }, data: { updatedAt: new Date() }, select: { id: true } });
  return last;
}
