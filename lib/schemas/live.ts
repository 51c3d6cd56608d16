import { z } from "zod";

const id = z.string().min(1).max(64);

/** POST /api/v1/matrices/{id}/presence: the cell this tab has selected, or none. */
export const presenceInputSchema = z
  .object({
    selection: z.object({ rowId: id, personId: id }).strict().nullable(),
  })
  .strict();

export type PresenceInput = z.infer<typeof presenceInputSchema>;

/** GET /api/v1/matrices/{id}/changes?after=<changeId>. */
export const changesQuerySchema = z
  .object({
    after: z
      .string({ error: "Give after=<change id>." })
      .regex(/^\d{1,15}$/, "after must be a change id (a whole number).")
      .transform(Number),
  })
  .strict();
