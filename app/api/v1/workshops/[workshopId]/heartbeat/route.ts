import { apiRoute } from "@/lib/server/api";
import { heartbeatWorkshop } from "@/lib/server/workshops/heartbeat-workshop";

/** "Still here" from a participant (joins them if needed). */
export const POST = apiRoute<{ workshopId: string }>(async ({ user, params }) => {
  await heartbeatWorkshop(user, params.workshopId);
  return new Response(null, { status: 204 });
});
