"use client";
import { useId, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogBody, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Textarea } from "@/components/ui/textarea";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import type { RowDto } from "@/lib/matrix/dto";
import type { Domain } from "@/lib/raci";
import {
  DOMAIN_OPTIONS,
  categoryOptions,
  parseRowForm,
  rowFormFromRow,
  type RowFormValues,
  type RowValues,
} from "./row-form";
import { useDialogSave } from "./use-dialog-save";

const ROW_FIELDS = ["title", "description", "category", "domain"] as const;

/** Adds a responsibility (row = null) or edits one: title, description, category, domain. */
export function RowEditorDialog({
  open,
  row,
  categories,
  onClose,
  onSave,
}: {
  open: boolean;
  /** null = a new row. */
  row: RowDto | null;
  categories: string[];
  onClose: () => void;
  onSave: (values: RowValues) => Promise<void>;
}) {
  // Escape and the close button wait while a save is in flight, so its outcome is seen.
  const busyRef = useRef(false);
  return (
    <Dialog
      open={open}
      onClose={() => {
        if (!busyRef.current) onClose();
      }}
      title={row ? "Edit responsibility" : "New responsibility"}
      description="A responsibility is one row of the matrix: something the team must get done."
    >
      {/* Mounted per opening (see Dialog) and keyed per row, so values start fresh; not
          keyed by version, so a concurrent edit does not wipe what is being typed. */}
      <RowEditorForm
        key={row?.id ?? "new"}
        row={row}
        categories={categories}
        busyRef={busyRef}
        onClose={onClose}
        onSave={onSave}
      />
    </Dialog>
  );
}

function RowEditorForm({
  row,
  categories,
  busyRef,
  onClose,
  onSave,
}: {
  row: RowDto | null;
  categories: string[];
  busyRef: React.RefObject<boolean>;
  onClose: () => void;
  onSave: (values: RowValues) => Promise<void>;
}) {
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const [values, setValues] = useState<RowFormValues>(() => rowFormFromRow(row));
  const { isSaving, errors, message, attempt, refuse, run } = useDialogSave(ROW_FIELDS);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, attempt);
  const options = useMemo(() => categoryOptions(categories), [categories]);
  const set = <K extends keyof RowFormValues>(key: K, value: RowFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (isSaving) return;
    const parsed = parseRowForm(values);
    if (!parsed.ok) return refuse(parsed.fields);
    busyRef.current = true;
    const ok = await run(() => onSave(parsed.values));
    busyRef.current = false;
    if (ok) onClose();
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="flex min-h-0 flex-col">
      <DialogBody>
        <Field
          id={id("title")}
          label="Title"
          value={values.title}
          onChange={(e) => set("title", e.target.value)}
          error={errors.title}
          placeholder="Architecture and System Integration"
          maxLength={200}
          autoComplete="off"
          required
        />
        <Textarea
          id={id("description")}
          label="Description (optional)"
          hint="One sentence on what this means in practice."
          value={values.description}
          onChange={(e) => set("description", e.target.value)}
          error={errors.description}
          maxLength={2000}
        />
        <Field
          id={id("category")}
          label="Category (optional)"
          hint={
            options.length > 0
              ? "Pick an existing category or type a new one."
              : "Rows with the same category are grouped."
          }
          value={values.category}
          onChange={(e) => set("category", e.target.value)}
          error={errors.category}
          list={id("categories")}
          maxLength={80}
          autoComplete="off"
        />
        <datalist id={id("categories")}>
          {options.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <fieldset aria-describedby={errors.domain ? id("domain-error") : undefined}>
          <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">Domain</legend>
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            The Tech Lead is in charge of the System, the Engineering Manager of the People.
          </p>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {DOMAIN_OPTIONS.map((option) => (
              <label
                key={option.label}
                className="flex cursor-pointer items-start gap-2.5 rounded-lg border border-slate-200 p-3 text-sm has-[:checked]:border-accent-500 has-[:checked]:bg-accent-50 dark:border-slate-700 dark:has-[:checked]:border-accent-500 dark:has-[:checked]:bg-slate-800"
              >
                <input
                  type="radio"
                  name={id("domain")}
                  value={option.value}
                  checked={values.domain === option.value}
                  onChange={() => set("domain", option.value as Domain | "")}
                  className="mt-0.5 size-4 shrink-0 accent-accent-600"
                />
                <span>
                  <span className="block font-medium">{option.label}</span>
                  <span className="block text-xs text-slate-600 dark:text-slate-400">{option.explanation}</span>
                </span>
              </label>
            ))}
          </div>
          {errors.domain ? (
            <p id={id("domain-error")} className="mt-1 text-sm text-red-700 dark:text-red-400">
              {errors.domain}
            </p>
          ) : null}
        </fieldset>
        <FormMessage message={message} />
      </DialogBody>
      <DialogFooter>
        <Button variant="secondary" onClick={onClose} disabled={isSaving}>
          Cancel
        </Button>
        <Button type="submit" disabled={isSaving}>
          {isSaving ? "Saving…" : row ? "Save changes" : "Add responsibility"}
        </Button>
      </DialogFooter>
    </form>
  );
}
