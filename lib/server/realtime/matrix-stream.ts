import "server-only";
import { logger } from "@/lib/server/logger";
import { isShuttingDown, onShutdown } from "@/lib/server/shutdown";
import { getPubSub, matrixChannel, type PubSub } from "@/lib/server/realtime/pubsub";
import { getPresence, type PresenceService } from "@/lib/server/realtime/presence";
import { SSE_HEADERS, sseComment, sseEvent, sseRetry } from "@/lib/server/realtime/sse";
import type { PresenceIdentity } from "@/lib/server/realtime/presence-store";
import { LIVE_EVENTS, type ByeEvent, type HelloEvent, type MatrixMessage } from "@/lib/matrix/live";

export type AccessCheck = "ok" | "forbidden" | "gone";

export interface MatrixStreamOptions {
  matrixId: string;
  user: PresenceIdentity;
  /** The request's signal: aborted when the browser goes away. */
  signal: AbortSignal;
  /** The matrix's newest change id, read after subscribing (nothing falls between). */
  lastChangeId: () => Promise<number>;
  /** Re-run at every heartbeat: a member removed from the team loses the stream. */
  checkAccess: () => Promise<AccessCheck>;
  pubsub?: PubSub;
  presence?: PresenceService;
  heartbeatMs?: number;
  /** What EventSource waits before reconnecting by itself. */
  retryMs?: number;
  /** Chunks queued for a client that does not read (a dead laptop) before we give up on it. */
  maxQueued?: number;
}

interface OpenStream {
  matrixId: string;
  userId: string;
  close: (reason?: ByeEvent["reason"]) => void;
}

const globalForStreams = globalThis as unknown as {
  remitStreams?: Map<number, OpenStream>;
  remitStreamSeq?: number;
  remitStreamSignals?: boolean;
};

function registry(): Map<number, OpenStream> {
  globalForStreams.remitStreams ??= new Map();
  return globalForStreams.remitStreams;
}

/** Open event streams of this process (of one matrix, when given). Diagnostics and tests. */
export function openStreamCount(matrixId?: string): number {
  if (matrixId === undefined) return registry().size;
  let n = 0;
  for (const s of registry().values()) if (s.matrixId === matrixId) n++;
  return n;
}

/**
 * Ends every open stream (each gets a `bye` first, so browsers reconnect to whichever
 * instance comes up). For graceful shutdown: `next start` waits for open responses to
 * finish before it exits, and an event stream never finishes by itself.
 */
export function closeAllStreams(reason: ByeEvent["reason"] = "shutdown"): number {
  const all = [...registry().values()];
  for (const s of all) s.close(reason);
  return all.length;
}

/**
 * Registers another kind of event stream (a workshop's) with this process's registry, so
 * that shutdown closes it like a matrix stream. `key` goes where the matrix id goes
 * (e.g. `workshop:<id>`). Returns the function that unregisters it.
 */
export function trackStream(key: string, userId: string, close: (reason?: ByeEvent["reason"]) => void): () => void {
  const id = (globalForStreams.remitStreamSeq = (globalForStreams.remitStreamSeq ?? 0) + 1);
  closeStreamsOnShutdown();
  registry().set(id, { matrixId: key, userId, close });
  return () => registry().delete(id);
}

/** Streams end first on shutdown (lib/server/shutdown.ts), so that Next.js can finish. */
function closeStreamsOnShutdown(): void {
  if (globalForStreams.remitStreamSignals) return;
  globalForStreams.remitStreamSignals = true;
  onShutdown("event-streams", {
    phase: "now",
    order: 10,
    run: () => {
      const n = closeAllStreams("shutdown");
      if (n) logger.info("closed event streams for shutdown", { streams: n });
    },
  });
}

const encoder = new TextEncoder();

/**
 * An SSE response for one matrix and one browser tab: `retry`, then `hello` (newest
 * change id and who is here), then every message of the matrix's channel, and a
 * heartbeat comment that also re-checks access. Whatever ends it (the browser leaving,
 * lost access, shutdown, a client that stopped reading) releases the subscription, the
 * timer, the presence entry and the registry slot, exactly once.
 */
