import { apiRoute, parseJson } from "@/lib/server/api";
import { changeRoleSchema } from "@/lib/schemas/access";
import { requestMeta } from "@/lib/server/audit/request-meta";
import { changeMemberRole } from "@/lib/server/members/change-member-role";
import { removeMember } from "@/lib/server/members/remove-member";

type P = { teamId: string; userId: string };

export const PATCH = apiRoute<P>(async ({ user, params, request }) => {
  const { role } = await parseJson(request, changeRoleSchema);
  const member = await changeMemberRole(user, params.teamId, params.userId, role, requestMeta(request));
  return Response.json({ member });
});

/** Removes a member; with your own user id, leaves the team. */
export const DELETE = apiRoute<P>(async ({ user, params, request }) => {
  return Response.json(await removeMember(user, params.teamId, params.userId, requestMeta(request)));
});
