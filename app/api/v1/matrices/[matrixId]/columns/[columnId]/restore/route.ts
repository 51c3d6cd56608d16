import { apiRoute } from "@/lib/server/api";
import { restoreColumn } from "@/lib/server/matrices/columns";

export const POST = apiRoute<{ matrixId: string; columnId: string }>(async ({ user, params }) => {
  return Response.json({ column: await restoreColumn(user, params.matrixId, params.columnId) });
});
