import "server-only";
import { teamRoleSchema } from "@/lib/schemas/team";
import { invitationState } from "@/lib/teams/invitation-rules";
import type { InvitationDto } from "@/lib/teams/access-dto";

export type { InvitationDto };

export const invitationSelect = {
  id: true,
  role: true,
  email: true,
  expiresAt: true,
  maxUses: true,
  uses: true,
  revokedAt: true,
  createdAt: true,
  createdById: true,
} as const;

/** What deciding on an invitation needs: its state (invitation-rules.ts) and its team. */
export const invitationStateSelect = {
  id: true,
  role: true,
  email: true,
  expiresAt: true,
  revokedAt: true,
  maxUses: true,
  uses: true,
  team: { select: { id: true, slug: true, name: true } },
} as const;

interface InvitationRow {
  id: string;
  role: string;
  email: string | null;
  expiresAt: Date;
  maxUses: number | null;
  uses: number;
  revokedAt: Date | null;
  createdAt: Date;
  createdById: string | null;
}

export function reshapeInvitation(row: InvitationRow, creators: ReadonlyMap<string, string>): InvitationDto {
  const creatorName = row.createdById ? creators.get(row.createdById) : undefined;
  return {
    id: row.id,
    role: teamRoleSchema.catch("viewer").parse(row.role),
    email: row.email,
    expiresAt: row.expiresAt.toISOString(),
    maxUses: row.maxUses,
    uses: row.uses,
    state: invitationState(row),
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdById && creatorName ? { id: row.createdById, name: creatorName } : null,
  };
}
