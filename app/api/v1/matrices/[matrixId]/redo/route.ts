import { apiRoute, parseJson } from "@/lib/server/api";
import { emptyBodySchema } from "@/lib/schemas/history";
import { undoOrRedo } from "@/lib/server/history/undo-redo";

export const dynamic = "force-dynamic";

/** Re-applies the caller's newest undone step (409 when someone else changed it since). */
export const POST = apiRoute<{ matrixId: string }>(async ({ user, params, request }) => {
  await parseJson(request, emptyBodySchema);
  return Response.json(await undoOrRedo(user, params.matrixId, "redo"));
});
