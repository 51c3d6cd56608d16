import "server-only";
import { AppError, forbidden, notFound } from "@/lib/server/errors";
import { teamRoleSchema, type TeamRole } from "@/lib/schemas/team";
import type { RuleResult } from "@/lib/teams/role-rules";
import type { db } from "@/lib/server/db";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/**
 * Serializes membership changes of one team: the first write of the transaction takes
 * the team row's lock (PostgreSQL; SQLite has one writer anyway), so two owners
 * demoting each other at once cannot leave the team without an owner.
 */
export async function lockTeam(tx: Tx, teamId: string): Promise<void> {
  await tx.team.update({ where: { id: teamId }, data: { version: { increment: 1 } }, select: { id: true } });
}

export async function countOwners(tx: Tx, teamId: string): Promise<number> {
  return tx.membership.count({ where: { teamId, role: "owner" } });
}

export interface LockedMembers {
  actorRole: TeamRole;
  target: { membershipId: string; role: TeamRole; user: { id: string; name: string; email: string } };
  ownerCount: number;
}

/**
 * The start of every membership change: locks the team (lockTeam), then reads, under the
 * lock, the actor's and the target's memberships and the number of owners — what the
 * role rules (lib/teams/role-rules.ts) decide on. A caller no longer in the team is a
 * 404 for the team, an unknown target a 404 for the member.
 */
export async function lockMembers(tx: Tx, teamId: string, actorId: string, targetId: string): Promise<LockedMembers> {
  await lockTeam(tx, teamId);
  const [actor, target, ownerCount] = await Promise.all([
    tx.membership.findUnique({ where: { teamId_userId: { teamId, userId: actorId } }, select: { role: true } }),
    tx.membership.findUnique({
      where: { teamId_userId: { teamId, userId: targetId } },
      select: { id: true, role: true, user: { select: { id: true, name: true, email: true } } },
    }),
    countOwners(tx, teamId),
  ]);
  if (!actor) throw notFound("That team");
  if (!target) throw notFound("That member");
  const role = (value: string) => teamRoleSchema.catch("viewer").parse(value);
  return {
    actorRole: role(actor.role),
    target: { membershipId: target.id, role: role(target.role), user: target.user },
    ownerCount,
  };
}

/** Turns a refused rule into the coded error: 403 for a role too low, 409 for the last owner. */
export function ruleError(result: Exclude<RuleResult, { ok: true }>): AppError {
  return result.code === "LAST_OWNER"
    ? new AppError("CONFLICT", result.message, { details: { reason: "LAST_OWNER" } })
    : forbidden(result.message);
}

export type { Tx };
