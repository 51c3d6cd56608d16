/** Runs once when a server instance starts: fail fast on a bad environment, then handle SIGTERM gracefully. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("@/lib/env");
    env();
    const { installShutdownHandlers } = await import("@/lib/server/shutdown");
    installShutdownHandlers();
  }
}
