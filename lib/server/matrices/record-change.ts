import "server-only";
import { randomUUID } from "node:crypto";
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

/** Where a group of changes came from (MatrixChange.origin). */
export type ChangeOrigin = "edit" | "undo" | "redo" | "fix" | "workshop" | "restore" | "import";

export interface RecordOptions {
  /** The group (one user action = one undo step); a fresh one when omitted. */
  groupId?: string;
  origin?: ChangeOrigin;
  /** For undo/redo: the group this one reverts or re-applies. */
  revertsGroupId?: string;
}

/** A fresh id for a group of changes. */
export function newGroupId(): string {
  return randomUUID();
}

/**
 * Appends changes to the matrix's history (who, when, before → after), all in one group:
 * the feed, undo/redo and live catch-up all read it. Returns the id of the last change
 * written.
 */
export async function recordChanges(
  tx: Tx,
  matrixId: string,
  actorId: string,
  changes: ChangeInput[],
  options: RecordOptions = {},
): Promise<number> {
  if (!changes.length) return 0;
  const groupId = options.groupId ?? newGroupId();
  const rows = changes.map((c) => ({
    matrixId,
    actorId,
    entity: c.entity,
    entityId: c.entityId,
    action: c.action,
    before: c.before === undefined ? null : JSON.stringify(c.before),
    after: c.after === undefined ? null : JSON.stringify(c.after),
    groupId,
    origin: options.origin ?? "edit",
    revertsGroupId: options.revertsGroupId ?? null,
  }));
  let last: number;
  if (rows.length === 1) {
    last = (await tx.matrixChange.create({ data: rows[0]!, select: { id: true } })).id;
  } else {
    // One statement for a batch; ids are increasing in insertion order on both providers.
    await tx.matrixChange.createMany({ data: rows });
    const newest = await tx.matrixChange.findFirst({
      where: { matrixId, groupId },
      orderBy: { id: "desc" },
      select: { id: true },
    });
    last = newest!.id;
  }
  // The matrix's updatedAt is its "last changed" time (lists, exports).
  await tx.matrix.update({ where: { id: matrixId }, data: { updatedAt: new Date() }, select: { id: true } });
  return last;
}
