import { apiRoute } from "@/lib/server/api";
import { openMatrixEvents } from "@/lib/server/realtime/open-matrix-events";

// A long-lived stream: Node (timers, the process's pub/sub), never cached or prerendered.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Server-sent events of one matrix: changes and presence (docs/api-v1.md, "Live"). */
export const GET = apiRoute<{ matrixId: string }>(async ({ user, params, request }) =>
  openMatrixEvents(user, params.matrixId, request.signal),
);
