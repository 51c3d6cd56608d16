import { apiRoute } from "@/lib/server/api";
import { getWorkshopState } from "@/lib/server/workshops/get-workshop-state";

/** The workshop's state as the caller may see it (votes stay hidden until revealed). */
export const GET = apiRoute<{ workshopId: string }>(async ({ user, params }) =>
  Response.json(
    { workshop: await getWorkshopState(user, params.workshopId) },
    { headers: { "Cache-Control": "no-store" } },
  ),
);
