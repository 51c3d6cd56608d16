/** Wire shapes of the access endpoints (docs/api-access.md), shared by server and client. */
import type { TeamRole } from "@/lib/schemas/team";
import type { InvitationState } from "./invitation-rules";

/** An invitation as the members page and the API show it (never the token or its hash). */
export interface InvitationDto {
  id: string;
  role: TeamRole;
  email: string | null;
  expiresAt: string;
  /** 1: single use; null: until it expires or is revoked. */
  maxUses: number | null;
  uses: number;
  state: InvitationState;
  createdAt: string;
  createdBy: { id: string; name: string } | null;
}

export interface CreatedInvitation {
  invitation: InvitationDto;
  /** The only time the link exists outside the invitee's hands: shown once, never stored. */
  path: string;
  url: string;
  /** null: no email address given; false: email is off or the server refused. */
  emailSent: boolean | null;
  emailConfigured: boolean;
}

export interface MemberDto {
  userId: string;
  name: string;
  email: string;
  role: TeamRole;
}

/** A matrix's read-only link, as managers see it (kept so it can be copied again). */
export interface ShareLinkDto {
  path: string;
  createdAt: string;
}
