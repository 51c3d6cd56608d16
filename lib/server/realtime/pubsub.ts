import "server-only";
import { logger } from "@/lib/server/logger";
import { deepFreeze } from "@/lib/raci/deep-freeze";
import type { MatrixMessage } from "@/lib/matrix/live";

/**
 * Publish/subscribe between the requests of the app: a write publishes "matrix X
 * changed", every open event stream of matrix X hears it.
 *
 * Messages are small JSON values (ids, not documents): the PostgreSQL implementation
 * (LISTEN/NOTIFY, for several instances) caps a payload at 8000 bytes, so keep them far
 * below that. Delivery is at-most-once and asynchronous: a listener never runs inside
 * `publish`, and a client that missed a message catches up from the change log.
 */
export interface PubSub {
  publish(channel: string, message: MatrixMessage): Promise<void>;
  /** Returns the unsubscribe function (idempotent). */
  subscribe(channel: string, listener: (message: MatrixMessage) => void): () => void;
  close(): Promise<void>;
}

/** The channel of one matrix. */
export function matrixChannel(matrixId: string): string {
  return `matrix:${matrixId}`;
}

/**
 * For one server process (the SQLite build). A Map of Sets rather than an EventEmitter:
 * no max-listener warnings with 30 streams on a matrix, a listener that throws cannot
 * stop the others, and a channel's entry goes away with its last listener.
 */
export class InProcessPubSub implements PubSub {
  private readonly channels = new Map<string, Set<(message: MatrixMessage) => void>>();
  private closed = false;

  async publish(channel: string, message: MatrixMessage): Promise<void> {
    if (this.closed) return;
    // A JSON round trip, like the wire of the multi-instance implementation: listeners
    // get their own frozen copy and can never see (or change) the publisher's object.
    const copy = deepFreeze(JSON.parse(JSON.stringify(message)) as MatrixMessage);
    const listeners = this.channels.get(channel);
    if (!listeners?.size) return;
    // Snapshot: a listener may unsubscribe (itself or others) while we deliver.
    const targets = [...listeners];
    queueMicrotask(() => {
      for (const listener of targets) {
        if (!listeners.has(listener)) continue;
        try {
          listener(copy);
        } catch (err) {
          logger.error("pubsub listener failed", { err, channel });
        }
      }
    });
  }

  subscribe(channel: string, listener: (message: MatrixMessage) => void): () => void {
    if (this.closed) return () => {};
    // Each subscription is its own entry, even for the same function.
    const entry = (message: MatrixMessage) => listener(message);
    let set = this.channels.get(channel);
    if (!set) {
      set = new Set();
      this.channels.set(channel, set);
    }
    set.add(entry);
    return () => {
      const current = this.channels.get(channel);
      if (!current) return;
      current.delete(entry);
      if (current.size === 0) this.channels.delete(channel);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.channels.clear();
  }

  /** Listeners per channel (diagnostics and tests). */
  listenerCount(channel?: string): number {
    if (channel !== undefined) return this.channels.get(channel)?.size ?? 0;
    let n = 0;
    for (const set of this.channels.values()) n += set.size;
    return n;
  }
}

// On globalThis: route handlers are bundled separately, and every one of them must
// reach the same bus (as lib/server/db.ts does for the Prisma client).
const globalForPubSub = globalThis as unknown as { remitPubSub?: PubSub };

/**
 * The process's bus. Today always in-process: one instance serves SQLite, and a single
 * PostgreSQL instance works the same way. The multi-instance build adds a
 * `PostgresPubSub` (LISTEN/NOTIFY on a dedicated connection) here, chosen when
 * `dbProvider() === "postgresql"`; nothing else changes.
 */
export function getPubSub(): PubSub {
  globalForPubSub.remitPubSub ??= new InProcessPubSub();
  return globalForPubSub.remitPubSub;
}
