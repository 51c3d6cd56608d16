import { apiRoute, parseJson } from "@/lib/server/api";
import { createRowSchema } from "@/lib/schemas/matrix";
import { createRow } from "@/lib/server/matrices/rows";

export const POST = apiRoute<{ matrixId: string }>(async ({ user, params, request }) => {
  const input = await parseJson(request, createRowSchema);
  return Response.json({ row: await createRow(user, params.matrixId, input) }, { status: 201 });
});
