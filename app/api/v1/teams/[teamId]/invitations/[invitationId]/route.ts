import { apiRoute } from "@/lib/server/api";
import { requestMeta } from "@/lib/server/audit/request-meta";
import { revokeInvitation } from "@/lib/server/invitations/revoke-invitation";

type P = { teamId: string; invitationId: string };

export const DELETE = apiRoute<P>(async ({ user, params, request }) => {
  await revokeInvitation(user, params.teamId, params.invitationId, requestMeta(request));
  return Response.json({ ok: true });
});
