/** The row editor's values and their mapping to the row schema (lib/schemas/matrix.ts). */
import type { RowDto } from "@/lib/matrix/dto";
import type { Domain } from "@/lib/raci";
import { createRowSchema } from "@/lib/schemas/matrix";
import { fieldErrorsOf, type FieldErrors } from "./form-errors";

/** What the form holds: text as typed, domain "" for none (a radio needs a value). */
export interface RowFormValues {
  title: string;
  description: string;
  category: string;
  domain: Domain | "";
}

/** What `RowEditorDialog.onSave` receives: trimmed and validated. */
export interface RowValues {
  title: string;
  description: string;
  category: string;
  domain: Domain | null;
}

/** The domains, with one line each from the Engineering Ladders split. */
export const DOMAIN_OPTIONS: readonly { value: Domain | ""; label: string; explanation: string }[] = [
  {
    value: "SYSTEM",
    label: "System",
    explanation: "The Tech Lead's side: the Tech Lead is in charge of the System, its design, quality and operation.",
  },
  {
    value: "PEOPLE",
    label: "People",
    explanation:
      "The Engineering Manager's side: the Engineering Manager is in charge of the People, their growth and the team.",
  },
  {
    value: "SHARED",
    label: "Shared",
    explanation: "Both need a letter, like the System Roadmap or the Development Process.",
  },
  {
    value: "",
    label: "None",
    explanation: "Not part of the Tech Lead / Engineering Manager split: those rules leave it alone.",
  },
];

export function rowFormFromRow(row: RowDto | null): RowFormValues {
  return {
    title: row?.title ?? "",
    description: row?.description ?? "",
    category: row?.category ?? "",
    domain: row?.domain ?? "",
  };
}

/** Validates with the same schema as the server, so messages match. */
export function parseRowForm(v: RowFormValues): { ok: true; values: RowValues } | { ok: false; fields: FieldErrors } {
  const parsed = createRowSchema.safeParse({
    title: v.title,
    description: v.description,
    category: v.category,
    domain: v.domain === "" ? null : v.domain,
  });
  if (!parsed.success) return { ok: false, fields: fieldErrorsOf(parsed.error) };
  const d = parsed.data;
  return {
    ok: true,
    values: { title: d.title, description: d.description ?? "", category: d.category ?? "", domain: d.domain ?? null },
  };
}

/** Existing categories for the datalist: trimmed, unique, sorted, without blanks. */
export function categoryOptions(categories: readonly string[]): string[] {
  const set = new Set(categories.map((c) => c.trim()).filter((c) => c !== ""));
  return [...set].sort((a, b) => a.localeCompare(b));
}
