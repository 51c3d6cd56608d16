import "server-only";
import { logger } from "@/lib/server/logger";
import { getPubSub, matrixChannel } from "@/lib/server/realtime/pubsub";

/** The bus channel of one workshop. */
export function workshopChannel(workshopId: string): string {
  return `workshop:${workshopId}`;
}

/**
 * Tells every open screen of a workshop that it changed (ids only: they refetch the
 * state). Call after the write has committed. Never rejects: a lost message is caught up
 * at the next reconnect or the screens' periodic refetch.
 */
export async function publishWorkshopChange(workshopId: string, version: number): Promise<void> {
  try {
    await getPubSub().publish(workshopChannel(workshopId), { type: "workshop", workshopId, version });
  } catch (err) {
    logger.error("publishing a workshop change failed", { err, workshopId, version });
  }
}

/**
 * Tells every open page of a matrix that one of its workshops started or ended, so the
 * "Workshop in progress — Join" banner appears or goes at once (the same message, on the
 * matrix's channel: its event stream forwards it). Never rejects, like the above.
 */
export async function publishMatrixWorkshops(matrixId: string, workshopId: string, version: number): Promise<void> {
  try {
    await getPubSub().publish(matrixChannel(matrixId), { type: "workshop", workshopId, version });
  } catch (err) {
    logger.error("publishing a workshop change failed", { err, matrixId, workshopId, version });
  }
}
