import { z } from "zod";
import { DEFAULT_SETTINGS, FINDING_CODES, cloneDefaults } from "./rules";
import type { FindingCode, RaciSettings } from "./types";

// The catalog and defaults live in rules.ts (no zod, for the browser); re-exported here
// so `@/lib/raci/settings` keeps offering everything about settings.
export * from "./rules";

const percent = z.number().min(0).max(100);

function rangeSchema(defaults: { min: number; max: number }) {
  return z
    .strictObject({ min: percent.default(defaults.min), max: percent.default(defaults.max) })
    .refine((r) => r.min <= r.max, { message: "min must not be greater than max" })
    .prefault({});
}

const d = DEFAULT_SETTINGS;

/**
 * Parses a stored (possibly partial) settings object into full settings, filling
 * defaults. Strict: unknown keys and unknown rule codes are rejected, so a typo in a
 * write is an error rather than a silently ignored switch.
 */
export const raciSettingsSchema = z
  .strictObject({
    disabledRules: z
      .array(z.enum(FINDING_CODES as [FindingCode, ...FindingCode[]]))
      .max(FINDING_CODES.length * 4)
      .default([])
      // Stored in catalog order without duplicates, so equal settings serialize equally.
      .transform((codes) => FINDING_CODES.filter((c) => codes.includes(c))),
    maxResponsible: z.number().int().min(1).max(100).default(d.maxResponsible),
    maxConsulted: z.number().int().min(1).max(100).default(d.maxConsulted),
    overload: z
      .strictObject({
        mode: z.enum(["share", "count"]).default(d.overload.mode),
        // 0% would flag every A; 1% is the smallest meaningful share.
        maxShare: z.number().min(1).max(100).default(d.overload.maxShare),
        maxCount: z.number().int().min(1).max(10_000).default(d.overload.maxCount),
      })
      .prefault({}),
    codingRange: z
      .strictObject({
        techLead: rangeSchema(d.codingRange.techLead),
        engineeringManager: rangeSchema(d.codingRange.engineeringManager),
      })
      .prefault({}),
  })
  .prefault({});

/** Input accepted by {@link raciSettingsSchema} (the stored, partial shape). */
export type RaciSettingsInput = z.input<typeof raciSettingsSchema>;

// Compile-time guarantee that the schema's output is exactly the contract's type.
type Equals<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
const schemaMatchesContract: Equals<z.output<typeof raciSettingsSchema>, RaciSettings> = true;
void schemaMatchesContract;

/** Result of {@link readSettings}. */
export type ReadSettingsResult =
  { ok: true; settings: RaciSettings } | { ok: false; settings: RaciSettings; error: string };

/**
 * Reads stored settings (a JSON string such as the database's "{}", or an object)
 * without ever throwing: invalid input yields the defaults plus an error message, so a
 * bad stored value degrades to default rules instead of breaking the matrix page.
 * Writes should use `raciSettingsSchema` directly and reject errors.
 */
export function readSettings(stored: unknown): ReadSettingsResult {
  let value: unknown = stored;
  if (typeof stored === "string") {
    if (stored.trim() === "") value = {};
    else {
      try {
        value = JSON.parse(stored);
      } catch {
        return { ok: false, settings: cloneDefaults(), error: "Settings are not valid JSON." };
      }
    }
  }
  if (value == null) value = {};
  const parsed = raciSettingsSchema.safeParse(value);
  if (parsed.success) return { ok: true, settings: parsed.data };
  return { ok: false, settings: cloneDefaults(), error: z.prettifyError(parsed.error) };
}
