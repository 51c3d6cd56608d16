import { apiRoute, parseJson } from "@/lib/server/api";
import { presenceInputSchema } from "@/lib/schemas/live";
import { updatePresence } from "@/lib/server/realtime/open-matrix-events";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A tab's heartbeat and selected cell (docs/api-v1.md, "Live"). */
export const POST = apiRoute<{ matrixId: string }>(async ({ user, params, request }) => {
  let input;
  try {
    input = await parseJson(request, presenceInputSchema, 2_000);
  } catch (e) {
    // A page closing mid-request (its last selection change): nobody to answer, nothing to log.
    if (request.signal.aborted) return new Response(null, { status: 499 });
    throw e;
  }
  await updatePresence(user, params.matrixId, input.selection);
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});
