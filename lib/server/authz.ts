import "server-only";
import { db } from "@/lib/server/db";
import { forbidden, notFound } from "@/lib/server/errors";
import { can, type Permission } from "@/lib/permissions";
import { teamRoleSchema, type TeamRole } from "@/lib/schemas/team";
import { hasNul } from "@/lib/server/nul";

export interface TeamAccess {
  team: { id: string; slug: string; name: string; version: number };
  role: TeamRole;
}

/**
 * The caller's access to a team, looked up through their membership in one query: a
 * team they are not in is NOT_FOUND (never "forbidden": its existence is not revealed);
 * a role below the permission is FORBIDDEN.
 */
export async function requireTeamAccess(
  userId: string,
  where: { teamId: string } | { slug: string },
  permission: Permission = "team:view",
): Promise<TeamAccess> {
  if (hasNul(where)) throw notFound("That team");
  const membership = await db.membership.findFirst({
    where: { userId, team: "teamId" in where ? { id: where.teamId } : { slug: where.slug } },
    select: { role: true, team: { select: { id: true, slug: true, name: true, version: true } } },
  });
  if (!membership) throw notFound("That team");
  const role = teamRoleSchema.catch("viewer").parse(membership.role);
  if (!can(role, permission)) throw forbidden();
  return { team: membership.team, role };
}
