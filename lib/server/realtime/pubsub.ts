import "server-only";
import { logger } from "@/lib/server/logger";
import { deepFreeze } from "@/lib/raci/deep-freeze";
import type { MatrixMessage } from "@/lib/matrix/live";
import { db, dbProvider } from "@/lib/server/db";
import { env } from "@/lib/env";
import { findLastChangeId } from "@/lib/server/matrices/find-changes";
import { PgPubSub } from "@/lib/server/realtime/pg-pubsub";
import { PgPresenceStore } from "@/lib/server/realtime/pg-presence-store";

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
 * The process's bus: in-process on SQLite (one instance), LISTEN/NOTIFY on PostgreSQL
 * (any number of instances on one database; see pg-pubsub.ts). On PostgreSQL a
 * presence message crosses the wire as "presence changed" and each instance reads the
 * list from the Presence table; after a reconnect every open stream is told the newest
 * change id and who is here, so browsers catch up on what NOTIFY did not deliver.
 */
export function getPubSub(): PubSub {
  globalForPubSub.remitPubSub ??= dbProvider() === "postgresql" ? createPostgresPubSub() : new InProcessPubSub();
  return globalForPubSub.remitPubSub;
}

function matrixIdOf(channel: string): string | null {
  return channel.startsWith("matrix:") ? channel.slice("matrix:".length) : null;
}

function createPostgresPubSub(): PubSub {
  const presence = new PgPresenceStore(db);
  return new PgPubSub({
    connectionString: env().DATABASE_URL,
    // Through the Prisma pool: publishing never waits for the listener to reconnect.
    notify: async (channel, payload) => {
      await db.$executeRaw`SELECT pg_notify(${channel}, ${payload})`;
    },
    expand: async (channel, message) => {
      if (message.type === "change") return message;
      const matrixId = matrixIdOf(channel);
      return matrixId ? { type: "presence", users: await presence.list(matrixId) } : null;
    },
    resync: async (channel) => {
      const matrixId = matrixIdOf(channel);
      if (!matrixId) return [];
      const [changeId, users] = await Promise.all([findLastChangeId(matrixId), presence.list(matrixId)]);
      // "matrix" and the newest id: a client behind it catches up from GET …/changes?after=.
      return [
        { type: "change", changeId, actorId: null, entities: ["matrix"] },
        { type: "presence", users },
      ];
    },
  });
}
