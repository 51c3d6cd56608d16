import "server-only";
import { logger } from "@/lib/server/logger";
import { onShutdown } from "@/lib/server/shutdown";
import { getPubSub, matrixChannel, type PubSub } from "@/lib/server/realtime/pubsub";
import { InMemoryPresenceStore, type PresenceIdentity, type PresenceStore } from "@/lib/server/realtime/presence-store";
import { db, dbProvider } from "@/lib/server/db";
import { PgPresenceStore } from "@/lib/server/realtime/pg-presence-store";
import type { PresenceSelection, PresenceUser } from "@/lib/matrix/live";

/**
 * Presence on top of a store: every change of the visible list is published on the
 * matrix's channel, coalesced per matrix (30 people moving their selection at once
 * cost a few messages per second, not one per keystroke), and entries without a
 * heartbeat are swept.
 */
export class PresenceService {
  private readonly scheduled = new Map<string, ReturnType<typeof setTimeout>>();
  private sweeper: ReturnType<typeof setInterval> | null = null;

  constructor(
    readonly store: PresenceStore,
    private readonly pubsub: () => PubSub,
    private readonly opts: { coalesceMs?: number; sweepMs?: number } = {},
  ) {}

  async join(matrixId: string, user: PresenceIdentity): Promise<PresenceUser[]> {
    this.startSweeper();
    if (await this.store.join(matrixId, user)) this.schedule(matrixId);
    return this.store.list(matrixId);
  }

  async leave(matrixId: string, userId: string): Promise<void> {
    if (await this.store.leave(matrixId, userId)) this.schedule(matrixId);
  }

  async touch(matrixId: string, user: PresenceIdentity, selection: PresenceSelection | null): Promise<void> {
    this.startSweeper();
    if (await this.store.touch(matrixId, user, selection)) this.schedule(matrixId);
  }

  list(matrixId: string): Promise<PresenceUser[]> {
    return this.store.list(matrixId);
  }

  /**
   * Shutdown: publishes the changes still waiting to be coalesced, then lets the store
   * forget this instance (the PostgreSQL store deletes its rows, so other instances stop
   * listing people whose only stream was here), and publishes those matrices again.
   */
  async close(): Promise<void> {
    const pending = [...this.scheduled.keys()];
    this.stop();
    const gone = (await this.store.close?.()) ?? [];
    await Promise.all([...new Set([...pending, ...gone])].map((id) => this.publish(id)));
  }

  /** Stops timers (shutdown, tests). Pending publications are dropped. */
  stop(): void {
    for (const t of this.scheduled.values()) clearTimeout(t);
    this.scheduled.clear();
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
  }

  private schedule(matrixId: string): void {
    if (this.scheduled.has(matrixId)) return;
    const timer = setTimeout(() => {
      this.scheduled.delete(matrixId);
      void this.publish(matrixId);
    }, this.opts.coalesceMs ?? 50);
    timer.unref?.();
    this.scheduled.set(matrixId, timer);
  }

  private async publish(matrixId: string): Promise<void> {
    try {
      const users = await this.store.list(matrixId);
      await this.pubsub().publish(matrixChannel(matrixId), { type: "presence", users });
    } catch (err) {
      logger.error("publishing presence failed", { err, matrixId });
    }
  }

  private startSweeper(): void {
    if (this.sweeper) return;
    this.sweeper = setInterval(() => {
      this.store.sweep().then(
        (changed) => changed.forEach((id) => this.schedule(id)),
        (err: unknown) => logger.error("presence sweep failed", { err }),
      );
    }, this.opts.sweepMs ?? 10_000);
    // Never keeps the process alive on its own.
    this.sweeper.unref?.();
  }
}

const globalForPresence = globalThis as unknown as { remitPresence?: PresenceService };

/**
 * The process's presence. In memory for the single SQLite instance; in the Presence
 * table on PostgreSQL, where several instances share it (pg-presence-store.ts).
 */
export function getPresence(): PresenceService {
  if (!globalForPresence.remitPresence) {
    const service = new PresenceService(
      dbProvider() === "postgresql" ? new PgPresenceStore(db) : new InMemoryPresenceStore(),
      getPubSub,
    );
    globalForPresence.remitPresence = service;
    onShutdown("presence", { phase: "last", order: 20, run: () => service.close() });
  }
  return globalForPresence.remitPresence;
}
