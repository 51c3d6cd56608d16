import "server-only";
import { db } from "@/lib/server/db";
import { teamRoleSchema, type TeamRole } from "@/lib/schemas/team";
import { accessTokenSchema } from "@/lib/schemas/access";
import { invitationState, type InvitationState } from "@/lib/teams/invitation-rules";
import { hashToken } from "./tokens";
import { invitationStateSelect } from "./invitation-dto";

export interface InvitationView {
  id: string;
  team: { id: string; slug: string; name: string };
  role: TeamRole;
  email: string | null;
  state: InvitationState;
  expiresAt: string;
  /** The viewer's current role in the team, when signed in and already a member. */
  currentRole: TeamRole | null;
}

/**
 * What the accept page shows for a link: the team's name and the offered role. Whoever
 * holds the token may see this much; an unknown token is null (the page is a 404).
 */
export async function findInvitationByToken(token: string, viewerId: string | null): Promise<InvitationView | null> {
  if (!accessTokenSchema.safeParse(token).success) return null;
  const row = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: invitationStateSelect,
  });
  if (!row) return null;
  const membership = viewerId
    ? await db.membership.findUnique({
        where: { teamId_userId: { teamId: row.team.id, userId: viewerId } },
        select: { role: true },
      })
    : null;
  return {
    id: row.id,
    team: row.team,
    role: teamRoleSchema.catch("viewer").parse(row.role),
    email: row.email,
    state: invitationState(row),
    expiresAt: row.expiresAt.toISOString(),
    currentRole: membership ? teamRoleSchema.catch("viewer").parse(membership.role) : null,
  };
}
