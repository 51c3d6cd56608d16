import { apiRoute, parseJson } from "@/lib/server/api";
import { workshopActionSchema } from "@/lib/schemas/workshop";
import { runWorkshopAction } from "@/lib/server/workshops/run-workshop-action";

/** A facilitator action: reveal, decide, next, back, goto, park, unpark, reorder, timer, end (managers and owners). */
export const POST = apiRoute<{ workshopId: string }>(async ({ user, params, request }) => {
  const action = await parseJson(request, workshopActionSchema, 100_000);
  return Response.json(await runWorkshopAction(user, params.workshopId, action));
});
