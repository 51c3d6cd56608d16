import { z } from "zod";
import { teamRoleSchema } from "@/lib/schemas/team";

/** POST /api/v1/teams/{teamId}/invitations */
export const createInvitationSchema = z
  .object({
    role: teamRoleSchema,
    expiresInDays: z.union([z.literal(1), z.literal(7), z.literal(30)], {
      error: "Choose 1, 7 or 30 days.",
    }),
    /** single: the link works once; multi: until it expires or is revoked. */
    uses: z.enum(["single", "multi"], { error: "Choose single or multiple use." }),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254, "Use at most 254 characters.")
      .pipe(z.union([z.literal(""), z.email("Enter a valid email address, or leave it empty.")]))
      .optional(),
  })
  .strict();
export type CreateInvitationInput = z.infer<typeof createInvitationSchema>;

/** PATCH /api/v1/teams/{teamId}/members/{userId} */
export const changeRoleSchema = z.object({ role: teamRoleSchema }).strict();
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;

/** POST /api/v1/matrices/{matrixId}/share-link: turn on, or regenerate the token. */
export const shareLinkSchema = z.object({ regenerate: z.boolean().optional() }).strict();

const tokenSchema = z
  .string()
  .min(20)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/);

/** The "Join team" form on /invite/{token}. */
export const acceptInvitationSchema = z.object({ token: tokenSchema }).strict();

/** Owner-only forms: typed confirmation of the team's name. */
export const deleteTeamSchema = z.object({ teamId: z.string().min(1).max(64), confirm: z.string().max(200) }).strict();
export const transferOwnershipSchema = z
  .object({
    teamId: z.string().min(1).max(64),
    userId: z.string({ error: "Choose the new owner." }).min(1, "Choose the new owner.").max(64),
    confirm: z.string().max(200),
  })
  .strict();

export { tokenSchema as accessTokenSchema };
