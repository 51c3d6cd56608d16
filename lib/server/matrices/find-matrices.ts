import "server-only";
import { db } from "@/lib/server/db";
import { requireTeamAccess } from "@/lib/server/authz";

export interface MatrixSummary {
  id: string;
  name: string;
  description: string;
  updatedAt: string;
  rowCount: number;
  columnCount: number;
}

/** A team's matrices, most recently changed first, with their sizes (one query). */
export async function findMatrices(userId: string, teamId: string): Promise<MatrixSummary[]> {
  await requireTeamAccess(userId, { teamId });
  const rows = await db.matrix.findMany({
    where: { teamId, deletedAt: null },
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      name: true,
      description: true,
      updatedAt: true,
      _count: {
        select: {
          responsibilities: { where: { deletedAt: null } },
          columns: { where: { deletedAt: null } },
        },
      },
    },
  });
  return rows.map((m) => ({
    id: m.id,
    name: m.name,
    description: m.description,
    updatedAt: m.updatedAt.toISOString(),
    rowCount: m._count.responsibilities,
    columnCount: m._count.columns,
  }));
}
