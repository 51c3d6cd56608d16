import type { TeamRole } from "@/lib/schemas/team";

/**
 * What each team role may do. Pure, so the UI shows only what the role allows and the
 * server enforces the same table (lib/server/authz.ts).
 */
export type Permission =
  | "team:view"
  | "team:rename"
  | "team:delete"
  | "team:transfer"
  | "members:manage"
  | "invitations:manage"
  | "share:manage"
  | "matrix:edit"
  | "people:edit"
  | "workshop:run"
  | "workshop:vote"
  | "audit:view";

const RANK: Record<TeamRole, number> = { viewer: 0, member: 1, manager: 2, owner: 3 };

const MIN_ROLE: Record<Permission, TeamRole> = {
  "team:view": "viewer",
  "workshop:vote": "member",
  "team:rename": "manager",
  "members:manage": "manager",
  "invitations:manage": "manager",
  "share:manage": "manager",
  "matrix:edit": "manager",
  "people:edit": "manager",
  "workshop:run": "manager",
  "team:delete": "owner",
  "team:transfer": "owner",
  "audit:view": "owner",
};

export function can(role: TeamRole | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  return RANK[role] >= RANK[MIN_ROLE[permission]];
}

export const ROLE_LABELS: Record<TeamRole, string> = {
  owner: "Owner",
  manager: "Manager",
  member: "Member",
  viewer: "Viewer",
};
