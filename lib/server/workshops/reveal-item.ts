import "server-only";
import { db } from "@/lib/server/db";
import type { CurrentUser } from "@/lib/server/session";
import { requireWorkshopAccess } from "./workshop-access";
import { publishWorkshopChange } from "./publish-workshop";
import { updateWorkshop } from "./update-workshop";

/**
 * Reveals the votes on the current item (voting → revealed): from now on everybody sees
 * the anonymous distribution, and votes are closed. `reopen` goes back to voting (people
 * change their minds after the discussion); their earlier votes stay until they change them.
 */
export async function revealItem(
  user: CurrentUser,
  workshopId: string,
  itemId: string,
  reveal = true,
): Promise<{ version: number }> {
  const { workshop } = await requireWorkshopAccess(user.id, workshopId, "workshop:run");
  const version = await db.$transaction((tx) =>
    updateWorkshop(
      tx,
      workshop.id,
      { currentItemId: itemId, phase: reveal ? "voting" : "revealed" },
      { phase: reveal ? "revealed" : "voting" },
    ),
  );
  void publishWorkshopChange(workshop.id, version);
  return { version };
}