export function openMatrixStream(opts: MatrixStreamOptions): Response {
  const { matrixId, user, signal } = opts;
  const pubsub = opts.pubsub ?? getPubSub();
  const presence = opts.presence ?? getPresence();
  const maxQueued = opts.maxQueued ?? 256;
  const id = (globalForStreams.remitStreamSeq = (globalForStreams.remitStreamSeq ?? 0) + 1);
  closeStreamsOnShutdown();
  // A stream opened while the instance stops: say bye at once, the browser reconnects
  // to another instance (or to this one once it is back).
  if (isShuttingDown()) {
    const bye = encoder.encode(sseRetry(opts.retryMs ?? 2_000) + sseEvent(LIVE_EVENTS.bye, { reason: "shutdown" }));
    return new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bye);
          controller.close();
        },
      }),
      { headers: SSE_HEADERS },
    );
  }

  let closed = false;
  let joined = false;
  let unsubscribe: (() => void) | null = null;
  let heartbeat: ReturnType<typeof setInterval> | null = null;
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | null = null;

  const write = (chunk: string): void => {
    const controller = controllerRef;
    if (closed || !controller) return;
    if ((controller.desiredSize ?? 0) < -maxQueued) {
      close("overflow");
      return;
    }
    try {
      controller.enqueue(encoder.encode(chunk));
    } catch {
      close();
    }
  };

  const onAbort = () => close();

  function close(reason?: ByeEvent["reason"]): void {
    if (closed) return;
    closed = true;
    if (reason && reason !== "overflow") {
      try {
        controllerRef?.enqueue(encoder.encode(sseEvent(LIVE_EVENTS.bye, { reason } satisfies ByeEvent)));
      } catch {
        // The reader is gone already.
      }
    }
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = null;
    unsubscribe?.();
    unsubscribe = null;
    signal.removeEventListener("abort", onAbort);
    registry().delete(id);
    try {
      controllerRef?.close();
    } catch {
      // Already closed or cancelled by the reader.
    }
    controllerRef = null;
    if (joined)
      void presence
        .leave(matrixId, user.id)
        .catch((err: unknown) => logger.error("presence leave failed", { err, matrixId }));
  }

  registry().set(id, { matrixId, userId: user.id, close });
  signal.addEventListener("abort", onAbort, { once: true });

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controllerRef = controller;
      if (signal.aborted) return close();
      // Subscribe first, hold messages until `hello` is out: nothing published between
      // reading the newest change id and subscribing can slip through.
      const held: MatrixMessage[] = [];
      let ready = false;
      unsubscribe = pubsub.subscribe(matrixChannel(matrixId), (message) => {
        if (!ready) held.push(message);
        else write(sseEvent(message.type, message));
      });
      try {
        // One after the other: a failed read must not leave a presence entry behind.
        const users = await presence.join(matrixId, user);
        joined = true;
        if (closed) {
          void presence.leave(matrixId, user.id);
          return;
        }
        const lastChangeId = await opts.lastChangeId();
        if (closed) return;
        write(sseRetry(opts.retryMs ?? 2_000));
        write(sseEvent(LIVE_EVENTS.hello, { lastChangeId, presence: users } satisfies HelloEvent));
        ready = true;
        for (const message of held.splice(0)) write(sseEvent(message.type, message));
      } catch (err) {
        logger.error("opening an event stream failed", { err, matrixId });
        close();
        return;
      }
      heartbeat = setInterval(() => {
        write(sseComment("ping"));
        opts.checkAccess().then(
          (access) => {
            if (access !== "ok") close(access);
          },
          (err: unknown) => logger.warn("event stream access check failed", { err, matrixId }),
        );
      }, opts.heartbeatMs ?? 20_000);
    },
    cancel() {
      close();
    },
  });

  return new Response(stream, { headers: SSE_HEADERS });
}
