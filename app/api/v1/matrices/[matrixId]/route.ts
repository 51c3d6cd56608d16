import { apiRoute, parseJson } from "@/lib/server/api";
import { updateMatrixSchema } from "@/lib/schemas/matrix";
import { requireMatrixAccess } from "@/lib/server/matrices/require-matrix-access";
import { loadMatrixDto } from "@/lib/server/matrices/load-matrix-dto";
import { deleteMatrix, updateMatrix } from "@/lib/server/matrices/update-matrix";

type P = { matrixId: string };

export const GET = apiRoute<P>(async ({ user, params }) => {
  await requireMatrixAccess(user.id, params.matrixId);
  return Response.json(await loadMatrixDto(params.matrixId), { headers: { "Cache-Control": "private, no-cache" } });
});

export const PATCH = apiRoute<P>(async ({ user, params, request }) => {
  const input = await parseJson(request, updateMatrixSchema);
  return Response.json({ matrix: await updateMatrix(user, params.matrixId, input) });
});

export const DELETE = apiRoute<P>(async ({ user, params }) => {
  await deleteMatrix(user, params.matrixId);
  return Response.json({ ok: true });
});
