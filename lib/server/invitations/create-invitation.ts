import "server-only";
import { db } from "@/lib/server/db";
import { requireTeamAccess } from "@/lib/server/authz";
import { forbidden } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/audit/record-audit";
import type { RequestMeta } from "@/lib/server/audit/request-meta";
import type { CurrentUser } from "@/lib/server/session";
import { isMailConfigured } from "@/lib/server/mail/mail-config";
import { sendMail } from "@/lib/server/mail/send-mail";
import { invitableRoles } from "@/lib/teams/role-rules";
import { ROLE_LABELS } from "@/lib/permissions";
import type { CreateInvitationInput } from "@/lib/schemas/access";
import { hashToken, newLinkToken } from "./tokens";
import { invitationSelect, reshapeInvitation } from "./invitation-dto";
import type { CreatedInvitation } from "@/lib/teams/access-dto";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Creates an invitation link (managers and owners; only owners may invite an owner).
 * Only the token's SHA-256 is stored. When an address is given and SMTP is configured,
 * the link is also emailed.
 */
export async function createInvitation(
  user: CurrentUser,
  teamId: string,
  input: CreateInvitationInput,
  meta: RequestMeta & { origin: string },
): Promise<CreatedInvitation> {
  const { team, role } = await requireTeamAccess(user.id, { teamId }, "invitations:manage");
  if (!invitableRoles(role).includes(input.role)) {
    await recordAudit({
      action: "invitation.created",
      outcome: "denied",
      teamId: team.id,
      actorId: user.id,
      actorEmail: user.email,
      ip: meta.ip,
      details: { role: input.role },
    });
    throw forbidden("Only an owner can invite someone as an owner.");
  }
  const token = newLinkToken();
  const email = input.email ? input.email : null;
  const row = await db.$transaction(async (tx) => {
    const created = await tx.invitation.create({
      data: {
        teamId: team.id,
        role: input.role,
        email,
        tokenHash: hashToken(token),
        maxUses: input.uses === "single" ? 1 : null,
        expiresAt: new Date(Date.now() + input.expiresInDays * DAY_MS),
        createdById: user.id,
      },
      select: invitationSelect,
    });
    await recordAudit(
      {
        action: "invitation.created",
        teamId: team.id,
        actorId: user.id,
        actorEmail: user.email,
        targetType: "invitation",
        targetId: created.id,
        ip: meta.ip,
        details: { role: input.role, uses: input.uses, expiresInDays: input.expiresInDays, email },
      },
      tx,
    );
    return created;
  });

  const path = `/invite/${token}`;
  const url = `${meta.origin}${path}`;
  const emailConfigured = isMailConfigured();
  let emailSent: boolean | null = null;
  if (email) {
    emailSent = emailConfigured
      ? await sendMail({
          to: email,
          subject: `${user.name} invited you to ${team.name} on Remit`,
          text: [
            `${user.name} invited you to join the team “${team.name}” on Remit as ${ROLE_LABELS[input.role].toLowerCase()}.`,
            "",
            `Open this link to accept (it works until ${row.expiresAt.toUTCString()}):`,
            url,
            "",
            "If you did not expect this invitation, you can ignore this email.",
          ].join("\n"),
        })
      : false;
  }
  return {
    invitation: reshapeInvitation(row, new Map([[user.id, user.name]])),
    path,
    url,
    emailSent,
    emailConfigured,
  };
}
