import "server-only";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { nextItemId } from "@/lib/raci/workshop";
import type { CurrentUser } from "@/lib/server/session";
import { requireWorkshopAccess } from "./workshop-access";
import { agendaEntries, loadAgenda } from "./load-workshop-parts";
import { publishWorkshopChange } from "./publish-workshop";
import { updateWorkshop } from "./update-workshop";

/**
 * Parks an item for later (it keeps its votes), or brings it back to pending. Parking
 * the current item moves the workshop on to the next pending one.
 */
export async function parkItem(
  user: CurrentUser,
  workshopId: string,
  itemId: string,
  park = true,
): Promise<{ version: number }> {
  const { workshop } = await requireWorkshopAccess(user.id, workshopId, "workshop:run");
  const agenda = await loadAgenda(workshop.id, workshop.matrixId);
  const item = agenda.find((a) => a.id === itemId);
  if (!item) throw new AppError("NOT_FOUND", "That item is not on the agenda.");
  if (!park && item.status !== "parked") throw new AppError("CONFLICT", "That item is not parked.");
  const isCurrent = workshop.currentItemId === itemId;
  const entries = agendaEntries(agenda).map((e) =>
    e.id === itemId ? { ...e, status: park ? ("parked" as const) : ("pending" as const) } : e,
  );
  const version = await db.$transaction(async (tx) => {
    await tx.workshopItem.update({ where: { id: itemId }, data: { status: park ? "parked" : "pending" } });
    if (park && isCurrent) {
      return updateWorkshop(
        tx,
        workshop.id,
        { currentItemId: itemId },
        { currentItemId: nextItemId(entries, itemId), phase: "voting", itemStartedAt: new Date() },
      );
    }
    return updateWorkshop(tx, workshop.id, {});
  });
  void publishWorkshopChange(workshop.id, version);
  return { version };
}
