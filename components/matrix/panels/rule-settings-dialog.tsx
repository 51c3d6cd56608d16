"use client";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogBody, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import type { RaciSettings } from "@/lib/raci";
import { RULE_SECTIONS, RuleSettingsView, SeverityTag } from "./rule-settings-view";
import {
  RANGE_PATHS,
  SETTINGS_FIELD_PATHS as P,
  defaultSettingsForm,
  parseSettingsForm,
  settingsToForm,
  type SettingsFormValues,
} from "./settings-form";
import { useDialogSave } from "./use-dialog-save";

const SHOWN_FIELDS = [...Object.values(P), ...Object.values(RANGE_PATHS)];

/** Switches rules on and off and sets their limits, per matrix. Read-only for viewers. */
export function RuleSettingsDialog({
  open,
  settings,
  canEdit,
  onClose,
  onSave,
}: {
  open: boolean;
  settings: RaciSettings;
  canEdit: boolean;
  onClose: () => void;
  onSave: (settings: RaciSettings) => Promise<void>;
}) {
  const busyRef = useRef(false);
  return (
    <Dialog
      open={open}
      onClose={() => {
        if (!busyRef.current) onClose();
      }}
      size="lg"
      title="Rule settings"
      description={
        canEdit
          ? "Which checks run on this matrix, and their limits. Changes apply to everyone looking at it."
          : "Which checks run on this matrix, and their limits. Only team managers and owners can change them."
      }
    >
      {canEdit ? (
        <RuleSettingsForm settings={settings} busyRef={busyRef} onClose={onClose} onSave={onSave} />
      ) : (
        <RuleSettingsView settings={settings} onClose={onClose} />
      )}
    </Dialog>
  );
}

function RuleSettingsForm({
  settings,
  busyRef,
  onClose,
  onSave,
}: {
  settings: RaciSettings;
  busyRef: React.RefObject<boolean>;
  onClose: () => void;
  onSave: (settings: RaciSettings) => Promise<void>;
}) {
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const [values, setValues] = useState<SettingsFormValues>(() => settingsToForm(settings));
  const { isSaving, errors, message, attempt, refuse, run } = useDialogSave(SHOWN_FIELDS);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, attempt);
  const set = <K extends keyof SettingsFormValues>(key: K, value: SettingsFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (isSaving) return;
    const parsed = parseSettingsForm(values);
    if (!parsed.ok) return refuse(parsed.fields);
    busyRef.current = true;
    const ok = await run(() => onSave(parsed.settings));
    busyRef.current = false;
    if (ok) onClose();
  }

  const numberField = (
    key: keyof typeof P,
    label: string,
    props: { min: number; max: number; hint?: string; error?: string },
  ) => (
    <Field
      id={id(key)}
      label={label}
      type="number"
      inputMode="numeric"
      min={props.min}
      max={props.max}
      step={1}
      value={values[key]}
      onChange={(e) => set(key, e.target.value)}
      error={errors[P[key]] ?? props.error}
      hint={props.hint}
    />
  );

  // "min above max" is about the pair; it is shown once, on the "to" field.
  const rangeError = (which: keyof typeof RANGE_PATHS) => errors[RANGE_PATHS[which]];

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="flex min-h-0 flex-col">
      <DialogBody>
        {RULE_SECTIONS.map((section) => (
          <fieldset key={section.title} className="space-y-3">
            <legend className="text-sm font-semibold text-slate-900 dark:text-slate-100">{section.title}</legend>
            <p className="text-xs text-slate-600 dark:text-slate-400">
              Ticked rules are on; untick one to switch it off for this matrix.
            </p>
            {section.rules.map((rule) => (
              <Checkbox
                key={rule.code}
                id={id(rule.code)}
                label={
                  <>
                    {rule.title}
                    <SeverityTag rule={rule} />
                  </>
                }
                description={rule.explanation}
                checked={values.enabled.includes(rule.code)}
                onChange={(e) =>
                  set(
                    "enabled",
                    e.target.checked ? [...values.enabled, rule.code] : values.enabled.filter((c) => c !== rule.code),
                  )
                }
              />
            ))}
          </fieldset>
        ))}

        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold text-slate-900 dark:text-slate-100">Limits per item</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            {numberField("maxResponsible", "Most people responsible (R)", { min: 1, max: 100 })}
            {numberField("maxConsulted", "Most people consulted (C)", { min: 1, max: 100 })}
          </div>
        </fieldset>

        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold text-slate-900 dark:text-slate-100">
            When is a person overloaded?
          </legend>
          <div className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
            {(
              [
                ["share", "Accountable for too large a share of the items"],
                ["count", "Accountable for too many items"],
              ] as const
            ).map(([mode, label]) => (
              <label key={mode} className="flex items-center gap-2">
                <input
                  type="radio"
                  name={id("overload-mode")}
                  value={mode}
                  checked={values.overloadMode === mode}
                  onChange={() => set("overloadMode", mode)}
                  className="size-4 accent-accent-600"
                />
                {label}
              </label>
            ))}
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            {numberField("maxShare", "Largest share, %", {
              min: 1,
              max: 100,
              hint:
                values.overloadMode === "share"
                  ? "In use. Raised automatically when only two or three people hold letters."
                  : "Not in use while counting items.",
            })}
            {numberField("maxCount", "Most items", {
              min: 1,
              max: 10000,
              hint: values.overloadMode === "count" ? "In use." : "Not in use while counting shares.",
            })}
          </div>
        </fieldset>

        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold text-slate-900 dark:text-slate-100">
            Hands-on coding, % of the time
          </legend>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Engineering Ladders: a Tech Lead codes 30% to 70% of the time, an Engineering Manager 0% to 30%.
          </p>
          <div className="grid gap-4 sm:grid-cols-4">
            {numberField("tlMin", "Tech Lead, from", { min: 0, max: 100 })}
            {numberField("tlMax", "Tech Lead, to", { min: 0, max: 100, error: rangeError("tl") })}
            {numberField("emMin", "Eng. Manager, from", { min: 0, max: 100 })}
            {numberField("emMax", "Eng. Manager, to", { min: 0, max: 100, error: rangeError("em") })}
          </div>
        </fieldset>
        <FormMessage message={message} />
      </DialogBody>
      <DialogFooter className="justify-between">
        <Button variant="ghost" onClick={() => setValues(defaultSettingsForm())} disabled={isSaving}>
          Reset to defaults
        </Button>
        <div className="flex gap-2">
          <Button variant="secondary" onClick={onClose} disabled={isSaving}>
            Cancel
          </Button>
          <Button type="submit" disabled={isSaving}>
            {isSaving ? "Saving…" : "Save settings"}
          </Button>
        </div>
      </DialogFooter>
    </form>
  );
}
