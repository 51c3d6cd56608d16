import { apiRoute, parseJson } from "@/lib/server/api";
import { emptyBodySchema } from "@/lib/schemas/history";
import { findUndoState, undoOrRedo } from "@/lib/server/history/undo-redo";

export const dynamic = "force-dynamic";

/** What Undo and Redo would do now for the caller (docs/history.md). */
export const GET = apiRoute<{ matrixId: string }>(async ({ user, params }) =>
  Response.json(await findUndoState(user, params.matrixId), { headers: { "Cache-Control": "private, no-store" } }),
);

/** Undoes the caller's newest step on this matrix (409 when someone else changed it since). */
export const POST = apiRoute<{ matrixId: string }>(async ({ user, params, request }) => {
  await parseJson(request, emptyBodySchema);
  return Response.json(await undoOrRedo(user, params.matrixId, "undo"));
});
