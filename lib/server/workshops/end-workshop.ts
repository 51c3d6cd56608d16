import "server-only";
import { db } from "@/lib/server/db";
import { createSnapshot } from "@/lib/server/snapshots/create-snapshot";
import type { CurrentUser } from "@/lib/server/session";
import { requireWorkshopAccess } from "./workshop-access";
import { publishMatrixWorkshops, publishWorkshopChange } from "./publish-workshop";
import { updateWorkshop } from "./update-workshop";

/**
 * Ends a workshop: no more votes or decisions, everybody's screen moves to the summary,
 * and a snapshot of the matrix as the workshop left it is saved (compare it with the
 * one taken at the start).
 */
export async function endWorkshop(user: CurrentUser, workshopId: string): Promise<{ version: number }> {
  const { workshop } = await requireWorkshopAccess(user.id, workshopId, "workshop:run");
  const now = new Date();
  const version = await db.$transaction((tx) =>
    updateWorkshop(tx, workshop.id, {}, { status: "ended", endedAt: now, currentItemId: null }),
  );
  const snapshot = await createSnapshot({
    matrixId: workshop.matrixId,
    name: `After workshop “${workshop.name}”`.slice(0, 200),
    kind: "workshop-end",
    actorId: user.id,
  });
  await db.workshop.update({ where: { id: workshop.id }, data: { endSnapshotId: snapshot.id } });
  void publishWorkshopChange(workshop.id, version);
  void publishMatrixWorkshops(workshop.matrixId, workshop.id, version);
  return { version };
}
