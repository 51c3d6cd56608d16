import "server-only";
import { db } from "@/lib/server/db";
import { domainOrNull } from "@/lib/server/matrices/reshape";
import type { AgendaEntry, Ballot } from "@/lib/raci/workshop";
import type { Letters } from "@/lib/raci/types";
import type { AgendaItemDto, WorkshopColumnDto, WorkshopItemStatus } from "@/lib/matrix/workshop-dto";

/** Stored JSON letters ({ personId: letters }) read defensively: anything odd is no letters. */
export function parseRowLetters(json: string | null | undefined): Record<string, Letters> {
  if (!json) return {};
  try {
    const raw: unknown = JSON.parse(json);
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return {};
    const out: Record<string, Letters> = {};
    for (const [k, v] of Object.entries(raw)) if (typeof v === "string") out[k] = v;
    return out;
  } catch {
    return {};
  }
}

export function itemStatus(value: string): WorkshopItemStatus {
  return value === "decided" || value === "parked" ? value : "pending";
}

/** The matrix's columns now, in order. */
export async function loadColumns(matrixId: string): Promise<WorkshopColumnDto[]> {
  const columns = await db.matrixColumn.findMany({
    where: { matrixId, deletedAt: null, person: { deletedAt: null } },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { personId: true, person: { select: { name: true, roleTitle: true } } },
  });
  return columns.map((c) => ({ personId: c.personId, name: c.person.name, roleTitle: c.person.roleTitle }));
}

export interface AgendaRow extends AgendaItemDto {
  position: number;
  decision: string | null;
  decidedAt: Date | null;
  description: string;
  domain: ReturnType<typeof domainOrNull>;
}

/** The agenda in order, with each item's responsibility; items whose row was deleted meanwhile drop out. */
export async function loadAgenda(workshopId: string, matrixId: string): Promise<AgendaRow[]> {
  const items = await db.workshopItem.findMany({
    where: { workshopId },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: {
      id: true,
      responsibilityId: true,
      position: true,
      status: true,
      decision: true,
      agreement: true,
      voteCount: true,
      decidedAt: true,
    },
  });
  const rows = await db.responsibility.findMany({
    where: { matrixId, deletedAt: null },
    select: { id: true, title: true, description: true, category: true, domain: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: AgendaRow[] = [];
  for (const item of items) {
    const row = byId.get(item.responsibilityId);
    if (!row) continue;
    out.push({
      id: item.id,
      responsibilityId: item.responsibilityId,
      title: row.title,
      description: row.description,
      category: row.category,
      domain: domainOrNull(row.domain),
      status: itemStatus(item.status),
      agreement: item.agreement,
      voteCount: item.voteCount,
      position: item.position,
      decision: item.decision,
      decidedAt: item.decidedAt,
    });
  }
  return out;
}

export function agendaEntries(agenda: readonly AgendaRow[]): AgendaEntry[] {
  return agenda.map((a) => ({ id: a.id, status: a.status }));
}

/** The ballots of one item. */
export async function loadBallots(itemId: string): Promise<(Ballot & { userId: string })[]> {
  const votes = await db.workshopVote.findMany({
    where: { itemId },
    orderBy: { createdAt: "asc" },
    select: { userId: true, letters: true, skipped: true },
  });
  return votes.map((v) => ({ userId: v.userId, skipped: v.skipped, letters: parseRowLetters(v.letters) }));
}
