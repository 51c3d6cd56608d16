import { can } from "@/lib/permissions";
import type { TeamRole } from "@/lib/schemas/team";

/**
 * Who may change whose role, remove whom and invite with which role. Pure, so the
 * members page offers only what the server will accept, and both read one table.
 *
 * - Managers and owners manage members (`members:manage`), but only an owner may touch
 *   an owner or make someone an owner.
 * - A team always keeps at least one owner: the last owner can be neither demoted nor
 *   removed, and cannot leave (transfer ownership or delete the team instead).
 */
export type RuleResult = { ok: true } | { ok: false; code: "FORBIDDEN" | "LAST_OWNER"; message: string };

const OK: RuleResult = { ok: true };

const RANK: Record<TeamRole, number> = { viewer: 0, member: 1, manager: 2, owner: 3 };

/** True when `next` allows less than `previous` (the user's older sessions are ended). */
export function isDowngrade(previous: TeamRole, next: TeamRole): boolean {
  return RANK[next] < RANK[previous];
}

const LAST_OWNER_ROLE = "A team needs at least one owner. Make someone else an owner first, or transfer ownership.";
const LAST_OWNER_LEAVE = "You are the last owner of this team. Transfer ownership to someone else, or delete the team.";

/** May `actor` change `targetRole` to `nextRole`? `ownerCount`: owners in the team now. */
export function checkRoleChange(input: {
  actor: TeamRole;
  target: TeamRole;
  next: TeamRole;
  ownerCount: number;
}): RuleResult {
  const { actor, target, next, ownerCount } = input;
  if (!can(actor, "members:manage")) {
    return { ok: false, code: "FORBIDDEN", message: "Only managers and owners can change roles." };
  }
  if ((target === "owner" || next === "owner") && actor !== "owner") {
    return {
      ok: false,
      code: "FORBIDDEN",
      message: "Only an owner can make someone an owner or change an owner's role.",
    };
  }
  if (target === "owner" && next !== "owner" && ownerCount <= 1) {
    return { ok: false, code: "LAST_OWNER", message: LAST_OWNER_ROLE };
  }
  return OK;
}

/** May `actor` remove a member whose role is `target`? Removing yourself is leaving. */
export function checkRemoval(input: {
  actor: TeamRole;
  target: TeamRole;
  isSelf: boolean;
  ownerCount: number;
}): RuleResult {
  const { actor, target, isSelf, ownerCount } = input;
  if (!isSelf && !can(actor, "members:manage")) {
    return { ok: false, code: "FORBIDDEN", message: "Only managers and owners can remove members." };
  }
  if (!isSelf && target === "owner" && actor !== "owner") {
    return { ok: false, code: "FORBIDDEN", message: "Only an owner can remove an owner." };
  }
  if (target === "owner" && ownerCount <= 1) {
    return { ok: false, code: "LAST_OWNER", message: isSelf ? LAST_OWNER_LEAVE : LAST_OWNER_ROLE };
  }
  return OK;
}

/** The roles `actor` may hand out by invitation (a manager cannot invite an owner). */
export function invitableRoles(actor: TeamRole): TeamRole[] {
  if (!can(actor, "invitations:manage")) return [];
  return actor === "owner" ? ["owner", "manager", "member", "viewer"] : ["manager", "member", "viewer"];
}

/** The roles `actor` may set for a member whose role is `target` (empty: none). */
export function assignableRoles(actor: TeamRole, target: TeamRole): TeamRole[] {
  if (!can(actor, "members:manage")) return [];
  if (target === "owner" && actor !== "owner") return [];
  return actor === "owner" ? ["owner", "manager", "member", "viewer"] : ["manager", "member", "viewer"];
}
