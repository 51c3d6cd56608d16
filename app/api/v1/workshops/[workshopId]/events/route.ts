import { apiRoute } from "@/lib/server/api";
import { openWorkshopEvents } from "@/lib/server/workshops/workshop-stream";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Server-sent events of one workshop: `hello`, then `workshop` {workshopId, version} after every change. */
export const GET = apiRoute<{ workshopId: string }>(async ({ user, params, request }) =>
  openWorkshopEvents(user, params.workshopId, request.signal),
);
