import { apiRoute, apiError } from "@/lib/server/api";
import { requireMatrixAccess } from "@/lib/server/matrices/require-matrix-access";
import { openStreamCount } from "@/lib/server/realtime/matrix-stream";
import { requireWorkshopAccess } from "@/lib/server/workshops/workshop-access";
import { workshopChannel } from "@/lib/server/workshops/publish-workshop";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const handler = apiRoute(async ({ user, request }) => {
  const params = new URL(request.url).searchParams;
  const workshopId = params.get("workshopId");
  if (workshopId) {
    await requireWorkshopAccess(user.id, workshopId);
    return Response.json(
      { openStreams: openStreamCount(workshopChannel(workshopId)) },
      { headers: { "Cache-Control": "no-store" } },
    );
  }
  const matrixId = params.get("matrixId");
  if (!matrixId) return apiError(400, "INVALID_INPUT", "Give matrixId (or workshopId).");
  await requireMatrixAccess(user.id, matrixId);
  return Response.json({ openStreams: openStreamCount(matrixId) }, { headers: { "Cache-Control": "no-store" } });
});

/**
 * GET /api/diagnostics/realtime?matrixId=… (or ?workshopId=…) → { openStreams }: the e2e suite proves with
 * it that a closed page releases its event stream. It exists only when the server runs
 * with REMIT_TEST_DIAGNOSTICS=1 (scripts/test.mjs sets it); otherwise it is a 404 like
 * any unknown path, before any authentication.
 */
export async function GET(request: Request, context: { params: Promise<Record<string, never>> }): Promise<Response> {
  if (process.env.REMIT_TEST_DIAGNOSTICS !== "1") return apiError(404, "NOT_FOUND", "That page was not found.");
  return handler(request, context);
}
