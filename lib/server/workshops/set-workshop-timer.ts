import "server-only";
import { db } from "@/lib/server/db";
import type { CurrentUser } from "@/lib/server/session";
import { requireWorkshopAccess } from "./workshop-access";
import { publishWorkshopChange } from "./publish-workshop";
import { updateWorkshop } from "./update-workshop";

/**
 * Sets the per-item timer (seconds, or null for none) and restarts it for the current
 * item; with `seconds` undefined it only restarts. The timer is advisory: it shows on
 * every screen, nothing closes when it runs out.
 */
export async function setWorkshopTimer(
  user: CurrentUser,
  workshopId: string,
  seconds: number | null | undefined,
): Promise<{ version: number }> {
  const { workshop } = await requireWorkshopAccess(user.id, workshopId, "workshop:run");
  const version = await db.$transaction((tx) =>
    updateWorkshop(
      tx,
      workshop.id,
      {},
      seconds === undefined ? { itemStartedAt: new Date() } : { timerSeconds: seconds, itemStartedAt: new Date() },
    ),
  );
  void publishWorkshopChange(workshop.id, version);
  return { version };
}
