import "server-only";
import { db } from "@/lib/server/db";
import { requireTeamAccess } from "@/lib/server/authz";
import { ROLE_LABELS } from "@/lib/permissions";
import { teamRoleSchema } from "@/lib/schemas/team";

export interface AuditEventRow {
  id: number;
  createdAt: string;
  actor: string;
  action: string;
  target: string;
  ip: string;
  outcome: string;
}

export const AUDIT_PAGE_SIZE = 50;

function parseDetails(value: string | null): Record<string, unknown> {
  if (!value) return {};
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function str(v: unknown): string | null {
  return typeof v === "string" && v ? v : null;
}

function roleWord(v: unknown): string | null {
  const role = teamRoleSchema.safeParse(v);
  return role.success ? ROLE_LABELS[role.data].toLowerCase() : null;
}

/** One line describing what an event was about, from its target and its details. */
function describeTarget(
  e: { action: string; targetType: string | null; targetId: string | null; details: string | null },
  emails: ReadonlyMap<string, string>,
): string {
  const d = parseDetails(e.details);
  const who = str(d.email) ?? (e.targetId ? emails.get(e.targetId) : undefined) ?? null;
  switch (e.targetType) {
    case "invitation": {
      const parts = [`Invitation as ${roleWord(d.role) ?? "member"}`];
      if (str(d.email)) parts.push(`for ${str(d.email)}`);
      if (str(d.reason)) parts.push(`(${String(d.reason).replace("_", " ")})`);
      return parts.join(" ");
    }
    case "user": {
      if (e.action === "member.role_changed" && roleWord(d.to)) {
        return `${who ?? "A member"}: ${roleWord(d.from) ?? "?"} → ${roleWord(d.to)}`;
      }
      return who ?? "A member";
    }
    case "matrix":
      return `Matrix “${str(d.matrix) ?? "?"}”`;
    case "team":
      return `Team “${str(d.name) ?? "?"}”`;
    default:
      return e.targetType ? `${e.targetType}` : "—";
  }
}

/** A page of the team's audit log, newest first (owners only). */
export async function findAuditEvents(
  userId: string,
  teamId: string,
  page: number,
): Promise<{ events: AuditEventRow[]; total: number; page: number; pageCount: number }> {
  const { team } = await requireTeamAccess(userId, { teamId }, "audit:view");
  const total = await db.auditEvent.count({ where: { teamId: team.id } });
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await db.auditEvent.findMany({
    where: { teamId: team.id },
    orderBy: { id: "desc" },
    skip: (current - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
  });
  const userIds = [
    ...new Set(
      rows.flatMap((r) => [r.actorId, r.targetType === "user" ? r.targetId : null]).filter((x): x is string => !!x),
    ),
  ];
  const users = await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } });
  const emails = new Map(users.map((u) => [u.id, u.email]));
  return {
    total,
    page: current,
    pageCount,
    events: rows.map((r) => ({
      id: r.id,
      createdAt: r.createdAt.toISOString(),
      actor: r.actorEmail ?? (r.actorId ? emails.get(r.actorId) : undefined) ?? "Unknown",
      action: r.action,
      target: describeTarget(r, emails),
      ip: r.ip ?? "unknown",
      outcome: r.outcome,
    })),
  };
}
