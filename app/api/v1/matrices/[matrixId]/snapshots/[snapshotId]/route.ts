import { apiRoute } from "@/lib/server/api";
import { deleteSnapshot, findSnapshot } from "@/lib/server/snapshots/snapshots";

export const dynamic = "force-dynamic";

type Params = { matrixId: string; snapshotId: string };

/** One saved version with its content (rows, columns, filled cells, settings). */
export const GET = apiRoute<Params>(async ({ user, params }) =>
  Response.json(
    { snapshot: await findSnapshot(user.id, params.matrixId, params.snapshotId) },
    { headers: { "Cache-Control": "private, no-store" } },
  ),
);

/** Deletes a manual snapshot (matrix:edit); automatic ones are kept. */
export const DELETE = apiRoute<Params>(async ({ user, params }) => {
  await deleteSnapshot(user, params.matrixId, params.snapshotId);
  return Response.json({ ok: true });
});
