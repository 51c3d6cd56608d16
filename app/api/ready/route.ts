import { checkReadiness } from "@/lib/server/readiness";
import { withRequestLog } from "@/lib/server/request-log";
import { isShuttingDown } from "@/lib/server/shutdown";

export const dynamic = "force-dynamic";

/** Readiness: not stopping, the database answers and every committed migration is applied. */
export const GET = withRequestLog(
  async () => {
    // Stopping: the load balancer should send new requests elsewhere.
    if (isShuttingDown()) {
      return Response.json(
        { ready: false, database: "shutting down" },
        { status: 503, headers: { "Cache-Control": "no-store" } },
      );
    }
    const result = await checkReadiness();
    return Response.json(result, { status: result.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
  },
  { level: "debug" },
);
