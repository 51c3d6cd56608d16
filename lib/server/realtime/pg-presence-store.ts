import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/server/db";
import { PRESENCE_TTL_MS, type PresenceSelection, type PresenceUser } from "@/lib/matrix/live";
import { initialsOf, presenceColor } from "@/lib/matrix/presence-style";
import type { PresenceIdentity, PresenceStore } from "@/lib/server/realtime/presence-store";

interface Row {
  userId: string;
  instanceId: string;
  name: string;
  selectionRowId: string | null;
  selectionPersonId: string | null;
  joinedAt: Date;
  seenAt: Date;
}

/**
 * Folds the rows of one matrix (one per user and instance) into the visible list: a
 * user once, however many instances hold a stream of theirs, with the name and
 * selection of their most recent heartbeat, in order of arrival. Pure.
 */
export function foldPresenceRows(rows: Row[], cutoff: number): PresenceUser[] {
  const byUser = new Map<string, { latest: Row; joinedAt: number }>();
  for (const row of rows) {
    if (row.seenAt.getTime() < cutoff) continue;
    const prev = byUser.get(row.userId);
    if (!prev) {
      byUser.set(row.userId, { latest: row, joinedAt: row.joinedAt.getTime() });
      continue;
    }
    if (row.seenAt > prev.latest.seenAt) prev.latest = row;
    prev.joinedAt = Math.min(prev.joinedAt, row.joinedAt.getTime());
  }
  return [...byUser.values()]
    .sort((a, b) => a.joinedAt - b.joinedAt || a.latest.userId.localeCompare(b.latest.userId))
    .map(({ latest }) => ({
      userId: latest.userId,
      name: latest.name,
      initials: initialsOf(latest.name),
      color: presenceColor(latest.userId),
      selection:
        latest.selectionRowId && latest.selectionPersonId
          ? { rowId: latest.selectionRowId, personId: latest.selectionPersonId }
          : null,
    }));
}

function sameUsers(a: PresenceUser[], b: PresenceUser[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Presence in the Presence table, shared by every instance on one PostgreSQL database.
 * Each instance owns its rows (key: matrix, user, instance): a stream that closes
 * removes this instance's row when it was the user's last stream here, and the user
 * stays listed while another instance still has a row of theirs. Heartbeats refresh
 * every row of the user on the matrix; rows without one for the TTL are swept by
 * whichever instance sweeps first (a crashed instance's rows go that way).
 */
export class PgPresenceStore implements PresenceStore {
  /** Open streams on this instance, per matrix and user. */
  private readonly streams = new Map<string, Map<string, number>>();

  constructor(
    private readonly db: Db,
    readonly instanceId: string = randomUUID(),
    private readonly now: () => number = Date.now,
    private readonly ttlMs: number = PRESENCE_TTL_MS,
  ) {}

  async join(matrixId: string, user: PresenceIdentity): Promise<boolean> {
    const counts = this.streams.get(matrixId) ?? new Map<string, number>();
    this.streams.set(matrixId, counts);
    counts.set(user.id, (counts.get(user.id) ?? 0) + 1);
    const before = await this.list(matrixId);
    const now = new Date(this.now());
    // Take over the selection of the user's other rows (another tab, another instance).
    const other = before.find((u) => u.userId === user.id)?.selection ?? null;
    await this.upsertOwnRow(matrixId, user, other, now, { name: user.name, seenAt: now });
    return !sameUsers(before, await this.list(matrixId));
  }

  async leave(matrixId: string, userId: string): Promise<boolean> {
    const counts = this.streams.get(matrixId);
    const left = (counts?.get(userId) ?? 0) - 1;
    if (counts && left > 0) {
      counts.set(userId, left);
      return false;
    }
    counts?.delete(userId);
    if (counts?.size === 0) this.streams.delete(matrixId);
    const before = await this.list(matrixId);
    await this.db.presence.deleteMany({ where: { matrixId, userId, instanceId: this.instanceId } });
    return !sameUsers(before, await this.list(matrixId));
  }

  /** This instance's row for the user: created with the given selection, or updated with `update`. */
  private async upsertOwnRow(
    matrixId: string,
    user: PresenceIdentity,
    selection: PresenceSelection | null,
    now: Date,
    update: { name: string; seenAt: Date; selectionRowId?: string | null; selectionPersonId?: string | null },
  ): Promise<void> {
    await this.db.presence.upsert({
      where: { matrixId_userId_instanceId: { matrixId, userId: user.id, instanceId: this.instanceId } },
      create: {
        matrixId,
        userId: user.id,
        instanceId: this.instanceId,
        name: user.name,
        selectionRowId: selection?.rowId ?? null,
        selectionPersonId: selection?.personId ?? null,
        joinedAt: now,
        seenAt: now,
      },
      update,
    });
  }

  async touch(matrixId: string, user: PresenceIdentity, selection?: PresenceSelection | null): Promise<boolean> {
    const before = await this.list(matrixId);
    const now = new Date(this.now());
    const data = {
      name: user.name,
      seenAt: now,
      ...(selection === undefined
        ? {}
        : { selectionRowId: selection?.rowId ?? null, selectionPersonId: selection?.personId ?? null }),
    };
    const { count } = await this.db.presence.updateMany({ where: { matrixId, userId: user.id }, data });
    if (count === 0) {
      // A heartbeat before (or without) a stream: listed until it expires, like in memory.
      await this.upsertOwnRow(matrixId, user, selection ?? null, now, data);
    }
    return !sameUsers(before, await this.list(matrixId));
  }

  /** Shutdown: this instance's rows go (another instance's row keeps its user listed). */
  async close(): Promise<string[]> {
    const rows = await this.db.presence.findMany({
      where: { instanceId: this.instanceId },
      select: { matrixId: true },
      distinct: ["matrixId"],
    });
    this.streams.clear();
    await this.db.presence.deleteMany({ where: { instanceId: this.instanceId } });
    return rows.map((r) => r.matrixId);
  }

  async list(matrixId: string): Promise<PresenceUser[]> {
    const cutoff = this.now() - this.ttlMs;
    const rows = await this.db.presence.findMany({
      where: { matrixId, seenAt: { gte: new Date(cutoff) } },
      select: {
        userId: true,
        instanceId: true,
        name: true,
        selectionRowId: true,
        selectionPersonId: true,
        joinedAt: true,
        seenAt: true,
      },
    });
    return foldPresenceRows(rows, cutoff);
  }

  async sweep(): Promise<string[]> {
    const cutoff = new Date(this.now() - this.ttlMs);
    const stale = await this.db.presence.findMany({
      where: { seenAt: { lt: cutoff } },
      select: { matrixId: true },
      distinct: ["matrixId"],
    });
    if (!stale.length) return [];
    await this.db.presence.deleteMany({ where: { seenAt: { lt: cutoff } } });
    return stale.map((s) => s.matrixId);
  }
}
