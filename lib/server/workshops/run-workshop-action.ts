import "server-only";
import type { WorkshopAction } from "@/lib/schemas/workshop";
import type { CurrentUser } from "@/lib/server/session";
import { decideItem } from "./decide-item";
import { endWorkshop } from "./end-workshop";
import { moveToItem } from "./move-to-item";
import { parkItem } from "./park-item";
import { reorderAgenda } from "./reorder-agenda";
import { revealItem } from "./reveal-item";
import { setWorkshopTimer } from "./set-workshop-timer";

/** POST …/actions: routes one facilitator action to its use case (each authorizes by itself). */
export async function runWorkshopAction(
  user: CurrentUser,
  workshopId: string,
  action: WorkshopAction,
): Promise<{ version: number }> {
  switch (action.type) {
    case "reveal":
      return revealItem(user, workshopId, action.itemId, true);
    case "reopen":
      return revealItem(user, workshopId, action.itemId, false);
    case "decide":
      return decideItem(user, workshopId, action);
    case "next":
      return moveToItem(user, workshopId, { to: "next", from: action.fromItemId });
    case "back":
      return moveToItem(user, workshopId, { to: "back", from: action.fromItemId });
    case "goto":
      return moveToItem(user, workshopId, { to: "item", itemId: action.itemId });
    case "park":
      return parkItem(user, workshopId, action.itemId, true);
    case "unpark":
      return parkItem(user, workshopId, action.itemId, false);
    case "reorder":
      return reorderAgenda(user, workshopId, action.itemId, action.afterId);
    case "timer":
      return setWorkshopTimer(user, workshopId, action.seconds);
    case "restart-timer":
      return setWorkshopTimer(user, workshopId, undefined);
    case "end":
      return endWorkshop(user, workshopId);
  }
}
