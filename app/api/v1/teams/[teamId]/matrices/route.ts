import { apiRoute, parseJson } from "@/lib/server/api";
import { createMatrixSchema } from "@/lib/schemas/matrix";
import { createMatrix } from "@/lib/server/matrices/create-matrix";
import { findMatrices } from "@/lib/server/matrices/find-matrices";

type P = { teamId: string };

export const GET = apiRoute<P>(async ({ user, params }) => {
  return Response.json({ matrices: await findMatrices(user.id, params.teamId) });
});

export const POST = apiRoute<P>(async ({ user, params, request }) => {
  const input = await parseJson(request, createMatrixSchema);
  const matrix = await createMatrix(user, params.teamId, input);
  return Response.json({ matrix }, { status: 201 });
});
