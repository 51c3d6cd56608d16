import "server-only";
import { db } from "@/lib/server/db";
import { requireTeamAccess } from "@/lib/server/authz";
import { isAppError } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/audit/record-audit";
import type { RequestMeta } from "@/lib/server/audit/request-meta";
import type { CurrentUser } from "@/lib/server/session";
import { checkRemoval } from "@/lib/teams/role-rules";
import { lockMembers, ruleError } from "./member-guards";

/**
 * Removes a member (managers and owners), or lets someone leave (targetUserId is the
 * caller). A removed member's sessions end at once; the last owner never goes.
 */
export async function removeMember(
  user: CurrentUser,
  teamId: string,
  targetUserId: string,
  meta: RequestMeta,
): Promise<{ left: boolean }> {
  const isSelf = targetUserId === user.id;
  const { team } = await requireTeamAccess(user.id, { teamId }, isSelf ? "team:view" : "members:manage");
  const audit = {
    action: isSelf ? ("member.left" as const) : ("member.removed" as const),
    teamId: team.id,
    actorId: user.id,
    actorEmail: user.email,
    targetType: "user",
    targetId: targetUserId,
    ip: meta.ip,
  };
  try {
    await db.$transaction(async (tx) => {
      const { actorRole, target, ownerCount } = await lockMembers(tx, team.id, user.id, targetUserId);
      const role = target.role;
      const rule = checkRemoval({ actor: actorRole, target: role, isSelf, ownerCount });
      if (!rule.ok) throw ruleError(rule);
      await tx.membership.delete({ where: { id: target.membershipId }, select: { id: true } });
      if (!isSelf) {
        await tx.user.update({ where: { id: targetUserId }, data: { sessionVersion: { increment: 1 } } });
      }
      await recordAudit({ ...audit, details: { role, email: target.user.email } }, tx);
    });
  } catch (e) {
    if (isAppError(e) && (e.code === "FORBIDDEN" || e.code === "CONFLICT")) {
      await recordAudit({ ...audit, outcome: "denied", details: { reason: e.message } });
    }
    throw e;
  }
  return { left: isSelf };
}
