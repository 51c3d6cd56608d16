import "server-only";
import { db } from "@/lib/server/db";
import { requireTeamAccess } from "@/lib/server/authz";
import { invitationSelect, reshapeInvitation, type InvitationDto } from "./invitation-dto";

/** The team's invitations that can still be accepted, newest first (managers and owners). */
export async function findPendingInvitations(userId: string, teamId: string): Promise<InvitationDto[]> {
  const { team } = await requireTeamAccess(userId, { teamId }, "invitations:manage");
  const rows = await db.invitation.findMany({
    where: { teamId: team.id, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: invitationSelect,
  });
  const creatorIds = [...new Set(rows.map((r) => r.createdById).filter((id): id is string => !!id))];
  const creators = new Map(
    (await db.user.findMany({ where: { id: { in: creatorIds } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  return rows.map((r) => reshapeInvitation(r, creators)).filter((i) => i.state === "active");
}
