import "server-only";
import { db } from "@/lib/server/db";
import { requireTeamAccess } from "@/lib/server/authz";
import { notFound } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/audit/record-audit";
import type { RequestMeta } from "@/lib/server/audit/request-meta";
import type { CurrentUser } from "@/lib/server/session";

/** Withdraws an invitation of the team (managers and owners). Revoking twice is fine. */
export async function revokeInvitation(
  user: CurrentUser,
  teamId: string,
  invitationId: string,
  meta: RequestMeta,
): Promise<void> {
  const { team } = await requireTeamAccess(user.id, { teamId }, "invitations:manage");
  await db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({
      where: { id: invitationId, teamId: team.id },
      select: { id: true, role: true, revokedAt: true },
    });
    if (!invitation) throw notFound("That invitation");
    if (invitation.revokedAt) return;
    await tx.invitation.updateMany({ where: { id: invitation.id, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit(
      {
        action: "invitation.revoked",
        teamId: team.id,
        actorId: user.id,
        actorEmail: user.email,
        targetType: "invitation",
        targetId: invitation.id,
        ip: meta.ip,
        details: { role: invitation.role },
      },
      tx,
    );
  });
}
