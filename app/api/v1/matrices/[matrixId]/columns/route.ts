import { apiRoute, parseJson } from "@/lib/server/api";
import { addColumnSchema } from "@/lib/schemas/matrix";
import { addColumn } from "@/lib/server/matrices/columns";

export const POST = apiRoute<{ matrixId: string }>(async ({ user, params, request }) => {
  const input = await parseJson(request, addColumnSchema);
  return Response.json({ column: await addColumn(user, params.matrixId, input) }, { status: 201 });
});
