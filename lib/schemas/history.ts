import { z } from "zod";

const id = z.string().min(1).max(64);

/** GET /api/v1/matrices/{id}/history?before=&limit= */
export const historyQuerySchema = z
  .object({
    before: z
      .string()
      .regex(/^\d{1,15}$/, "before must be a change id (a whole number).")
      .transform(Number)
      .optional(),
    limit: z
      .string()
      .regex(/^\d{1,3}$/, "limit must be a whole number from 1 to 200.")
      .transform(Number)
      .pipe(z.number().int().min(1, "limit must be at least 1.").max(200, "limit must be at most 200."))
      .optional(),
  })
  .strict();

/** GET /api/v1/matrices/{id}/cells/history?rowId=&personId= */
export const cellHistoryQuerySchema = z.object({ rowId: id, personId: id }).strict();

/** POST /api/v1/matrices/{id}/snapshots */
export const createSnapshotSchema = z
  .object({
    name: z.string().trim().min(1, "Give the version a name.").max(120, "Use at most 120 characters."),
  })
  .strict();

/** POST …/undo and …/redo take no fields. */
export const emptyBodySchema = z.object({}).strict();

export type CreateSnapshotInput = z.infer<typeof createSnapshotSchema>;
