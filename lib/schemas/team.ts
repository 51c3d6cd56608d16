import { z } from "zod";

export const TEAM_ROLES = ["owner", "manager", "member", "viewer"] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
export const teamRoleSchema = z.enum(TEAM_ROLES);

export const teamNameSchema = z
  .string({ error: "Enter a team name." })
  .trim()
  .min(2, "Use at least 2 characters.")
  .max(60, "Use at most 60 characters.");

export const createTeamSchema = z.object({ name: teamNameSchema }).strict();

export const renameTeamSchema = z
  .object({
    teamId: z.string().min(1).max(64),
    name: teamNameSchema,
  })
  .strict();

export type CreateTeamInput = z.infer<typeof createTeamSchema>;
export type RenameTeamInput = z.infer<typeof renameTeamSchema>;
