import { z } from "zod";
import { matrixNameSchema } from "./matrix";

/**
 * Query parameters of POST /api/v1/teams/{teamId}/matrices/import. The body is the
 * table itself: a multipart upload (`file`, or `text`, plus an optional `name` field)
 * or a text/csv, text/tab-separated-values, text/markdown, text/plain or .xlsx body.
 */
export const importQuerySchema = z.strictObject({
  /** The new matrix's name; defaults to the uploaded file's name. */
  name: matrixNameSchema.optional(),
  /** auto (default) detects Markdown, tab-separated or CSV text; xlsx for a workbook. */
  format: z
    .enum(["auto", "csv", "tsv", "markdown", "xlsx"], { error: "Use auto, csv, tsv, markdown or xlsx." })
    .default("auto"),
  /** 1: read and check only, save nothing (the preview before saving). */
  preview: z
    .enum(["1", "0", "true", "false"], { error: "Use 1 or 0." })
    .transform((v) => v === "1" || v === "true")
    .default(false),
});

/** The form fields a multipart import may carry. */
export const importFormSchema = z.strictObject({
  name: matrixNameSchema.optional(),
  text: z.string().optional(),
});

export type ImportQuery = z.output<typeof importQuerySchema>;
