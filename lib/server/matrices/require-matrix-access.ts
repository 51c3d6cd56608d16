import "server-only";
import { db } from "@/lib/server/db";
import { forbidden, notFound } from "@/lib/server/errors";
import { can, type Permission } from "@/lib/permissions";
import { teamRoleSchema, type TeamRole } from "@/lib/schemas/team";
import { hasNul } from "@/lib/server/nul";

export interface MatrixAccess {
  matrix: { id: string; teamId: string; name: string; version: number };
  team: { id: string; slug: string; name: string };
  role: TeamRole;
}

/**
 * The caller's access to a matrix, found through their membership of its team in one
 * query: another team's (or a deleted) matrix is NOT_FOUND, a role below the
 * permission is FORBIDDEN.
 */
export async function requireMatrixAccess(
  userId: string,
  matrixId: string,
  permission: Permission = "team:view",
): Promise<MatrixAccess> {
  if (hasNul(matrixId)) throw notFound("That matrix");
  const matrix = await db.matrix.findFirst({
    where: { id: matrixId, deletedAt: null, team: { memberships: { some: { userId } } } },
    select: {
      id: true,
      teamId: true,
      name: true,
      version: true,
      team: {
        select: { id: true, slug: true, name: true, memberships: { where: { userId }, select: { role: true } } },
      },
    },
  });
  if (!matrix) throw notFound("That matrix");
  const role = teamRoleSchema.catch("viewer").parse(matrix.team.memberships[0]?.role);
  if (!can(role, permission)) throw forbidden();
  return {
    matrix: { id: matrix.id, teamId: matrix.teamId, name: matrix.name, version: matrix.version },
    team: { id: matrix.team.id, slug: matrix.team.slug, name: matrix.team.name },
    role,
  };
}
