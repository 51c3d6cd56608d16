import { apiRoute, parseJson } from "@/lib/server/api";
import { updateMatrixSchema } from "@/lib/schemas/matrix";
import { requireMatrixAccess } from "@/lib/server/matrices/require-matrix-access";
import { matrixJsonResponse } from "@/lib/server/matrices/matrix-response";
import { deleteMatrix, updateMatrix } from "@/lib/server/matrices/update-matrix";

type P = { matrixId: string };

/** The whole matrix; ETag/If-None-Match and gzip (lib/server/matrices/matrix-response.ts). */
export const GET = apiRoute<P>(async ({ user, params, request }) =>
  matrixJsonResponse(request, await requireMatrixAccess(user.id, params.matrixId)),
);

export const PATCH = apiRoute<P>(async ({ user, params, request }) => {
  const input = await parseJson(request, updateMatrixSchema);
  return Response.json({ matrix: await updateMatrix(user, params.matrixId, input) });
});

export const DELETE = apiRoute<P>(async ({ user, params }) => {
  await deleteMatrix(user, params.matrixId);
  return Response.json({ ok: true });
});
