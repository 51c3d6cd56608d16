import { apiRoute } from "@/lib/server/api";
import { findMembers } from "@/lib/server/members/find-members";

type P = { teamId: string };

export const GET = apiRoute<P>(async ({ user, params }) => {
  return Response.json({ members: await findMembers(user.id, params.teamId) });
});
