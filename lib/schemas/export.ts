import { z } from "zod";

/**
 * Query parameters of the export endpoints (GET /api/v1/matrices/{id}/export.pdf, .csv,
 * .xlsx). The filter mirrors the grid's: a filtered view exports what is shown.
 * Repeatable parameters (`category`, `domain`, `column`) may appear several times.
 */

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const flag = z.enum(["1", "0", "true", "false"], { error: "Use 1 or 0." }).transform((v) => v === "1" || v === "true");

const filterFields = {
  /** Category to include (repeatable); an empty value selects uncategorized rows. */
  category: z.array(z.string().trim().max(80, "Use at most 80 characters.")).max(200).default([]),
  /** Domain to include (repeatable): system, people, shared, or none for rows without one. */
  domain: z
    .array(z.enum(["system", "people", "shared", "none"], { error: "Use system, people, shared or none." }))
    .max(4)
    .default([]),
  /** Column (matrix column id or person id) to include (repeatable). */
  column: z.array(z.string().min(1).max(64)).max(500).default([]),
  /** Only responsibilities with at least one finding. */
  onlyWithFindings: flag.default(false),
  /** Text the responsibility titles contain (case-insensitive). */
  q: z.string().max(200, "Use at most 200 characters.").default(""),
  /** IANA time zone for the dates printed, e.g. Europe/Paris (default UTC). */
  tz: z
    .string()
    .max(64)
    .regex(/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+){0,2}$/, "Use an IANA time zone such as Europe/Paris.")
    .refine(isTimeZone, "Use an IANA time zone such as Europe/Paris.")
    .default("UTC"),
};

/** The parameters that may repeat; every other one must appear at most once. */
export const REPEATABLE_EXPORT_PARAMS = ["category", "domain", "column"] as const;

/** CSV and XLSX: the filter only. */
export const tableExportQuerySchema = z.strictObject(filterFields);

/** PDF: the filter, paper, orientation and whether the findings are included. */
export const pdfExportQuerySchema = z.strictObject({
  ...filterFields,
  paper: z.enum(["a4", "letter"], { error: "Use a4 or letter." }).default("a4"),
  orientation: z.enum(["auto", "portrait", "landscape"], { error: "Use auto, portrait or landscape." }).default("auto"),
  /** Findings summary page and markers (default 1). */
  includeFindings: flag.default(true),
});

export type TableExportQuery = z.output<typeof tableExportQuerySchema>;
export type PdfExportQuery = z.output<typeof pdfExportQuerySchema>;

/**
 * URL parameters as a plain object for a strict schema: repeatable keys become arrays,
 * the others single strings (a repeated single key stays an array, which the schema
 * then refuses).
 */
export function searchParamsObject(
  params: URLSearchParams,
  repeatable: readonly string[] = [],
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = repeatable.includes(key) || values.length > 1 ? values : (values[0] ?? "");
  }
  return out;
}
