/**
 * The person form's values (shared by the person editor and "add a column") and their
 * mapping to the person schema of lib/schemas/matrix.ts.
 */
import type { ColumnDto } from "@/lib/matrix/dto";
import { ROLE_KIND_NAMES, normalizeRoleKinds, recognizeRoleKinds } from "@/lib/raci/role-kinds";
import { DEFAULT_SETTINGS } from "@/lib/raci/rules";
import type { RaciSettings, RoleKind } from "@/lib/raci/types";
import { createPersonSchema } from "@/lib/schemas/matrix";
import { fieldErrorsOf, type FieldErrors } from "./form-errors";

export interface PersonFormValues {
  name: string;
  roleTitle: string;
  isVacant: boolean;
  /** "auto": recognised from the title as it is typed; "manual": the boxes below. */
  kindsMode: "auto" | "manual";
  manualKinds: RoleKind[];
  /** As typed; "" means unknown. */
  codingShare: string;
}

/** What the dialogs hand to `onSave` / `onAdd`. */
export interface PersonValues {
  name: string;
  roleTitle: string;
  roleKinds: RoleKind[];
  kindsManual: boolean;
  isVacant: boolean;
  codingShare: number | null;
}

export const EMPTY_PERSON_FORM: PersonFormValues = {
  name: "",
  roleTitle: "",
  isVacant: false,
  kindsMode: "auto",
  manualKinds: [],
  codingShare: "",
};

export function personFormFromColumn(
  column: Pick<ColumnDto, "name" | "roleTitle" | "roleKinds" | "kindsManual" | "isVacant" | "codingShare">,
): PersonFormValues {
  return {
    name: column.name,
    roleTitle: column.roleTitle,
    isVacant: column.isVacant,
    kindsMode: column.kindsManual ? "manual" : "auto",
    manualKinds: normalizeRoleKinds(column.roleKinds),
    codingShare: column.codingShare === null ? "" : String(column.codingShare),
  };
}

/** The kinds the rules will use with these values (what the form shows live). */
export function formRoleKinds(v: Pick<PersonFormValues, "kindsMode" | "manualKinds" | "roleTitle">): RoleKind[] {
  return v.kindsMode === "manual" ? normalizeRoleKinds(v.manualKinds) : recognizeRoleKinds(v.roleTitle);
}

/** "Tech Lead", "Tech Lead and Engineering Manager", or "" for none. */
export function roleKindsText(kinds: readonly RoleKind[]): string {
  return kinds.map((k) => ROLE_KIND_NAMES[k]).join(" and ");
}

/**
 * The expected hands-on coding range for these kinds (from the matrix settings, by
 * default the seed's TL 30–70%, EM 0–30%), or null when no range applies. Someone in
 * both roles gets the union, as the CODING_TIME_OUT_OF_RANGE rule does.
 */
export function expectedCodingRange(
  kinds: readonly RoleKind[],
  ranges: RaciSettings["codingRange"] = DEFAULT_SETTINGS.codingRange,
): { min: number; max: number; text: string } | null {
  const tl = kinds.includes("TECH_LEAD");
  const em = kinds.includes("ENGINEERING_MANAGER");
  if (tl && em) {
    const min = Math.min(ranges.techLead.min, ranges.engineeringManager.min);
    const max = Math.max(ranges.techLead.max, ranges.engineeringManager.max);
    return { min, max, text: `Expected for someone in both roles: ${min}% to ${max}%.` };
  }
  if (tl) {
    const { min, max } = ranges.techLead;
    return { min, max, text: `Expected for a Tech Lead: ${min}% to ${max}% of the time.` };
  }
  if (em) {
    const { min, max } = ranges.engineeringManager;
    return { min, max, text: `Expected for an Engineering Manager: ${min}% to ${max}% of the time.` };
  }
  return null;
}

/** Validates with the server's person schema; the share is checked as a number first. */
export function parsePersonForm(
  v: PersonFormValues,
): { ok: true; values: PersonValues } | { ok: false; fields: FieldErrors } {
  const fields: FieldErrors = {};
  let codingShare: number | null = null;
  const share = v.codingShare.trim().replace(/%$/, "").trim();
  if (share !== "") {
    const n = Number(share);
    if (!Number.isFinite(n)) fields.codingShare = "Enter a number between 0 and 100, or leave it empty.";
    else if (!Number.isInteger(n)) fields.codingShare = "Use a whole number of percent.";
    else codingShare = n;
  }
  const candidate = {
    name: v.name,
    roleTitle: v.roleTitle,
    roleKinds: formRoleKinds(v),
    kindsManual: v.kindsMode === "manual",
    isVacant: v.isVacant,
    codingShare,
  };
  const parsed = createPersonSchema.safeParse(candidate);
  if (!parsed.success) Object.assign(fields, { ...fieldErrorsOf(parsed.error), ...fields });
  if (Object.keys(fields).length > 0 || !parsed.success) return { ok: false, fields };
  const d = parsed.data;
  return {
    ok: true,
    values: {
      name: d.name,
      roleTitle: d.roleTitle ?? "",
      roleKinds: normalizeRoleKinds(d.roleKinds ?? []),
      kindsManual: d.kindsManual ?? false,
      isVacant: d.isVacant ?? false,
      codingShare: d.codingShare ?? null,
    },
  };
}
