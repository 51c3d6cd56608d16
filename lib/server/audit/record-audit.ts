import "server-only";
import { db } from "@/lib/server/db";
import { logger } from "@/lib/server/logger";

/** Security-relevant events (issue: access and security). Extend the union when adding one. */
export type AuditAction =
  | "auth.sign_in"
  | "auth.sign_out"
  | "auth.sign_up"
  | "invitation.created"
  | "invitation.accepted"
  | "invitation.revoked"
  | "member.role_changed"
  | "member.removed"
  | "member.left"
  | "team.ownership_transferred"
  | "team.deleted"
  | "token.created"
  | "token.revoked"
  | "share_link.enabled"
  | "share_link.disabled";

export interface AuditInput {
  action: AuditAction;
  outcome?: "success" | "failure" | "denied";
  teamId?: string | null;
  actorId?: string | null;
  actorEmail?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  /** Small JSON-able facts (new role, reason). Never secrets or passwords. */
  details?: Record<string, unknown>;
}

/**
 * Appends one audit event (time in UTC). Pass a transaction client to record it with
 * the change it describes; without one it is written on its own and a failure is
 * logged, never thrown (the audited action has happened already).
 */
export async function recordAudit(input: AuditInput, tx: Pick<typeof db, "auditEvent"> = db): Promise<void> {
  const data = {
    action: input.action,
    outcome: input.outcome ?? "success",
    teamId: input.teamId ?? null,
    actorId: input.actorId ?? null,
    actorEmail: input.actorEmail ?? null,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    ip: input.ip ?? null,
    details: input.details ? JSON.stringify(input.details) : null,
  };
  if (tx !== db) {
    await tx.auditEvent.create({ data, select: { id: true } });
    return;
  }
  try {
    await db.auditEvent.create({ data, select: { id: true } });
  } catch (err) {
    logger.error("recording an audit event failed", { err, action: input.action });
  }
}
