import "server-only";
import { db } from "@/lib/server/db";
import { requireTeamAccess } from "@/lib/server/authz";
import { isAppError } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/audit/record-audit";
import type { RequestMeta } from "@/lib/server/audit/request-meta";
import type { CurrentUser } from "@/lib/server/session";
import type { TeamRole } from "@/lib/schemas/team";
import type { MemberDto } from "@/lib/teams/access-dto";
import { checkRoleChange, isDowngrade } from "@/lib/teams/role-rules";
import { lockMembers, ruleError } from "./member-guards";

/**
 * Changes a member's role (managers and owners; owners only for anything owner). A
 * lowered role ends the member's other sessions at once (sessionVersion), so an old
 * token cannot keep acting with the old rights; changing your own role keeps yours.
 */
export async function changeMemberRole(
  user: CurrentUser,
  teamId: string,
  targetUserId: string,
  next: TeamRole,
  meta: RequestMeta,
): Promise<MemberDto> {
  const { team } = await requireTeamAccess(user.id, { teamId }, "members:manage");
  const audit = {
    action: "member.role_changed" as const,
    teamId: team.id,
    actorId: user.id,
    actorEmail: user.email,
    targetType: "user",
    targetId: targetUserId,
    ip: meta.ip,
  };
  try {
    return await db.$transaction(async (tx) => {
      const { actorRole, target, ownerCount } = await lockMembers(tx, team.id, user.id, targetUserId);
      const previous = target.role;
      const rule = checkRoleChange({ actor: actorRole, target: previous, next, ownerCount });
      if (!rule.ok) throw ruleError(rule);
      const member = { userId: target.user.id, name: target.user.name, email: target.user.email, role: next };
      if (previous === next) return member;
      await tx.membership.update({ where: { id: target.membershipId }, data: { role: next }, select: { id: true } });
      if (isDowngrade(previous, next) && target.user.id !== user.id) {
        await tx.user.update({ where: { id: target.user.id }, data: { sessionVersion: { increment: 1 } } });
      }
      await recordAudit({ ...audit, details: { from: previous, to: next, email: target.user.email } }, tx);
      return member;
    });
  } catch (e) {
    if (isAppError(e) && (e.code === "FORBIDDEN" || e.code === "CONFLICT")) {
      await recordAudit({ ...audit, outcome: "denied", details: { to: next, reason: e.message } });
    }
    throw e;
  }
}
