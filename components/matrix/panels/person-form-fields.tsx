"use client";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { ROLE_KINDS, ROLE_KIND_NAMES } from "@/lib/raci/role-kinds";
import type { RaciSettings, RoleKind } from "@/lib/raci/types";
import type { FieldErrors } from "./form-errors";
import { expectedCodingRange, formRoleKinds, roleKindsText, type PersonFormValues } from "./person-form";

/** The fields these components show; other error keys go to the form message. */
export const PERSON_FIELD_KEYS = ["name", "roleTitle", "roleKinds", "kindsManual", "isVacant", "codingShare"] as const;

const KIND_EXPLANATIONS: Record<RoleKind, string> = {
  TECH_LEAD: "In charge of the System.",
  ENGINEERING_MANAGER: "In charge of the People.",
};

/**
 * The fields of a person or unfilled role, shared by the person editor and "Add a
 * column". Controlled: the owner keeps the values, so a refused save keeps them.
 */
export function PersonFormFields({
  idPrefix,
  values,
  onChange,
  errors,
  codingRange,
  disabled,
}: {
  /** Makes ids unique when two forms could be on the page. */
  idPrefix: string;
  values: PersonFormValues;
  onChange: (values: PersonFormValues) => void;
  errors?: FieldErrors;
  /** The matrix's coding ranges; default: the Engineering Ladders ranges. */
  codingRange?: RaciSettings["codingRange"];
  disabled?: boolean;
}) {
  const set = <K extends keyof PersonFormValues>(key: K, value: PersonFormValues[K]) =>
    onChange({ ...values, [key]: value });
  const kinds = formRoleKinds(values);
  const recognised = formRoleKinds({ ...values, kindsMode: "auto" });
  const range = expectedCodingRange(kinds, codingRange);
  const id = (name: string) => `${idPrefix}-${name}`;
  const kindsError = errors?.roleKinds ?? errors?.kindsManual;

  return (
    <div className="space-y-4">
      <Field
        id={id("name")}
        label="Name"
        value={values.name}
        onChange={(e) => set("name", e.target.value)}
        error={errors?.name}
        hint={values.isVacant ? "For an unfilled role, the role's name will do, e.g. “Tech Lead”." : undefined}
        maxLength={120}
        autoComplete="off"
        required
        disabled={disabled}
      />
      <Field
        id={id("role-title")}
        label="Role title"
        value={values.roleTitle}
        onChange={(e) => set("roleTitle", e.target.value)}
        error={errors?.roleTitle}
        placeholder="Senior Tech Lead"
        maxLength={120}
        autoComplete="off"
        disabled={disabled}
      />
      <Checkbox
        id={id("vacant")}
        label="Unfilled role"
        description="Nobody holds this role yet. The rules still count it, so gaps show before someone is hired."
        checked={values.isVacant}
        onChange={(e) => set("isVacant", e.target.checked)}
        error={errors?.isVacant}
        disabled={disabled}
      />

      <fieldset className="space-y-3" aria-describedby={kindsError ? id("kinds-error") : undefined} disabled={disabled}>
        <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">Role kind</legend>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Decides which Tech Lead / Engineering Manager rules apply to this column.
        </p>
        <div className="space-y-2">
          <label className="flex items-start gap-2.5 text-sm">
            <input
              type="radio"
              name={id("kinds-mode")}
              value="auto"
              checked={values.kindsMode === "auto"}
              onChange={() => set("kindsMode", "auto")}
              className="mt-0.5 size-4 accent-accent-600"
            />
            <span>
              <span className="font-medium">Recognise from the title</span>
              {/* Announced as the title is typed, only when the result changes. */}
              <span aria-live="polite" className="block text-slate-600 dark:text-slate-400">
                {recognised.length > 0
                  ? `Recognised: ${roleKindsText(recognised)}.`
                  : "Nothing recognised: neither Tech Lead nor Engineering Manager."}
              </span>
            </span>
          </label>
          <label className="flex items-start gap-2.5 text-sm">
            <input
              type="radio"
              name={id("kinds-mode")}
              value="manual"
              checked={values.kindsMode === "manual"}
              onChange={() =>
                // Start from what was recognised, so switching modes changes nothing yet.
                onChange({
                  ...values,
                  kindsMode: "manual",
                  manualKinds: values.kindsMode === "manual" ? values.manualKinds : recognised,
                })
              }
              className="mt-0.5 size-4 accent-accent-600"
            />
            <span className="font-medium">Set by hand</span>
          </label>
          {values.kindsMode === "manual" ? (
            <div className="ml-1.5 space-y-2 border-l-2 border-slate-200 pl-4 dark:border-slate-700">
              {ROLE_KINDS.map((kind) => (
                <Checkbox
                  key={kind}
                  id={id(`kind-${kind}`)}
                  label={ROLE_KIND_NAMES[kind]}
                  description={KIND_EXPLANATIONS[kind]}
                  checked={values.manualKinds.includes(kind)}
                  onChange={(e) =>
                    set(
                      "manualKinds",
                      e.target.checked ? [...values.manualKinds, kind] : values.manualKinds.filter((k) => k !== kind),
                    )
                  }
                />
              ))}
              <p className="text-xs text-slate-600 dark:text-slate-400">
                A person may hold both: small teams often merge the two roles. Neither is fine too.
              </p>
            </div>
          ) : null}
        </div>
        {kindsError ? (
          <p id={id("kinds-error")} className="text-sm text-red-700 dark:text-red-400">
            {kindsError}
          </p>
        ) : null}
      </fieldset>

      <Field
        id={id("coding-share")}
        label="Hands-on coding, % of the time (optional)"
        type="number"
        inputMode="numeric"
        min={0}
        max={100}
        step={1}
        value={values.codingShare}
        onChange={(e) => set("codingShare", e.target.value)}
        error={errors?.codingShare}
        hint={
          range
            ? `${range.text} Leave empty if you do not know.`
            : "No expected range: this column is neither Tech Lead nor Engineering Manager. Leave empty if you do not know."
        }
        className="max-w-sm"
        disabled={disabled}
      />
    </div>
  );
}
