import "server-only";
import { db } from "@/lib/server/db";
import { teamRoleSchema, type TeamRole } from "@/lib/schemas/team";

export interface TeamSummary {
  id: string;
  slug: string;
  name: string;
  role: TeamRole;
}

/** The teams a user belongs to, by name, with their role in each. */
export async function findTeamsForUser(userId: string): Promise<TeamSummary[]> {
  const rows = await db.membership.findMany({
    where: { userId },
    select: { role: true, team: { select: { id: true, slug: true, name: true } } },
    orderBy: { team: { name: "asc" } },
  });
  return rows.map((m) => ({ ...m.team, role: teamRoleSchema.catch("viewer").parse(m.role) }));
}
