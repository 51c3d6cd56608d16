import "server-only";
import { db } from "@/lib/server/db";
import { AppError, notFound } from "@/lib/server/errors";
import { isUniqueViolation } from "@/lib/server/prisma-errors";
import { recordAudit } from "@/lib/server/audit/record-audit";
import type { RequestMeta } from "@/lib/server/audit/request-meta";
import type { CurrentUser } from "@/lib/server/session";
import { teamRoleSchema, type TeamRole } from "@/lib/schemas/team";
import { INVITATION_STATE_MESSAGES, invitationState } from "@/lib/teams/invitation-rules";
import { hashToken } from "./tokens";
import { invitationStateSelect } from "./invitation-dto";

export type AcceptResult =
  | { status: "joined"; team: { slug: string; name: string }; role: TeamRole }
  | { status: "already_member"; team: { slug: string; name: string }; role: TeamRole };

const MAX_ATTEMPTS = 5;

/**
 * Accepts an invitation for the signed-in user: a membership with the invited role.
 * Someone already in the team keeps their role (never downgraded) and uses nothing.
 * The use count is taken with a compare-and-set, so a single-use link admits one
 * person even when two accept at the same moment.
 */
export async function acceptInvitation(user: CurrentUser, token: string, meta: RequestMeta): Promise<AcceptResult> {
  const tokenHash = hashToken(token);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const inv = await db.invitation.findUnique({
      where: { tokenHash },
      select: invitationStateSelect,
    });
    if (!inv) throw notFound("That invitation");
    const team = { slug: inv.team.slug, name: inv.team.name };
    const audit = {
      action: "invitation.accepted" as const,
      teamId: inv.team.id,
      actorId: user.id,
      actorEmail: user.email,
      targetType: "invitation",
      targetId: inv.id,
      ip: meta.ip,
    };

    const existing = await db.membership.findUnique({
      where: { teamId_userId: { teamId: inv.team.id, userId: user.id } },
      select: { role: true },
    });
    if (existing) return { status: "already_member", team, role: teamRoleSchema.catch("viewer").parse(existing.role) };

    const state = invitationState(inv);
    if (state !== "active") {
      await recordAudit({ ...audit, outcome: "failure", details: { reason: state } });
      throw new AppError("CONFLICT", INVITATION_STATE_MESSAGES[state], { details: { reason: state } });
    }
    if (inv.email && inv.email.toLowerCase() !== user.email.toLowerCase()) {
      await recordAudit({ ...audit, outcome: "denied", details: { reason: "other_email" } });
      throw new AppError(
        "FORBIDDEN",
        `This invitation is for ${inv.email}. Sign in with that address to accept it, or ask for a new link.`,
      );
    }
    const role = teamRoleSchema.catch("viewer").parse(inv.role);
    try {
      const joined = await db.$transaction(async (tx) => {
        const taken = await tx.invitation.updateMany({
          where: { id: inv.id, uses: inv.uses, revokedAt: null },
          data: { uses: inv.uses + 1 },
        });
        if (taken.count === 0) return false; // someone else used it meanwhile: look again
        await tx.membership.create({ data: { teamId: inv.team.id, userId: user.id, role } });
        await recordAudit({ ...audit, details: { role } }, tx);
        return true;
      });
      if (joined) return { status: "joined", team, role };
    } catch (e) {
      // Joined through another link (or another tab) at the same moment.
      if (!isUniqueViolation(e)) throw e;
    }
  }
  throw new AppError("CONFLICT", "Many people are joining at once; please try again.");
}
