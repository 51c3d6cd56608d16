import "server-only";
import { db } from "@/lib/server/db";
import { requireTeamAccess } from "@/lib/server/authz";
import { AppError, notFound } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/audit/record-audit";
import type { RequestMeta } from "@/lib/server/audit/request-meta";
import type { CurrentUser } from "@/lib/server/session";
import { lockTeam } from "@/lib/server/members/member-guards";

/** The typed confirmation must be the team's name (spaces around it and case ignored). */
export function confirmsTeamName(typed: string, name: string): boolean {
  return typed.trim().toLocaleLowerCase() === name.trim().toLocaleLowerCase();
}

/**
 * Hands the team to another member (owners only): they become an owner, the caller a
 * manager. The caller chose this, so their own session stays.
 */
export async function transferOwnership(
  user: CurrentUser,
  input: { teamId: string; userId: string; confirm: string },
  meta: RequestMeta,
): Promise<{ newOwner: { name: string; email: string }; teamSlug: string }> {
  const { team } = await requireTeamAccess(user.id, { teamId: input.teamId }, "team:transfer");
  if (!confirmsTeamName(input.confirm, team.name)) {
    throw new AppError("INVALID_INPUT", "Type the team's name to confirm.", {
      fields: { confirm: `Type “${team.name}” to confirm.` },
    });
  }
  if (input.userId === user.id) {
    throw new AppError("INVALID_INPUT", "Choose another member.", { fields: { userId: "Choose another member." } });
  }
  return db.$transaction(async (tx) => {
    await lockTeam(tx, team.id);
    const target = await tx.membership.findUnique({
      where: { teamId_userId: { teamId: team.id, userId: input.userId } },
      select: { id: true, role: true, user: { select: { name: true, email: true } } },
    });
    if (!target) throw notFound("That member");
    await tx.membership.update({ where: { id: target.id }, data: { role: "owner" }, select: { id: true } });
    await tx.membership.update({
      where: { teamId_userId: { teamId: team.id, userId: user.id } },
      data: { role: "manager" },
      select: { id: true },
    });
    await recordAudit(
      {
        action: "team.ownership_transferred",
        teamId: team.id,
        actorId: user.id,
        actorEmail: user.email,
        targetType: "user",
        targetId: input.userId,
        ip: meta.ip,
        details: { email: target.user.email, previousRole: target.role },
      },
      tx,
    );
    return { newOwner: target.user, teamSlug: team.slug };
  });
}
