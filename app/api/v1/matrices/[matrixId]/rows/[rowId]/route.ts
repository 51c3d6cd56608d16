import { apiRoute, parseJson } from "@/lib/server/api";
import { updateRowSchema } from "@/lib/schemas/matrix";
import { deleteRow, updateRow } from "@/lib/server/matrices/rows";

type P = { matrixId: string; rowId: string };

export const PATCH = apiRoute<P>(async ({ user, params, request }) => {
  const input = await parseJson(request, updateRowSchema);
  return Response.json({ row: await updateRow(user, params.matrixId, params.rowId, input) });
});

export const DELETE = apiRoute<P>(async ({ user, params }) => {
  await deleteRow(user, params.matrixId, params.rowId);
  return Response.json({ ok: true });
});
