import "server-only";
import { db } from "@/lib/server/db";
import { requireTeamAccess } from "@/lib/server/authz";
import type { RenameTeamInput } from "@/lib/schemas/team";

/** Renames a team (managers and owners). The slug stays, so links keep working. */
export async function renameTeam(userId: string, input: RenameTeamInput) {
  const { team } = await requireTeamAccess(userId, { teamId: input.teamId }, "team:rename");
  return db.team.update({
    where: { id: team.id },
    data: { name: input.name, version: { increment: 1 } },
    select: { id: true, slug: true, name: true, version: true },
  });
}
