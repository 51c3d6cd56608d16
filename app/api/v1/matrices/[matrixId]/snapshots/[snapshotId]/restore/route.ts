import { apiRoute, parseJson } from "@/lib/server/api";
import { emptyBodySchema } from "@/lib/schemas/history";
import { restoreSnapshot } from "@/lib/server/snapshots/restore-snapshot";

export const dynamic = "force-dynamic";

/** Restores a saved version as one new group of changes (matrix:edit). */
export const POST = apiRoute<{ matrixId: string; snapshotId: string }>(async ({ user, params, request }) => {
  await parseJson(request, emptyBodySchema);
  return Response.json(await restoreSnapshot(user, params.matrixId, params.snapshotId));
});
