import "server-only";
import { logger } from "@/lib/server/logger";
import { positiveInt } from "@/lib/server/rate-limit/window";

/**
 * Graceful shutdown on SIGTERM/SIGINT, in this order:
 *  1. `next start`'s own handler stops accepting connections and waits for requests in
 *     flight; at once, every "now" hook runs — event streams get `bye` and end (a
 *     stream never ends by itself, so Next.js would wait for ever), and /api/ready says
 *     503 so a load balancer stops sending traffic;
 *  2. when Next.js is done and calls process.exit, the "last" hooks run: presence rows
 *     of this instance are deleted and the LISTEN connection closes — after the last
 *     request, so a write that was in flight still notifies the other instances;
 *  3. the process exits 0 (a complete, orderly stop), or 1 when something did not
 *     finish within REMIT_SHUTDOWN_TIMEOUT_MS (default 15 s).
 * Hooks register themselves (`onShutdown`) when the service they stop is created, on
 * globalThis because route handlers are bundled separately.
 */
export type ShutdownPhase = "now" | "last";

interface Hook {
  phase: ShutdownPhase;
  /** Within a phase, lower runs first (one after the other). */
  order: number;
  run: () => void | Promise<void>;
}

interface ShutdownState {
  hooks: Map<string, Hook>;
  stopping: boolean;
  installed: boolean;
}

const g = globalThis as unknown as { remitShutdown?: ShutdownState };

function state(): ShutdownState {
  g.remitShutdown ??= { hooks: new Map(), stopping: false, installed: false };
  return g.remitShutdown;
}

/** Registers (or replaces) the hook called `name`. */
export function onShutdown(name: string, hook: Hook): void {
  state().hooks.set(name, hook);
}

/** True once a shutdown signal has arrived (new event streams are refused, readiness is 503). */
export function isShuttingDown(): boolean {
  return state().stopping;
}

async function runPhase(phase: ShutdownPhase, timeoutMs: number): Promise<boolean> {
  const hooks = [...state().hooks].filter(([, h]) => h.phase === phase).sort(([, a], [, b]) => a.order - b.order);
  let ok = true;
  for (const [name, hook] of hooks) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        Promise.resolve().then(hook.run),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
    } catch (err) {
      ok = false;
      logger.error("shutdown step failed", { err, step: name });
    } finally {
      clearTimeout(timer);
    }
  }
  return ok;
}

/**
 * Installs the signal handling (instrumentation.ts, once per process). With
 * NEXT_MANUAL_SIG_HANDLE the embedding code owns signals: nothing is installed, and it
 * calls `shutdown()` itself.
 */
export function installShutdownHandlers(): void {
  const s = state();
  if (s.installed || process.env.NEXT_MANUAL_SIG_HANDLE) return;
  s.installed = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void beginShutdown(signal));
}

async function beginShutdown(signal: string): Promise<void> {
  const s = state();
  if (s.stopping) return;
  s.stopping = true;
  const timeoutMs = positiveInt(process.env.REMIT_SHUTDOWN_TIMEOUT_MS, 15_000);
  logger.info("shutting down", { signal, timeoutMs });
  const nextExit = process.exit;
  const realExit = (code: number): never => nextExit.call(process, code);
  const force = setTimeout(() => {
    logger.error("shutdown did not finish in time; exiting", { timeoutMs });
    realExit(1);
  }, timeoutMs);
  force.unref();

  // Next.js ends with process.exit(128 + signal) once its server is closed and the
  // requests in flight are done: that is our cue for the last steps, then exit 0.
  let exiting = false;
  process.exit = ((code?: number | string | null) => {
    if (exiting) return undefined as never;
    exiting = true;
    void runPhase("last", timeoutMs).then((ok) => {
      logger.info("shut down", { ok, nextExitCode: code ?? null });
      realExit(ok ? 0 : 1);
    });
    return undefined as never;
  }) as typeof process.exit;

  await runPhase("now", timeoutMs);
}

/** For code that owns the signals (NEXT_MANUAL_SIG_HANDLE): runs every hook, in order. */
export async function shutdown(timeoutMs = 15_000): Promise<boolean> {
  state().stopping = true;
  const now = await runPhase("now", timeoutMs);
  const last = await runPhase("last", timeoutMs);
  return now && last;
}
