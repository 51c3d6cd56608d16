import { apiRoute } from "@/lib/server/api";
import { findTeamsForUser } from "@/lib/server/teams/find-teams-for-user";

/** GET /api/v1/teams — my teams: id, slug, name, my role. */
export const GET = apiRoute(async ({ user }) => {
  const teams = await findTeamsForUser(user.id);
  return Response.json({ teams });
});
