import { z } from "zod";
import { hasSeveralAccountable } from "@/lib/raci/workshop";
import { lettersSchema } from "@/lib/schemas/matrix";

const id = z.string().min(1).max(64);

/** Letters per column (person id), e.g. `{ "p1": "RA", "p2": "C" }`; at most one A. */
export const rowLettersSchema = z
  .record(id, lettersSchema)
  .refine((r) => Object.keys(r).length <= 500, "Too many columns.")
  .refine((r) => !hasSeveralAccountable(r), "Give A (Accountable) to one person at most.");

/** Characters of a join code: no 0/O, 1/I/L, 2/Z, 5/S, 8/B, so a code read off a projector is typed right. */
export const JOIN_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
export const JOIN_CODE_LENGTH = 6;

/** A join code as people type it: any case, spaces and dashes ignored. */
export const joinCodeSchema = z
  .string({ error: "Enter the code shown by the facilitator." })
  .max(32)
  .transform((s) => s.replace(/[\s-]/g, "").toUpperCase())
  .refine((s) => s.length > 0, "Enter the code shown by the facilitator.")
  .refine(
    (s) => s.length === JOIN_CODE_LENGTH && [...s].every((ch) => JOIN_CODE_ALPHABET.includes(ch)),
    `A code has ${JOIN_CODE_LENGTH} letters and digits, like "K7RM4X".`,
  );

/** POST /api/v1/workshops/join */
export const joinWorkshopSchema = z.object({ code: joinCodeSchema }).strict();

export const timerSecondsSchema = z
  .number({ error: "Give the timer in seconds." })
  .int("Give the timer in whole seconds.")
  .min(15, "Use at least 15 seconds.")
  .max(3600, "Use at most an hour per item.");

/** POST /api/v1/matrices/{id}/workshops */
export const startWorkshopSchema = z
  .object({
    name: z.string().trim().max(120, "Use at most 120 characters.").optional(),
    /** Seconds per item, or none. */
    timerSeconds: timerSecondsSchema.nullable().optional(),
  })
  .strict();

/** PUT /api/v1/workshops/{id}/votes: letters for the current item, or a skip. */
export const castVoteSchema = z.union([
  z.object({ itemId: id, letters: rowLettersSchema }).strict(),
  z.object({ itemId: id, skipped: z.literal(true) }).strict(),
]);

/**
 * POST /api/v1/workshops/{id}/actions: what the facilitator does. Actions about the
 * current item carry its id: if the workshop moved on meanwhile (another facilitator
 * tab), the action is refused with a 409 instead of landing on the wrong item.
 */
export const workshopActionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("reveal"), itemId: id }).strict(),
  z.object({ type: z.literal("reopen"), itemId: id }).strict(),
  z
    .object({
      type: z.literal("decide"),
      itemId: id,
      letters: rowLettersSchema,
      /** Move on to the next pending item afterwards. */
      advance: z.boolean().optional(),
    })
    .strict(),
  z.object({ type: z.literal("next"), fromItemId: id.nullable() }).strict(),
  z.object({ type: z.literal("back"), fromItemId: id.nullable() }).strict(),
  z.object({ type: z.literal("goto"), itemId: id }).strict(),
  z.object({ type: z.literal("park"), itemId: id }).strict(),
  z.object({ type: z.literal("unpark"), itemId: id }).strict(),
  /** Moves an agenda item after another one (null: to the top). */
  z.object({ type: z.literal("reorder"), itemId: id, afterId: id.nullable() }).strict(),
  z.object({ type: z.literal("timer"), seconds: timerSecondsSchema.nullable() }).strict(),
  z.object({ type: z.literal("restart-timer") }).strict(),
  z.object({ type: z.literal("end") }).strict(),
]);

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** GET /api/v1/workshops/{id}/summary.pdf?tz=Europe/Paris */
export const summaryPdfQuerySchema = z.strictObject({
  tz: z
    .string()
    .max(64)
    .regex(/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+){0,2}$/, "Use an IANA time zone such as Europe/Paris.")
    .refine(isTimeZone, "Use an IANA time zone such as Europe/Paris.")
    .default("UTC"),
});

export type RowLettersInput = z.infer<typeof rowLettersSchema>;
export type StartWorkshopInput = z.infer<typeof startWorkshopSchema>;
export type CastVoteInput = z.infer<typeof castVoteSchema>;
export type WorkshopAction = z.infer<typeof workshopActionSchema>;
