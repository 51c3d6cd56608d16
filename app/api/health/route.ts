import { withRequestLog } from "@/lib/server/request-log";

/** Liveness: the process is up. Never touches the database. Logged at debug level (probes are frequent). */
export const GET = withRequestLog(() => Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } }), {
  level: "debug",
});
