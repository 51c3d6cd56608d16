import { apiRoute, parseJson } from "@/lib/server/api";
import { moveColumnSchema } from "@/lib/schemas/matrix";
import { moveColumn, removeColumn } from "@/lib/server/matrices/columns";

type P = { matrixId: string; columnId: string };

export const PATCH = apiRoute<P>(async ({ user, params, request }) => {
  const input = await parseJson(request, moveColumnSchema);
  return Response.json({ column: await moveColumn(user, params.matrixId, params.columnId, input) });
});

export const DELETE = apiRoute<P>(async ({ user, params }) => {
  await removeColumn(user, params.matrixId, params.columnId);
  return Response.json({ ok: true });
});
