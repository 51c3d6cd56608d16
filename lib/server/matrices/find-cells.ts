import "server-only";
import { db } from "@/lib/server/db";

const key = (c: { responsibilityId: string; personId: string }) => `${c.responsibilityId}|${c.personId}`;

/** Bound on ids per query: SQLite refuses statements with too many parameters. */
const CHUNK = 400;

export function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

const cellFields = {
  responsibilityId: true,
  personId: true,
  letters: true,
  version: true,
  updatedAt: true,
  updatedById: true,
} as const;

/**
 * The stored cells among `targets`, in a few bounded queries (rows in chunks × the
 * few people involved), filtered to the exact pairs in memory.
 */
export async function findCells(matrixId: string, targets: { responsibilityId: string; personId: string }[]) {
  const wanted = new Set(targets.map(key));
  const personIds = [...new Set(targets.map((t) => t.personId))];
  const rowIds = [...new Set(targets.map((t) => t.responsibilityId))];
  const found = await Promise.all(
    chunks(rowIds).flatMap((rows) =>
      chunks(personIds).map((people) =>
        db.cell.findMany({
          where: { matrixId, responsibilityId: { in: rows }, personId: { in: people } },
          select: cellFields,
        }),
      ),
    ),
  );
  return found.flat().filter((c) => wanted.has(key(c)));
}
