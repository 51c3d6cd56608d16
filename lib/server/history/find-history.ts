import "server-only";
import { db } from "@/lib/server/db";
import { requireMatrixAccess } from "@/lib/server/matrices/require-matrix-access";
import { changeSelect, loadLabels, toEntries } from "@/lib/server/history/history-data";
import type { CellHistoryDto, HistoryPageDto } from "@/lib/matrix/history";

/** At most this many changes per page of the feed (a group is never cut in two unless it alone is larger). */
export const HISTORY_PAGE_MAX = 200;

/**
 * The activity feed of a matrix, newest first: changes with an id below `before` (all
 * when absent), about `limit` of them, whole groups, with the names they refer to.
 * Anyone who may view the matrix may read it.
 */
export async function findHistory(
  userId: string,
  matrixId: string,
  { before, limit }: { before?: number; limit: number },
): Promise<HistoryPageDto> {
  await requireMatrixAccess(userId, matrixId);
  const take = Math.min(limit, HISTORY_PAGE_MAX);
  let rows = await db.matrixChange.findMany({
    where: { matrixId, ...(before !== undefined ? { id: { lt: before } } : {}) },
    orderBy: { id: "desc" },
    take: take + 1,
    select: changeSelect,
  });
  let hasMore = rows.length > take;
  if (hasMore) {
    // Do not cut the oldest group in two: leave it whole for the next page.
    const cut = rows[take]!.groupId;
    const kept = cut ? rows.slice(0, take).filter((r) => r.groupId !== cut) : rows.slice(0, take);
    rows = kept.length ? kept : rows.slice(0, take);
    hasMore = true;
  }
  const entries = await toEntries(rows);
  const labels = await loadLabels(matrixId, entries);
  return { entries, labels, nextBefore: hasMore ? (rows.at(-1)?.id ?? null) : null };
}

/** One cell's changes, newest first (at most 100). */
export async function findCellHistory(
  userId: string,
  matrixId: string,
  rowId: string,
  personId: string,
): Promise<CellHistoryDto> {
  await requireMatrixAccess(userId, matrixId);
  const rows = await db.matrixChange.findMany({
    where: { matrixId, entity: "cell", entityId: `${rowId}|${personId}` },
    orderBy: { id: "desc" },
    take: 100,
    select: changeSelect,
  });
  return { entries: await toEntries(rows) };
}
