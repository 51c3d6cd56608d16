/**
 * The wire shapes of live collaboration: the server-sent events of
 * GET /api/v1/matrices/{id}/events, the catch-up feed of GET …/changes and presence.
 * Pure types and constants, shared by the server (lib/server/realtime) and the client
 * (components/matrix/live).
 */
import type { Letters } from "@/lib/raci/types";

/** What a recorded change is about (MatrixChange.entity). */
export type ChangeEntity = "cell" | "row" | "column" | "matrix" | "settings" | "person";

/** A cell someone has selected: its row (responsibility) and its column's person. */
export interface PresenceSelection {
  rowId: string;
  personId: string;
}

/** One person looking at a matrix (once, however many tabs they have open). */
export interface PresenceUser {
  userId: string;
  name: string;
  initials: string;
  /** A CSS colour from the presence palette, readable on light and dark backgrounds. */
  color: string;
  selection: PresenceSelection | null;
}

/**
 * Published on `matrix:<id>` after a change has committed. Ids only: a client fetches
 * what it needs from GET …/changes?after=. `changeId` is the newest MatrixChange id of
 * the write; person edits are not in the change log and carry the matrix's current
 * newest id (clients refetch the matrix for them).
 */
export interface ChangeMessage {
  type: "change";
  changeId: number;
  actorId: string | null;
  entities: ChangeEntity[];
}

/** Published on `matrix:<id>` whenever who is here, or what they have selected, changes. */
export interface PresenceMessage {
  type: "presence";
  users: PresenceUser[];
}

/**
 * Published on `workshop:<id>` after any change of a facilitated workshop (a vote, a
 * reveal, a decision…): ids only, clients refetch the workshop's state. Also on
 * `matrix:<id>` when one of the matrix's workshops starts or ends: its pages refetch the
 * matrix's workshops (the "Workshop in progress" banner).
 */
export interface WorkshopMessage {
  type: "workshop";
  workshopId: string;
  version: number;
}

export type MatrixMessage = ChangeMessage | PresenceMessage | WorkshopMessage;

/** The first event of every stream: where the matrix stands now, and who is here. */
export interface HelloEvent {
  lastChangeId: number;
  presence: PresenceUser[];
}

/** Why the server ended a stream; `forbidden` and `gone` mean "do not reconnect". */
export interface ByeEvent {
  reason: "forbidden" | "gone" | "shutdown" | "overflow";
}

/** Event names of the stream (`event:` lines). */
export const LIVE_EVENTS = {
  hello: "hello",
  change: "change",
  presence: "presence",
  workshop: "workshop",
  bye: "bye",
} as const;

/** One recorded change, as GET …/changes returns it. */
export interface ChangeEntryDto {
  id: number;
  entity: ChangeEntity;
  entityId: string;
  action: "create" | "update" | "delete" | "restore" | "move";
  /** The recorded `after` JSON (letters for a cell), or null. */
  after: unknown;
  actorId: string | null;
  actorName: string | null;
  createdAt: string;
}

/** The current state of a cell touched by the changes of a feed. */
export interface CellSnapshotDto {
  rowId: string;
  personId: string;
  letters: Letters;
  version: number;
}

/** At most this many changes per answer; beyond it the client reloads the matrix. */
export const MAX_CHANGES_PER_FEED = 500;

/**
 * GET /api/v1/matrices/{id}/changes?after=<changeId>. `cells` holds the current letters
 * and version of every cell the changes touched (the change log keeps letters, not
 * versions), so the client can patch its cache without a conflict on the next write.
 */
export type ChangesFeedDto =
  | { tooMany?: false; changes: ChangeEntryDto[]; cells: CellSnapshotDto[]; lastChangeId: number }
  | { tooMany: true; lastChangeId: number };

/** Presence timing, shared so that client heartbeats and server expiry agree. */
export const PRESENCE_HEARTBEAT_MS = 20_000;
export const PRESENCE_TTL_MS = 45_000;
