import type { TeamRole } from "@/lib/schemas/team";

/** What each role may do, one line each, for pickers and the members page. */
export const ROLE_HINTS: Record<TeamRole, string> = {
  owner: "Everything, including deleting the team and transferring ownership",
  manager: "Edits matrices and people, invites and manages members, runs workshops",
  member: "Views matrices and votes in workshops",
  viewer: "Views matrices only",
};
