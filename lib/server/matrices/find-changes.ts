import "server-only";
import { db } from "@/lib/server/db";
import { findCells } from "@/lib/server/matrices/find-cells";
import { requireMatrixAccess } from "@/lib/server/matrices/require-matrix-access";
import {
  MAX_CHANGES_PER_FEED,
  type CellSnapshotDto,
  type ChangeEntity,
  type ChangeEntryDto,
  type ChangesFeedDto,
} from "@/lib/matrix/live";

const ENTITIES = new Set<string>(["cell", "row", "column", "matrix", "settings", "person"]);
const ACTIONS = new Set<string>(["create", "update", "delete", "restore", "move"]);

/** The id of the matrix's newest recorded change (0 when none). */
export async function findLastChangeId(matrixId: string): Promise<number> {
  const last = await db.matrixChange.findFirst({ where: { matrixId }, orderBy: { id: "desc" }, select: { id: true } });
  return last?.id ?? 0;
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** "rowId|personId" → its parts, or null for anything else. */
function splitCellKey(key: string): { rowId: string; personId: string } | null {
  const sep = key.indexOf("|");
  if (sep <= 0 || sep === key.length - 1) return null;
  return { rowId: key.slice(0, sep), personId: key.slice(sep + 1) };
}

/**
 * The changes of a matrix after `after`, oldest first, for live catch-up: at most
 * {@link MAX_CHANGES_PER_FEED} (more is `tooMany`: reloading the matrix is cheaper),
 * with who made each and the current letters and version of every cell they touched.
 * Authorized like reading the matrix. Three queries whatever the count.
 */
export async function findChangesAfter(userId: string, matrixId: string, after: number): Promise<ChangesFeedDto> {
  await requireMatrixAccess(userId, matrixId);
  const rows = await db.matrixChange.findMany({
    where: { matrixId, id: { gt: after } },
    orderBy: { id: "asc" },
    take: MAX_CHANGES_PER_FEED + 1,
    select: { id: true, entity: true, entityId: true, action: true, after: true, actorId: true, createdAt: true },
  });
  if (rows.length > MAX_CHANGES_PER_FEED) return { tooMany: true, lastChangeId: await findLastChangeId(matrixId) };
  if (rows.length === 0)
    return { changes: [], cells: [], lastChangeId: Math.max(after, await findLastChangeId(matrixId)) };

  const cellKeys = new Map<string, { rowId: string; personId: string }>();
  for (const r of rows) {
    const parts = r.entity === "cell" ? splitCellKey(r.entityId) : null;
    if (parts) cellKeys.set(r.entityId, parts);
  }
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((v): v is string => Boolean(v)))];
  const [actors, cells] = await Promise.all([
    actorIds.length ? db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }) : [],
    cellKeys.size
      ? findCells(
          matrixId,
          [...cellKeys.values()].map((k) => ({ responsibilityId: k.rowId, personId: k.personId })),
        )
      : [],
  ]);
  const names = new Map(actors.map((a) => [a.id, a.name]));

  const changes: ChangeEntryDto[] = rows
    .filter((r) => ENTITIES.has(r.entity) && ACTIONS.has(r.action))
    .map((r) => ({
      id: r.id,
      entity: r.entity as ChangeEntity,
      entityId: r.entityId,
      action: r.action as ChangeEntryDto["action"],
      after: parseJson(r.after),
      actorId: r.actorId,
      actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
      createdAt: r.createdAt.toISOString(),
    }));
  const snapshots: CellSnapshotDto[] = cells.map((c) => ({
    rowId: c.responsibilityId,
    personId: c.personId,
    letters: c.letters,
    version: c.version,
  }));
  return { changes, cells: snapshots, lastChangeId: rows[rows.length - 1]?.id ?? after };
}
