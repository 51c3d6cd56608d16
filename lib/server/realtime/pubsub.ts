import "server-only";
import { ListenerRegistry, frozenCopy } from "@/lib/server/realtime/listener-registry";
import type { MatrixMessage } from "@/lib/matrix/live";
import { db, dbProvider } from "@/lib/server/db";
import { env } from "@/lib/env";
import { onShutdown } from "@/lib/server/shutdown";
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

/** For one server process (the SQLite build): delivery in a microtask, never inside `publish`. */
export class InProcessPubSub implements PubSub {
  private readonly listeners = new ListenerRegistry();
  private closed = false;

  async publish(channel: string, message: MatrixMessage): Promise<void> {
    if (this.closed || !this.listeners.has(channel)) return;
    // Copied now, like the wire of the multi-instance implementation.
    const copy = frozenCopy(message);
    queueMicrotask(() => this.listeners.deliver(channel, copy));
  }

  subscribe(channel: string, listener: (message: MatrixMessage) => void): () => void {
    if (this.closed) return () => {};
    return this.listeners.add(channel, listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
  }

  /** Listeners per channel (diagnostics and tests). */
  listenerCount(channel?: string): number {
    return this.listeners.count(channel);
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
  if (!globalForPubSub.remitPubSub) {
    const bus = dbProvider() === "postgresql" ? createPostgresPubSub() : new InProcessPubSub();
    globalForPubSub.remitPubSub = bus;
    // Last of all: writes still in flight at shutdown must reach the other instances.
    onShutdown("pubsub", { phase: "last", order: 30, run: () => bus.close() });
  }
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
      if (message.type !== "presence") return message;
      const matrixId = matrixIdOf(channel);
      return matrixId ? { type: "presence", users: await presence.list(matrixId) } : null;
    },
    resync: async (channel) => {
      if (channel.startsWith("workshop:")) {
        // Workshop screens refetch the state on any message: tell them the current version.
        const workshopId = channel.slice("workshop:".length);
        const w = await db.workshop.findUnique({ where: { id: workshopId }, select: { version: true } });
        return w ? [{ type: "workshop", workshopId, version: w.version }] : [];
      }
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
