import "server-only";
import { db } from "@/lib/server/db";
import { requireTeamAccess } from "@/lib/server/authz";
import { teamRoleSchema } from "@/lib/schemas/team";
import type { MemberDto } from "@/lib/teams/access-dto";

/** The members of a team the caller belongs to, with when they joined (oldest first). */
export async function findMembers(userId: string, teamId: string): Promise<(MemberDto & { joinedAt: string })[]> {
  const { team } = await requireTeamAccess(userId, { teamId });
  const rows = await db.membership.findMany({
    where: { teamId: team.id },
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((m) => ({
    userId: m.user.id,
    name: m.user.name,
    email: m.user.email,
    role: teamRoleSchema.catch("viewer").parse(m.role),
    joinedAt: m.createdAt.toISOString(),
  }));
}
