import { z } from "zod";

/** Expiry choices offered for a personal access token (days); null = never expires. */
export const TOKEN_EXPIRY_DAYS = [7, 30, 90, 365] as const;

export const tokenNameSchema = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, "Enter a name.")
  .max(80, "Use at most 80 characters.");

/** POST /api/v1/tokens: a name and an optional lifetime in days (1–366; absent or null = no expiry). */
export const createTokenSchema = z
  .object({
    name: tokenNameSchema,
    expiresInDays: z
      .number({ error: "Give a number of days." })
      .int("Give a whole number of days.")
      .min(1, "At least 1 day.")
      .max(366, "At most 366 days.")
      .nullable()
      .optional(),
  })
  .strict();

/** The account page's form: the same fields as text ("" = no expiry). */
export const createTokenFormSchema = z
  .object({
    name: tokenNameSchema,
    expiresInDays: z
      .enum(["", ...TOKEN_EXPIRY_DAYS.map(String)] as [string, ...string[]], { error: "Pick an expiry." })
      .transform((v) => (v === "" ? null : Number(v))),
  })
  .strict();

export const revokeTokenFormSchema = z.object({ tokenId: z.string().min(1).max(64) }).strict();

export type CreateTokenInput = z.infer<typeof createTokenSchema>;
