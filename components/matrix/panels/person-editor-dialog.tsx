"use client";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogBody, DialogFooter } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-message";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import type { ColumnDto } from "@/lib/matrix/dto";
import type { RaciSettings } from "@/lib/raci";
import { parsePersonForm, personFormFromColumn, type PersonFormValues, type PersonValues } from "./person-form";
import { PERSON_FIELD_KEYS, PersonFormFields } from "./person-form-fields";
import { useDialogSave } from "./use-dialog-save";

/** Edits the person (or unfilled role) behind a column: name, title, role kinds, coding share. */
export function PersonEditorDialog({
  open,
  column,
  codingRange,
  onClose,
  onSave,
}: {
  open: boolean;
  column: ColumnDto;
  /** The matrix's coding ranges, to show the expected share; default: the seed's. */
  codingRange?: RaciSettings["codingRange"];
  onClose: () => void;
  onSave: (values: PersonValues) => Promise<void>;
}) {
  const busyRef = useRef(false);
  return (
    <Dialog
      open={open}
      onClose={() => {
        if (!busyRef.current) onClose();
      }}
      title={column.isVacant ? "Edit unfilled role" : "Edit person"}
      description="Changes apply to this person in every matrix of the team."
    >
      <PersonEditorForm
        key={column.personId}
        column={column}
        codingRange={codingRange}
        busyRef={busyRef}
        onClose={onClose}
        onSave={onSave}
      />
    </Dialog>
  );
}

function PersonEditorForm({
  column,
  codingRange,
  busyRef,
  onClose,
  onSave,
}: {
  column: ColumnDto;
  codingRange?: RaciSettings["codingRange"];
  busyRef: React.RefObject<boolean>;
  onClose: () => void;
  onSave: (values: PersonValues) => Promise<void>;
}) {
  const uid = useId();
  const [values, setValues] = useState<PersonFormValues>(() => personFormFromColumn(column));
  const { isSaving, errors, message, attempt, refuse, run } = useDialogSave(PERSON_FIELD_KEYS);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, attempt);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (isSaving) return;
    const parsed = parsePersonForm(values);
    if (!parsed.ok) return refuse(parsed.fields);
    busyRef.current = true;
    const ok = await run(() => onSave(parsed.values));
    busyRef.current = false;
    if (ok) onClose();
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="flex min-h-0 flex-col">
      <DialogBody>
        <PersonFormFields
          idPrefix={uid}
          values={values}
          onChange={setValues}
          errors={errors}
          codingRange={codingRange}
        />
        <FormMessage message={message} />
      </DialogBody>
      <DialogFooter>
        <Button variant="secondary" onClick={onClose} disabled={isSaving}>
          Cancel
        </Button>
        <Button type="submit" disabled={isSaving}>
          {isSaving ? "Saving…" : "Save changes"}
        </Button>
      </DialogFooter>
    </form>
  );
}
