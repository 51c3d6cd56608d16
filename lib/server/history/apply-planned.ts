import "server-only";
import { AppError } from "@/lib/server/errors";
import { recordChanges, type ChangeInput, type RecordOptions, type Tx } from "@/lib/server/matrices/record-change";
import { rowAbove, rowPosition } from "@/lib/server/matrices/rows";
import { columnLeftOf, columnPosition } from "@/lib/server/matrices/columns";
import { rowSelect } from "@/lib/server/matrices/reshape";
import { readSettings } from "@/lib/raci/settings";
import { normalizeLetters } from "@/lib/raci/letters";
import type { ChangeEntity } from "@/lib/matrix/live";
import type { PlannedChange } from "@/lib/matrix/undo-plan";

/** A cell as written by undo, redo or a restore (the client patches its cache with it). */
export interface WrittenCell {
  responsibilityId: string;
  personId: string;
  letters: string;
  version: number;
}

export interface AppliedChanges {
  changeId: number;
  cells: WrittenCell[];
  entities: ChangeEntity[];
}

type ApplyTx = Tx;

const stale = () =>
  new AppError("CONFLICT", "Someone changed this matrix at the same moment; nothing was changed. Try again.");

function obj(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** `null` (first), an id, or undefined when the record holds no place. */
function afterIdOf(value: unknown): string | null | undefined {
  const v = obj(value).afterId;
  return v === null ? null : typeof v === "string" ? v : undefined;
}

async function applyCell(tx: ApplyTx, matrixId: string, userId: string, p: PlannedChange, out: AppliedChanges) {
  const sep = p.entityId.indexOf("|");
  const responsibilityId = p.entityId.slice(0, sep);
  const personId = p.entityId.slice(sep + 1);
  const letters = normalizeLetters(text(p.after) ?? "");
  const cur = await tx.cell.findUnique({
    where: { responsibilityId_personId: { responsibilityId, personId } },
    select: { letters: true, version: true, matrixId: true },
  });
  if (cur && cur.matrixId !== matrixId) throw stale();
  if ((cur?.letters ?? "") === letters) return null;
  let version = 1;
  if (cur) {
    const { count } = await tx.cell.updateMany({
      where: { responsibilityId, personId, version: cur.version },
      data: { letters, version: cur.version + 1, updatedById: userId },
    });
    if (count !== 1) throw stale();
    version = cur.version + 1;
  } else {
    await tx.cell.create({ data: { matrixId, responsibilityId, personId, letters, version: 1, updatedById: userId } });
  }
  out.cells.push({ responsibilityId, personId, letters, version });
  return {
    entity: "cell",
    entityId: p.entityId,
    action: "update",
    before: cur?.letters ?? "",
    after: letters,
  } as const;
}

/** The row fields a recorded state holds (a move may carry a new category too). */
function rowFields(value: unknown) {
  const a = obj(value);
  return {
    ...(text(a.title) !== undefined ? { title: text(a.title) } : {}),
    ...(text(a.description) !== undefined ? { description: text(a.description) } : {}),
    ...(text(a.category) !== undefined ? { category: text(a.category) } : {}),
    ...("domain" in a ? { domain: text(a.domain) ?? null } : {}),
  };
}

async function applyRow(tx: ApplyTx, matrixId: string, p: PlannedChange): Promise<ChangeInput | null> {
  const row = await tx.responsibility.findFirst({
    where: { id: p.entityId, matrixId },
    select: { ...rowSelect, deletedAt: true },
  });
  if (!row) return null;
  const { deletedAt, ...current } = row;
  const guard = { id: row.id, version: row.version };
  switch (p.action) {
    case "create":
    case "restore": {
      if (!deletedAt) return null;
      const { count } = await tx.responsibility.updateMany({
        where: guard,
        data: { deletedAt: null, version: { increment: 1 } },
      });
      if (count !== 1) throw stale();
      return { entity: "row", entityId: row.id, action: "restore", after: current };
    }
    case "delete": {
      if (deletedAt) return null;
      const { count } = await tx.responsibility.updateMany({
        where: guard,
        data: { deletedAt: new Date(), version: { increment: 1 } },
      });
      if (count !== 1) throw stale();
      return { entity: "row", entityId: row.id, action: "delete", before: current };
    }
    case "move": {
      const target = afterIdOf(p.after);
      if (target === undefined || deletedAt) return null;
      const above = await rowAbove(tx, matrixId, row.id);
      const fields = rowFields(p.after);
      const changed = Object.entries(fields).some(([k, v]) => current[k as keyof typeof current] !== v);
      if (above === target && !changed) return null;
      const position = above === target ? undefined : await rowPosition(tx, matrixId, target, row.id);
      const { count } = await tx.responsibility.updateMany({
        where: guard,
        data: { ...fields, ...(position !== undefined ? { position } : {}), version: { increment: 1 } },
      });
      if (count !== 1) throw stale();
      const after = await tx.responsibility.findUniqueOrThrow({ where: { id: row.id }, select: rowSelect });
      return {
        entity: "row",
        entityId: row.id,
        action: "move",
        before: { ...current, afterId: above },
        after: { ...after, afterId: target },
      };
    }
    default: {
      const data = rowFields(p.after);
      const changed = Object.entries(data).some(([k, v]) => current[k as keyof typeof current] !== v);
      if (!changed) return null;
      const { count } = await tx.responsibility.updateMany({
        where: guard,
        data: { ...data, version: { increment: 1 } },
      });
      if (count !== 1) throw stale();
      const after = await tx.responsibility.findUniqueOrThrow({ where: { id: row.id }, select: rowSelect });
      return { entity: "row", entityId: row.id, action: "update", before: current, after };
    }
  }
}

async function applyColumn(tx: ApplyTx, matrixId: string, p: PlannedChange): Promise<ChangeInput | null> {
  const column = await tx.matrixColumn.findFirst({
    where: { id: p.entityId, matrixId },
    select: { id: true, version: true, deletedAt: true, person: { select: { id: true, name: true } } },
  });
  if (!column) return null;
  const who = { personId: column.person.id, name: column.person.name };
  const guard = { id: column.id, version: column.version };
  switch (p.action) {
    case "create":
    case "restore": {
      if (!column.deletedAt) return null;
      const { count } = await tx.matrixColumn.updateMany({
        where: guard,
        data: { deletedAt: null, version: { increment: 1 } },
      });
      if (count !== 1) throw stale();
      return { entity: "column", entityId: column.id, action: "restore", after: who };
    }
    case "delete": {
      if (column.deletedAt) return null;
      const { count } = await tx.matrixColumn.updateMany({
        where: guard,
        data: { deletedAt: new Date(), version: { increment: 1 } },
      });
      if (count !== 1) throw stale();
      return { entity: "column", entityId: column.id, action: "delete", before: who };
    }
    case "move": {
      const target = afterIdOf(p.after);
      if (target === undefined || column.deletedAt) return null;
      const left = await columnLeftOf(tx, matrixId, column.id);
      if (left === target) return null;
      const position = await columnPosition(tx, matrixId, target, column.id);
      const { count } = await tx.matrixColumn.updateMany({
        where: guard,
        data: { position, version: { increment: 1 } },
      });
      if (count !== 1) throw stale();
      return {
        entity: "column",
        entityId: column.id,
        action: "move",
        before: { ...who, afterId: left },
        after: { ...who, afterId: target },
      };
    }
    default:
      return null;
  }
}

async function applyMatrix(tx: ApplyTx, matrixId: string, p: PlannedChange): Promise<ChangeInput | null> {
  if (p.action !== "update") return null;
  const m = await tx.matrix.findUniqueOrThrow({
    where: { id: matrixId },
    select: { name: true, description: true, settings: true, version: true },
  });
  const a = obj(p.after);
  const before = { name: m.name, description: m.description, settings: readSettings(m.settings).settings };
  const after = {
    name: text(a.name) ?? m.name,
    description: text(a.description) ?? m.description,
    settings: a.settings !== undefined ? readSettings(JSON.stringify(a.settings)).settings : before.settings,
  };
  if (JSON.stringify(before) === JSON.stringify(after)) return null;
  const { count } = await tx.matrix.updateMany({
    where: { id: matrixId, version: m.version },
    data: {
      name: after.name,
      description: after.description,
      settings: JSON.stringify(after.settings),
      version: { increment: 1 },
    },
  });
  if (count !== 1) throw stale();
  return {
    entity: p.entity === "settings" ? "settings" : "matrix",
    entityId: matrixId,
    action: "update",
    before,
    after,
  };
}

/**
 * Writes planned changes (undo, redo, a snapshot restore) inside a transaction, each
 * with its version guard, and records what was really done as ONE group. Changes that
 * no longer change anything (the cell already shows the value, the row is already
 * deleted) are skipped. A snapshot-restore marker (entity matrix, action restore) is
 * recorded as is, so the feed can name the snapshot. Callers have authorized.
 */
export async function applyPlanned(
  tx: ApplyTx,
  matrixId: string,
  userId: string,
  planned: readonly PlannedChange[],
  options: RecordOptions,
): Promise<AppliedChanges> {
  const out: AppliedChanges = { changeId: 0, cells: [], entities: [] };
  const records: ChangeInput[] = [];
  for (const p of planned) {
    let rec: ChangeInput | null = null;
    if (p.entity === "cell") rec = await applyCell(tx, matrixId, userId, p, out);
    else if (p.entity === "row") rec = await applyRow(tx, matrixId, p);
    else if (p.entity === "column") rec = await applyColumn(tx, matrixId, p);
    else if (p.entity === "matrix" && (p.action === "restore" || p.action === "delete")) {
      const marker = obj(p.after).snapshotId ? p.after : p.before;
      rec = { entity: "matrix", entityId: matrixId, action: "restore", after: marker };
    } else if (p.entity === "settings" || p.entity === "matrix") rec = await applyMatrix(tx, matrixId, p);
    if (rec) records.push(rec);
  }
  if (!records.some((r) => !(r.entity === "matrix" && r.action === "restore"))) {
    // Nothing to change. A restore then records nothing; an undo or redo still records
    // its step (the values already match), or the user's stack would never move past it.
    if (options.origin !== "undo" && options.origin !== "redo") return out;
    records.splice(0, records.length, ...planned.map((p) => ({ ...p, entity: p.entity as ChangeInput["entity"] })));
  }
  out.changeId = await recordChanges(tx, matrixId, userId, records, options);
  out.entities = [...new Set(records.map((r) => r.entity as ChangeEntity))];
  return out;
}
