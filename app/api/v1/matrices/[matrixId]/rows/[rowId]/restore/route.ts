import { apiRoute } from "@/lib/server/api";
import { restoreRow } from "@/lib/server/matrices/rows";

export const POST = apiRoute<{ matrixId: string; rowId: string }>(async ({ user, params }) => {
  return Response.json({ row: await restoreRow(user, params.matrixId, params.rowId) });
});
