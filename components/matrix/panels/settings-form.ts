/**
 * The rule settings form: RaciSettings as editable text and switches, and back through
 * raciSettingsSchema (the schema the server uses for PATCH /matrices/{id}).
 */
import type { z } from "zod";
import { FINDING_CODES, cloneDefaults } from "@/lib/raci/rules";
import type { FindingCode, RaciSettings } from "@/lib/raci/types";
import { raciSettingsSchema } from "@/lib/raci/settings";
import { fieldErrorsOf, type FieldErrors } from "./form-errors";

export interface SettingsFormValues {
  /** Codes switched on (the form shows switches, the settings store what is off). */
  enabled: FindingCode[];
  maxResponsible: string;
  maxConsulted: string;
  overloadMode: "share" | "count";
  maxShare: string;
  maxCount: string;
  tlMin: string;
  tlMax: string;
  emMin: string;
  emMax: string;
}

/** Form field → the settings path its errors come back on. */
export const SETTINGS_FIELD_PATHS = {
  maxResponsible: "maxResponsible",
  maxConsulted: "maxConsulted",
  maxShare: "overload.maxShare",
  maxCount: "overload.maxCount",
  tlMin: "codingRange.techLead.min",
  tlMax: "codingRange.techLead.max",
  emMin: "codingRange.engineeringManager.min",
  emMax: "codingRange.engineeringManager.max",
} as const satisfies Partial<Record<keyof SettingsFormValues, string>>;

/** Errors about a whole range (min above max) come back on the range's own path. */
export const RANGE_PATHS = { tl: "codingRange.techLead", em: "codingRange.engineeringManager" } as const;

export function settingsToForm(s: RaciSettings): SettingsFormValues {
  return {
    enabled: FINDING_CODES.filter((c) => !s.disabledRules.includes(c)),
    maxResponsible: String(s.maxResponsible),
    maxConsulted: String(s.maxConsulted),
    overloadMode: s.overload.mode,
    maxShare: String(s.overload.maxShare),
    maxCount: String(s.overload.maxCount),
    tlMin: String(s.codingRange.techLead.min),
    tlMax: String(s.codingRange.techLead.max),
    emMin: String(s.codingRange.engineeringManager.min),
    emMax: String(s.codingRange.engineeringManager.max),
  };
}

/** The defaults as form values (Reset to defaults). */
export function defaultSettingsForm(): SettingsFormValues {
  return settingsToForm(cloneDefaults());
}

/** zod's default wording is for developers; these say the same for people. */
function humanize(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "too_small":
      return `Enter ${String(issue.minimum)} or more.`;
    case "too_big":
      return `Enter ${String(issue.maximum)} or less.`;
    case "invalid_type":
      return issue.expected === "int" ? "Enter a whole number." : "Enter a number.";
    case "custom":
      return "The minimum must not be above the maximum.";
    default:
      return issue.message;
  }
}

/** Empty or non-numeric text is reported before the schema, which only sees numbers. */
function toNumber(text: string): number | undefined {
  const t = text.trim().replace(/%$/, "").trim();
  if (t === "") return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

export function parseSettingsForm(
  v: SettingsFormValues,
): { ok: true; settings: RaciSettings } | { ok: false; fields: FieldErrors } {
  const fields: FieldErrors = {};
  const num = (key: keyof typeof SETTINGS_FIELD_PATHS): number => {
    const n = toNumber(v[key]);
    if (n === undefined) {
      fields[SETTINGS_FIELD_PATHS[key]] = "Enter a number.";
      return Number.NaN;
    }
    return n;
  };
  const candidate = {
    disabledRules: FINDING_CODES.filter((c) => !v.enabled.includes(c)),
    maxResponsible: num("maxResponsible"),
    maxConsulted: num("maxConsulted"),
    overload: { mode: v.overloadMode, maxShare: num("maxShare"), maxCount: num("maxCount") },
    codingRange: {
      techLead: { min: num("tlMin"), max: num("tlMax") },
      engineeringManager: { min: num("emMin"), max: num("emMax") },
    },
  };
  const parsed = raciSettingsSchema.safeParse(candidate);
  if (!parsed.success) {
    // Our own "Enter a number." wins over zod's complaint about the NaN stand-in.
    for (const [k, msg] of Object.entries(fieldErrorsOf(parsed.error, humanize))) fields[k] ??= msg;
  }
  if (!parsed.success || Object.keys(fields).length > 0) return { ok: false, fields };
  return { ok: true, settings: parsed.data };
}
