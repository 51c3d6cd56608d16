import "server-only";
import { db } from "@/lib/server/db";
import { requireTeamAccess } from "@/lib/server/authz";
import { teamRoleSchema, type TeamRole } from "@/lib/schemas/team";

export interface TeamMember {
  userId: string;
  name: string;
  email: string;
  role: TeamRole;
}

/** The members of a team the caller belongs to. */
export async function findTeamMembers(userId: string, teamId: string): Promise<TeamMember[]> {
  await requireTeamAccess(userId, { teamId });
  const rows = await db.membership.findMany({
    where: { teamId },
    select: { role: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((m) => ({
    userId: m.user.id,
    name: m.user.name,
    email: m.user.email,
    role: teamRoleSchema.catch("viewer").parse(m.role),
  }));
}
