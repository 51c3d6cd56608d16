import "server-only";
import type { CurrentUser } from "@/lib/server/session";
import { requireWorkshopAccess } from "./workshop-access";
import { touchParticipant } from "./touch-participant";

/**
 * POST …/heartbeat: "I am still here" from a participant's screen (the event stream
 * does the same on its own heartbeat). Joins the caller when they are not listed yet.
 */
export async function heartbeatWorkshop(user: CurrentUser, workshopId: string): Promise<void> {
  const { workshop } = await requireWorkshopAccess(user.id, workshopId);
  if (workshop.status !== "active") return;
  await touchParticipant(workshop.id, user, { join: true });
}
