/**
 * The life of an invitation link, pure: whether it can still be accepted, and how its
 * state reads to a person.
 */
export type InvitationState = "active" | "expired" | "revoked" | "used_up";

export interface InvitationLike {
  expiresAt: Date;
  revokedAt: Date | null;
  maxUses: number | null;
  uses: number;
}

export function invitationState(inv: InvitationLike, now: Date = new Date()): InvitationState {
  if (inv.revokedAt) return "revoked";
  if (inv.maxUses !== null && inv.uses >= inv.maxUses) return "used_up";
  if (inv.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

/** Why a link cannot be used, written for the person who followed it. */
export const INVITATION_STATE_MESSAGES: Record<Exclude<InvitationState, "active">, string> = {
  expired: "This invitation has expired. Ask the person who invited you for a new link.",
  revoked: "This invitation was withdrawn. Ask the person who invited you for a new link.",
  used_up: "This invitation has already been used. Ask the person who invited you for a new link.",
};

/** Expiry choices offered when inviting, in days. */
export const INVITATION_EXPIRY_DAYS = [1, 7, 30] as const;
export type InvitationExpiryDays = (typeof INVITATION_EXPIRY_DAYS)[number];
