import "server-only";
import { db } from "@/lib/server/db";
import type { HistoryChange } from "@/lib/matrix/undo-plan";
import type { HistoryEntryDto, HistoryLabels } from "@/lib/matrix/history";

/** The columns every history read selects. */
export const changeSelect = {
  id: true,
  actorId: true,
  entity: true,
  entityId: true,
  action: true,
  before: true,
  after: true,
  groupId: true,
  origin: true,
  revertsGroupId: true,
  createdAt: true,
} as const;

export interface ChangeRow {
  id: number;
  actorId: string | null;
  entity: string;
  entityId: string;
  action: string;
  before: string | null;
  after: string | null;
  groupId: string | null;
  origin: string;
  revertsGroupId: string | null;
  createdAt: Date;
}

function parse(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** A stored row → the shape undo planning reads. Rows written before groups existed are their own group. */
export function toHistoryChange(r: ChangeRow): HistoryChange {
  return {
    id: r.id,
    actorId: r.actorId,
    entity: r.entity,
    entityId: r.entityId,
    action: r.action,
    before: parse(r.before),
    after: parse(r.after),
    groupId: r.groupId ?? `change:${r.id}`,
    origin: r.origin,
    revertsGroupId: r.revertsGroupId,
  };
}

/** Stored rows → feed entries with their authors' names (one query). */
export async function toEntries(rows: readonly ChangeRow[]): Promise<HistoryEntryDto[]> {
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((v): v is string => Boolean(v)))];
  const users = actorIds.length
    ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })
    : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    ...toHistoryChange(r),
    actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
    createdAt: r.createdAt.toISOString(),
  }));
}

function personIdIn(value: unknown): string | null {
  if (typeof value !== "object" || value === null) return null;
  const id = (value as { personId?: unknown }).personId;
  return typeof id === "string" ? id : null;
}

/** The names entries refer to: row titles, people and columns, deleted ones included. */
export async function loadLabels(
  matrixId: string,
  entries: readonly Pick<HistoryChange, "entity" | "entityId" | "before" | "after">[],
): Promise<HistoryLabels> {
  const rowIds = new Set<string>();
  const personIds = new Set<string>();
  const columnIds = new Set<string>();
  for (const e of entries) {
    if (e.entity === "cell") {
      const sep = e.entityId.indexOf("|");
      rowIds.add(e.entityId.slice(0, sep));
      personIds.add(e.entityId.slice(sep + 1));
    } else if (e.entity === "row") rowIds.add(e.entityId);
    else if (e.entity === "person") personIds.add(e.entityId);
    else if (e.entity === "column") {
      columnIds.add(e.entityId);
      const p = personIdIn(e.after) ?? personIdIn(e.before);
      if (p) personIds.add(p);
    }
  }
  const [rows, columns] = await Promise.all([
    rowIds.size
      ? db.responsibility.findMany({ where: { matrixId, id: { in: [...rowIds] } }, select: { id: true, title: true } })
      : [],
    columnIds.size
      ? db.matrixColumn.findMany({
          where: { matrixId, id: { in: [...columnIds] } },
          select: { id: true, personId: true },
        })
      : [],
  ]);
  for (const c of columns) personIds.add(c.personId);
  // People of this matrix's team only (the matrix scopes the lookup).
  const people = personIds.size
    ? await db.person.findMany({
        where: { id: { in: [...personIds] }, team: { matrices: { some: { id: matrixId } } } },
        select: { id: true, name: true },
      })
    : [];
  return {
    rows: Object.fromEntries(rows.map((r) => [r.id, r.title])),
    people: Object.fromEntries(people.map((p) => [p.id, p.name])),
    columns: Object.fromEntries(columns.map((c) => [c.id, c.personId])),
  };
}
