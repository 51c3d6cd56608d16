import "server-only";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { placeAfter } from "@/lib/matrix/positions";
import type { CurrentUser } from "@/lib/server/session";
import { requireWorkshopAccess } from "./workshop-access";
import { publishWorkshopChange } from "./publish-workshop";
import { updateWorkshop } from "./update-workshop";

/** Moves an agenda item after another one (null: to the top). Only the workshop's order changes, never the matrix's. */
export async function reorderAgenda(
  user: CurrentUser,
  workshopId: string,
  itemId: string,
  afterId: string | null,
): Promise<{ version: number }> {
  const { workshop } = await requireWorkshopAccess(user.id, workshopId, "workshop:run");
  const version = await db.$transaction(async (tx) => {
    const items = await tx.workshopItem.findMany({
      where: { workshopId: workshop.id },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, position: true },
    });
    if (!items.some((i) => i.id === itemId) || (afterId !== null && !items.some((i) => i.id === afterId)))
      throw new AppError("NOT_FOUND", "That item is not on the agenda.");
    if (afterId === itemId) throw new AppError("INVALID_INPUT", "An item cannot move after itself.");
    const others = items.filter((i) => i.id !== itemId);
    const position = await placeAfter(others, afterId, (id, p) =>
      tx.workshopItem.update({ where: { id }, data: { position: p } }),
    );
    await tx.workshopItem.update({ where: { id: itemId }, data: { position } });
    return updateWorkshop(tx, workshop.id, {});
  });
  void publishWorkshopChange(workshop.id, version);
  return { version };
}
