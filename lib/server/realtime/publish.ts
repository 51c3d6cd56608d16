import "server-only";
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
