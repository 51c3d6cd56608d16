import "server-only";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { nextItemId, previousItemId } from "@/lib/raci/workshop";
import type { CurrentUser } from "@/lib/server/session";
import { requireWorkshopAccess } from "./workshop-access";
import { agendaEntries, loadAgenda } from "./load-workshop-parts";
import { publishWorkshopChange } from "./publish-workshop";
import { updateWorkshop } from "./update-workshop";

export type Move =
  { to: "next"; from: string | null } | { to: "back"; from: string | null } | { to: "item"; itemId: string };

/**
 * Moves the workshop to another item: the next pending one, the one before, or any item
 * of the agenda ("skip to"). The new item opens for votes and its timer restarts. `from`
 * is the item the facilitator was looking at: if the workshop moved on meanwhile
 * (another facilitator tab), nothing happens and the answer is a 409.
 */
export async function moveToItem(user: CurrentUser, workshopId: string, move: Move): Promise<{ version: number }> {
  const { workshop } = await requireWorkshopAccess(user.id, workshopId, "workshop:run");
  const agenda = await loadAgenda(workshop.id, workshop.matrixId);
  const entries = agendaEntries(agenda);
  let target: string | null;
  if (move.to === "item") {
    if (!agenda.some((a) => a.id === move.itemId)) throw new AppError("NOT_FOUND", "That item is not on the agenda.");
    target = move.itemId;
  } else {
    target = move.to === "next" ? nextItemId(entries, move.from) : previousItemId(entries, move.from);
  }
  const guard = move.to === "item" ? {} : { currentItemId: move.from };
  const version = await db.$transaction((tx) =>
    updateWorkshop(tx, workshop.id, guard, { currentItemId: target, phase: "voting", itemStartedAt: new Date() }),
  );
  void publishWorkshopChange(workshop.id, version);
  return { version };
}
