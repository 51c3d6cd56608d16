import "server-only";
import { db } from "@/lib/server/db";
import { isUniqueViolation } from "@/lib/server/prisma-errors";
import { WORKSHOP_PARTICIPANT_TTL_MS } from "@/lib/matrix/workshop-dto";
import { publishWorkshopChange } from "./publish-workshop";

/**
 * Marks a participant as here now (WorkshopParticipant.seenAt). With `join`, someone not
 * yet in the list is added. Who is here only changes the projector's "of 7" when someone
 * arrives or comes back after the TTL: only then is the workshop's version bumped and
 * the change published, so heartbeats of 30 laptops cost one small UPDATE each.
 */
export async function touchParticipant(
  workshopId: string,
  user: { id: string; name: string },
  options: { join?: boolean } = {},
): Promise<void> {
  const now = new Date();
  const cutoff = new Date(now.getTime() - WORKSHOP_PARTICIPANT_TTL_MS);
  const fresh = await db.workshopParticipant.updateMany({
    where: { workshopId, userId: user.id, seenAt: { gte: cutoff } },
    data: { seenAt: now },
  });
  if (fresh.count === 1) return;
  const stale = await db.workshopParticipant.updateMany({
    where: { workshopId, userId: user.id },
    data: { seenAt: now, name: user.name },
  });
  if (stale.count === 0) {
    if (!options.join) return;
    try {
      await db.workshopParticipant.create({ data: { workshopId, userId: user.id, name: user.name, seenAt: now } });
    } catch (e) {
      // Two tabs joining at once: the other one added the row.
      if (isUniqueViolation(e)) return;
      throw e;
    }
  }
  const w = await db.workshop.update({
    where: { id: workshopId },
    data: { version: { increment: 1 } },
    select: { version: true },
  });
  void publishWorkshopChange(workshopId, w.version);
}
