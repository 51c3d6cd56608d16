import "server-only";
import { db } from "@/lib/server/db";
import { logger } from "@/lib/server/logger";
import { getPubSub, matrixChannel } from "@/lib/server/realtime/pubsub";
import type { ChangeEntity } from "@/lib/matrix/live";

/**
 * Tells every open browser of a matrix that it changed. Call it only after the
 * transaction has resolved: a rolled-back change must never be announced. Never
 * rejects: the write is stored already, and a lost message is caught up by the client's
 * next catch-up (reconnect, focus), so a failure here is logged, not thrown.
 */
export async function publishMatrixChange(
  matrixId: string,
  changeId: number,
  actorId: string | null,
  entities: ChangeEntity[],
): Promise<void> {
  try {
    await getPubSub().publish(matrixChannel(matrixId), {
      type: "change",
      changeId,
      actorId,
      entities: [...new Set(entities)],
    });
  } catch (err) {
    logger.error("publishing a matrix change failed", { err, matrixId, changeId });
  }
}

/**
 * A person's record (name, title, role kinds…) changed: every matrix showing them as a
 * column is told. Person edits are not in the matrices' change logs, so the message
 * carries each matrix's newest change id and clients reload the matrix on it.
 */
export async function publishPersonChange(personId: string, actorId: string | null): Promise<void> {
  try {
    const columns = await db.matrixColumn.findMany({
      where: { personId, deletedAt: null, matrix: { deletedAt: null } },
      select: { matrixId: true },
    });
    await Promise.all(
      columns.map(async ({ matrixId }) => {
        const last = await db.matrixChange.findFirst({
          where: { matrixId },
          orderBy: { id: "desc" },
          select: { id: true },
        });
        await publishMatrixChange(matrixId, last?.id ?? 0, actorId, ["person"]);
      }),
    );
  } catch (err) {
    logger.error("publishing a person change failed", { err, personId });
  }
}
