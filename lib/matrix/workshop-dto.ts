/**
 * The wire shapes of a facilitated workshop (GET /api/v1/workshops/{id}, …/summary).
 * Pure types, shared by the server (lib/server/workshops) and the screens
 * (components/workshop). Votes never travel one by one: before the reveal only how many
 * have voted; after it anonymous counts per column and letter.
 */
import type { Domain, Finding, Letters } from "@/lib/raci/types";
import type { Disagreement, MajorityDecision, Tally } from "@/lib/raci/workshop";

export type WorkshopStatus = "active" | "ended";
export type WorkshopPhase = "voting" | "revealed";
export type WorkshopItemStatus = "pending" | "decided" | "parked";

export interface WorkshopColumnDto {
  personId: string;
  name: string;
  roleTitle: string;
}

export interface AgendaItemDto {
  id: string;
  responsibilityId: string;
  title: string;
  category: string;
  status: WorkshopItemStatus;
  /** Share of votes matching the decision (0..1), null without votes or decision. */
  agreement: number | null;
  voteCount: number;
}

export interface RevealedResultDto {
  tally: Tally;
  majority: MajorityDecision;
  disagreements: Disagreement[];
}

export interface CurrentItemDto {
  itemId: string;
  responsibilityId: string;
  /** 1-based place in the agenda, and the agenda's length ("7 of 31"). */
  index: number;
  total: number;
  title: string;
  description: string;
  category: string;
  domain: Domain | null;
  status: WorkshopItemStatus;
  /** The decided letters, once decided. */
  decision: Record<string, Letters> | null;
  /** The row as it stands in the matrix now. */
  cells: Record<string, Letters>;
  /** Votes so far (skips included), of which skipped, and people expected to vote. */
  votes: { responded: number; skipped: number; expected: number };
  /** The caller's own vote on this item, if any. */
  myVote: { letters: Record<string, Letters>; skipped: boolean } | null;
  /** Only once revealed. */
  result: RevealedResultDto | null;
}

export interface WorkshopParticipantDto {
  userId: string;
  name: string;
  /** Seen within the last 45 seconds. */
  active: boolean;
}

export interface WorkshopStateDto {
  id: string;
  matrixId: string;
  matrixName: string;
  teamSlug: string;
  name: string;
  status: WorkshopStatus;
  phase: WorkshopPhase;
  /** Bumped by every change; a client ignores an answer older than what it holds. */
  version: number;
  joinCode: string;
  facilitator: { id: string; name: string };
  timerSeconds: number | null;
  itemStartedAt: string | null;
  /** The server's clock when answering, to run the timer without trusting the client's clock. */
  serverNow: string;
  viewer: { userId: string; canRun: boolean; canVote: boolean; joined: boolean };
  columns: WorkshopColumnDto[];
  agenda: AgendaItemDto[];
  current: CurrentItemDto | null;
  participants: WorkshopParticipantDto[];
}

/** A workshop in a list (the matrix page's banner, past workshops). */
export interface WorkshopSummaryRefDto {
  id: string;
  name: string;
  status: WorkshopStatus;
  joinCode: string;
  facilitatorName: string;
  createdAt: string;
  endedAt: string | null;
}

export interface SummaryItemDto {
  id: string;
  responsibilityId: string;
  title: string;
  category: string;
  status: WorkshopItemStatus;
  decision: Record<string, Letters> | null;
  agreement: number | null;
  voteCount: number;
  decidedAt: string | null;
}

export interface WorkshopSummaryDto {
  id: string;
  name: string;
  status: WorkshopStatus;
  matrixId: string;
  matrixName: string;
  teamSlug: string;
  teamName: string;
  facilitatorName: string;
  createdAt: string;
  endedAt: string | null;
  columns: WorkshopColumnDto[];
  items: SummaryItemDto[];
  counts: { total: number; decided: number; parked: number; pending: number };
  /** Mean agreement of decided items with votes, null when none. */
  averageAgreement: number | null;
  /** Item ids, least agreement first. */
  mostContested: string[];
  /** The matrix's findings now. */
  findings: Finding[];
}

/** Published on `workshop:<id>` after every change: clients refetch the state. */
export const WORKSHOP_EVENTS = { hello: "hello", workshop: "workshop", bye: "bye" } as const;

/** Participants seen within this long count as present (the stream heartbeat refreshes it). */
export const WORKSHOP_PARTICIPANT_TTL_MS = 45_000;
