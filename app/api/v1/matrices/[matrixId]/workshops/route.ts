import { apiRoute, parseJson } from "@/lib/server/api";
import { startWorkshopSchema } from "@/lib/schemas/workshop";
import { startWorkshop } from "@/lib/server/workshops/start-workshop";
import { findMatrixWorkshops } from "@/lib/server/workshops/find-matrix-workshops";
import { getWorkshopState } from "@/lib/server/workshops/get-workshop-state";

/** The running workshop of the matrix, if any, and the recent ones (any member). */
export const GET = apiRoute<{ matrixId: string }>(async ({ user, params }) =>
  Response.json(await findMatrixWorkshops(user, params.matrixId), { headers: { "Cache-Control": "no-store" } }),
);

/** Starts a workshop (managers and owners); 409 when one is running already. */
export const POST = apiRoute<{ matrixId: string }>(async ({ user, params, request }) => {
  const input = await parseJson(request, startWorkshopSchema);
  const { id } = await startWorkshop(user, params.matrixId, input);
  return Response.json({ workshop: await getWorkshopState(user, id) }, { status: 201 });
});
