import "server-only";
import { db } from "@/lib/server/db";
import { requireMatrixAccess } from "@/lib/server/matrices/require-matrix-access";
import type { WorkshopSummaryRefDto } from "@/lib/matrix/workshop-dto";
import type { CurrentUser } from "@/lib/server/session";

/** The running workshop of a matrix (the banner on the matrix page) and the most recent ones. */
export async function findMatrixWorkshops(
  user: CurrentUser,
  matrixId: string,
): Promise<{ active: WorkshopSummaryRefDto | null; workshops: WorkshopSummaryRefDto[] }> {
  await requireMatrixAccess(user.id, matrixId);
  const rows = await db.workshop.findMany({
    where: { matrixId },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: {
      id: true,
      name: true,
      status: true,
      joinCode: true,
      facilitatorId: true,
      createdAt: true,
      endedAt: true,
    },
  });
  const names = new Map(
    (
      await db.user.findMany({
        where: { id: { in: [...new Set(rows.map((r) => r.facilitatorId))] } },
        select: { id: true, name: true },
      })
    ).map((u) => [u.id, u.name]),
  );
  const workshops = rows.map((r) => ({
    id: r.id,
    name: r.name,
    status: r.status === "ended" ? ("ended" as const) : ("active" as const),
    joinCode: r.joinCode,
    facilitatorName: names.get(r.facilitatorId) ?? "A former member",
    createdAt: r.createdAt.toISOString(),
    endedAt: r.endedAt?.toISOString() ?? null,
  }));
  return { active: workshops.find((w) => w.status === "active") ?? null, workshops };
}
