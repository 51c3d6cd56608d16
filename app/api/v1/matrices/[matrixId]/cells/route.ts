import { apiRoute, parseJson } from "@/lib/server/api";
import { putCellsSchema } from "@/lib/schemas/matrix";
import { putCells } from "@/lib/server/matrices/put-cells";

/** PUT one cell, or several together: 200 with new versions, 409 with the current cells. */
export const PUT = apiRoute<{ matrixId: string }>(async ({ user, params, request }) => {
  const input = await parseJson(request, putCellsSchema);
  const writes = "cells" in input ? input.cells : [input];
  const origin = "cells" in input ? input.origin : undefined;
  return Response.json(await putCells(user, params.matrixId, writes, origin ? { origin } : {}));
});
