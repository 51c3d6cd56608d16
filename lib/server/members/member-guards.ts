import "server-only";
import { AppError, forbidden } from "@/lib/server/errors";
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

/** Turns a refused rule into the coded error: 403 for a role too low, 409 for the last owner. */
export function ruleError(result: Exclude<RuleResult, { ok: true }>): AppError {
  return result.code === "LAST_OWNER"
    ? new AppError("CONFLICT", result.message, { details: { reason: "LAST_OWNER" } })
    : forbidden(result.message);
}

export type { Tx };
