import { apiRoute } from "@/lib/server/api";
import { getWorkshopSummary } from "@/lib/server/workshops/get-workshop-summary";

/** What the workshop came to: decisions, agreement, parked and contested items, findings left. */
export const GET = apiRoute<{ workshopId: string }>(async ({ user, params }) => {
  const { summary } = await getWorkshopSummary(user, params.workshopId);
  return Response.json({ summary }, { headers: { "Cache-Control": "no-store" } });
});
