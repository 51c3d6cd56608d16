import "server-only";
import { db } from "@/lib/server/db";
import { forbidden, notFound } from "@/lib/server/errors";
import { can, type Permission } from "@/lib/permissions";
import { teamRoleSchema, type TeamRole } from "@/lib/schemas/team";

export interface WorkshopAccess {
  workshop: {
    id: string;
    matrixId: string;
    teamId: string;
    name: string;
    status: string;
    phase: string;
    currentItemId: string | null;
    version: number;
  };
  role: TeamRole;
}

/**
 * The `where` of a workshop the user may see: on a live matrix of a team they belong to.
 * With `membershipRole(userId)` in the select, one query both finds and authorizes.
 */
export function visibleWorkshop(userId: string, workshopId: string) {
  return { id: workshopId, matrix: { deletedAt: null, team: { memberships: { some: { userId } } } } };
}

/** Selects the user's membership role beside a workshop (read it with roleOf). */
export function membershipRole(userId: string) {
  return { select: { team: { select: { memberships: { where: { userId }, select: { role: true } } } } } } as const;
}

/** The role selected by membershipRole; an unknown value counts as viewer. */
export function roleOf(row: { matrix: { team: { memberships: { role: string }[] } } }): TeamRole {
  return teamRoleSchema.catch("viewer").parse(row.matrix.team.memberships[0]?.role);
}

/**
 * The caller's access to a workshop, found through their membership of the matrix's
 * team in one query: another team's workshop (or one on a deleted matrix) is NOT_FOUND,
 * a role below the permission is FORBIDDEN.
 */
export async function requireWorkshopAccess(
  userId: string,
  workshopId: string,
  permission: Permission = "team:view",
): Promise<WorkshopAccess> {
  const row = await db.workshop.findFirst({
    where: visibleWorkshop(userId, workshopId),
    select: {
      id: true,
      matrixId: true,
      teamId: true,
      name: true,
      status: true,
      phase: true,
      currentItemId: true,
      version: true,
      matrix: membershipRole(userId),
    },
  });
  if (!row) throw notFound("That workshop");
  const role = roleOf(row);
  if (!can(role, permission)) throw forbidden(permissionMessage(permission));
  const { matrix: _matrix, ...workshop } = row;
  return { workshop, role };
}

function permissionMessage(permission: Permission): string | undefined {
  if (permission === "workshop:run") return "Only a manager or owner of this team can run a workshop.";
  if (permission === "workshop:vote")
    return "Viewers can follow a workshop but not vote. Ask a manager for member rights.";
  return undefined;
}
