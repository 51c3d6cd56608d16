import { apiRoute, parseJson } from "@/lib/server/api";
import { createInvitationSchema } from "@/lib/schemas/access";
import { requestMeta } from "@/lib/server/audit/request-meta";
import { createInvitation } from "@/lib/server/invitations/create-invitation";
import { findPendingInvitations } from "@/lib/server/invitations/find-invitations";
import { publicOrigin } from "@/lib/server/invitations/tokens";

type P = { teamId: string };

export const GET = apiRoute<P>(async ({ user, params }) => {
  return Response.json(
    { invitations: await findPendingInvitations(user.id, params.teamId) },
    { headers: { "Cache-Control": "no-store" } },
  );
});

export const POST = apiRoute<P>(async ({ user, params, request }) => {
  const input = await parseJson(request, createInvitationSchema);
  const created = await createInvitation(user, params.teamId, input, {
    ...requestMeta(request),
    origin: publicOrigin(request),
  });
  return Response.json(created, { status: 201, headers: { "Cache-Control": "no-store" } });
});
