import { apiRoute, parseJson } from "@/lib/server/api";
import { createSnapshotSchema } from "@/lib/schemas/history";
import { findSnapshots, saveSnapshot } from "@/lib/server/snapshots/snapshots";

export const dynamic = "force-dynamic";

/** The matrix's saved versions, newest first. */
export const GET = apiRoute<{ matrixId: string }>(async ({ user, params }) =>
  Response.json(
    { snapshots: await findSnapshots(user.id, params.matrixId) },
    { headers: { "Cache-Control": "private, no-store" } },
  ),
);

/** Saves the matrix as it is now under a name (matrix:edit). */
export const POST = apiRoute<{ matrixId: string }>(async ({ user, params, request }) => {
  const input = await parseJson(request, createSnapshotSchema);
  return Response.json({ snapshot: await saveSnapshot(user, params.matrixId, input.name) }, { status: 201 });
});
