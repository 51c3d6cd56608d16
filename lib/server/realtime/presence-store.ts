import "server-only";
import { PRESENCE_TTL_MS, type PresenceSelection, type PresenceUser } from "@/lib/matrix/live";
import { initialsOf, presenceColor } from "@/lib/matrix/presence-style";

export interface PresenceIdentity {
  id: string;
  name: string;
}

/**
 * Who is looking at which matrix. Async so that the multi-instance PostgreSQL build can
 * keep it in a table; the in-memory store serves the single SQLite instance. Every
 * mutating method answers whether the visible list changed (so callers only publish
 * what is news).
 */
export interface PresenceStore {
  /** A stream of this user opened on the matrix (one per tab). */
  join(matrixId: string, user: PresenceIdentity): Promise<boolean>;
  /** A stream closed; the user leaves when it was their last one. */
  leave(matrixId: string, userId: string): Promise<boolean>;
  /** A heartbeat, with the selection when the client sends one (`undefined` keeps it). */
  touch(matrixId: string, user: PresenceIdentity, selection?: PresenceSelection | null): Promise<boolean>;
  list(matrixId: string): Promise<PresenceUser[]>;
  /** Drops entries without a heartbeat for the TTL; returns the matrices that changed. */
  sweep(): Promise<string[]>;
  /** Shutdown: forget what this instance holds; returns the matrices that changed. */
  close?(): Promise<string[]>;
}

interface Entry {
  user: PresenceUser;
  lastSeen: number;
  joinedAt: number;
}

/**
 * In memory, per process. Entries are per user (two tabs show once: the selection is
 * the one sent last), kept alive by heartbeats and removed when the user's last stream
 * closes or after `ttlMs` without a heartbeat (a laptop closed mid-workshop, whose
 * stream the server cannot see die).
 */
export class InMemoryPresenceStore implements PresenceStore {
  private readonly entries = new Map<string, Map<string, Entry>>();
  /** Open streams per matrix and user; kept apart from entries, which may expire. */
  private readonly streams = new Map<string, Map<string, number>>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly ttlMs: number = PRESENCE_TTL_MS,
  ) {}

  async join(matrixId: string, user: PresenceIdentity): Promise<boolean> {
    const counts = this.streams.get(matrixId) ?? new Map<string, number>();
    this.streams.set(matrixId, counts);
    counts.set(user.id, (counts.get(user.id) ?? 0) + 1);
    return this.upsert(matrixId, user, undefined);
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
    return this.remove(matrixId, userId);
  }

  async touch(matrixId: string, user: PresenceIdentity, selection?: PresenceSelection | null): Promise<boolean> {
    return this.upsert(matrixId, user, selection);
  }

  async list(matrixId: string): Promise<PresenceUser[]> {
    const users = this.entries.get(matrixId);
    if (!users) return [];
    return [...users.values()].sort((a, b) => a.joinedAt - b.joinedAt).map((e) => e.user);
  }

  async sweep(): Promise<string[]> {
    const changed: string[] = [];
    const cutoff = this.now() - this.ttlMs;
    for (const [matrixId, users] of this.entries) {
      let removed = false;
      for (const [userId, entry] of users) {
        if (entry.lastSeen < cutoff) {
          users.delete(userId);
          removed = true;
        }
      }
      if (users.size === 0) this.entries.delete(matrixId);
      if (removed) changed.push(matrixId);
    }
    return changed;
  }

  /** Matrices with anyone present (diagnostics). */
  size(): number {
    return this.entries.size;
  }

  private upsert(
    matrixId: string,
    identity: PresenceIdentity,
    selection: PresenceSelection | null | undefined,
  ): boolean {
    let users = this.entries.get(matrixId);
    if (!users) {
      users = new Map();
      this.entries.set(matrixId, users);
    }
    const now = this.now();
    const prev = users.get(identity.id);
    const nextSelection = selection === undefined ? (prev?.user.selection ?? null) : selection;
    const user: PresenceUser = {
      userId: identity.id,
      name: identity.name,
      initials: initialsOf(identity.name),
      color: presenceColor(identity.id),
      selection: nextSelection,
    };
    users.set(identity.id, { user, lastSeen: now, joinedAt: prev?.joinedAt ?? now });
    return !prev || prev.user.name !== user.name || !sameSelection(prev.user.selection, nextSelection);
  }

  private remove(matrixId: string, userId: string): boolean {
    const users = this.entries.get(matrixId);
    if (!users?.delete(userId)) return false;
    if (users.size === 0) this.entries.delete(matrixId);
    return true;
  }
}

function sameSelection(a: PresenceSelection | null, b: PresenceSelection | null): boolean {
  if (a === null || b === null) return a === b;
  return a.rowId === b.rowId && a.personId === b.personId;
}
