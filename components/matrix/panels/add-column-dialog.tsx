"use client";
import { useId, useMemo, useRef, useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Dialog, DialogBody, DialogFooter } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-message";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import { api } from "@/lib/query/api-client";
import { queryKeys } from "@/lib/query/keys";
import type { RaciSettings } from "@/lib/raci";
import { ExistingPeople } from "./existing-people";
import { withoutFieldPrefix } from "./form-errors";
import { EMPTY_PERSON_FORM, parsePersonForm, type PersonFormValues, type PersonValues } from "./person-form";
import { PERSON_FIELD_KEYS, PersonFormFields } from "./person-form-fields";
import { useDialogSave } from "./use-dialog-save";

export type AddColumnInput = { personId: string } | { person: PersonValues };

const SHOWN_FIELDS = [...PERSON_FIELD_KEYS, "personId"] as const;

/**
 * Adds a column: someone of the team who is not in this matrix yet, or a new person or
 * unfilled role (created in the team and added here in one go).
 */
export function AddColumnDialog({
  open,
  teamId,
  existingPersonIds,
  codingRange,
  onClose,
  onAdd,
}: {
  open: boolean;
  teamId: string;
  existingPersonIds: string[];
  /** The matrix's coding ranges, to show the expected share; default: the seed's. */
  codingRange?: RaciSettings["codingRange"];
  onClose: () => void;
  onAdd: (input: AddColumnInput) => Promise<void>;
}) {
  const busyRef = useRef(false);
  return (
    <Dialog
      open={open}
      onClose={() => {
        if (!busyRef.current) onClose();
      }}
      title="Add a person or role"
      description="Each column of the matrix is a person of the team or a role nobody holds yet."
    >
      <AddColumnForm
        teamId={teamId}
        existingPersonIds={existingPersonIds}
        codingRange={codingRange}
        busyRef={busyRef}
        onClose={onClose}
        onAdd={onAdd}
      />
    </Dialog>
  );
}

function AddColumnForm({
  teamId,
  existingPersonIds,
  codingRange,
  busyRef,
  onClose,
  onAdd,
}: {
  teamId: string;
  existingPersonIds: string[];
  codingRange?: RaciSettings["codingRange"];
  busyRef: React.RefObject<boolean>;
  onClose: () => void;
  onAdd: (input: AddColumnInput) => Promise<void>;
}) {
  const uid = useId();
  const queryClient = useQueryClient();
  const people = useQuery({
    queryKey: queryKeys.teams.people(teamId),
    queryFn: ({ signal }) => api.listPeople(teamId, signal).then((r) => r.people),
  });
  const available = useMemo(() => {
    const taken = new Set(existingPersonIds);
    return (people.data ?? []).filter((p) => !taken.has(p.id));
  }, [people.data, existingPersonIds]);

  // Until someone picks, offer existing people when there are any, else a new person.
  const [chosenMode, setChosenMode] = useState<"existing" | "new" | null>(null);
  const mode = chosenMode ?? (people.isSuccess && available.length === 0 ? "new" : "existing");
  const [personId, setPersonId] = useState<string | null>(null);
  const [values, setValues] = useState<PersonFormValues>(EMPTY_PERSON_FORM);
  const { isSaving, errors, message, attempt, refuse, run } = useDialogSave(SHOWN_FIELDS);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, attempt);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (isSaving) return;
    let input: AddColumnInput;
    if (mode === "existing") {
      if (!personId) {
        refuse({ personId: "Choose a person, or add a new one." });
        // Radios cannot carry aria-invalid, so useFocusFirstError would not find them.
        formRef.current?.querySelector<HTMLElement>("[data-person-choice]")?.focus();
        return;
      }
      input = { personId };
    } else {
      const parsed = parsePersonForm(values);
      if (!parsed.ok) return refuse(parsed.fields);
      input = { person: parsed.values };
    }
    busyRef.current = true;
    const ok = await run(async () => {
      try {
        await onAdd(input);
      } catch (err) {
        throw withoutFieldPrefix(err, "person.");
      }
    });
    busyRef.current = false;
    if (!ok) return;
    if ("person" in input) void queryClient.invalidateQueries({ queryKey: queryKeys.teams.people(teamId) });
    onClose();
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="flex min-h-0 flex-col">
      <DialogBody>
        <fieldset>
          <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">Add</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {(
              [
                ["existing", "Someone in the team", "A person or role the team already has."],
                ["new", "A new person or role", "Created in the team and added to this matrix."],
              ] as const
            ).map(([value, label, explanation]) => (
              <label
                key={value}
                className="flex cursor-pointer items-start gap-2.5 rounded-lg border border-slate-200 p-3 text-sm has-[:checked]:border-accent-500 has-[:checked]:bg-accent-50 dark:border-slate-700 dark:has-[:checked]:bg-slate-800"
              >
                <input
                  type="radio"
                  name={`${uid}-mode`}
                  value={value}
                  checked={mode === value}
                  onChange={() => setChosenMode(value)}
                  className="mt-0.5 size-4 shrink-0 accent-accent-600"
                />
                <span>
                  <span className="block font-medium">{label}</span>
                  <span className="block text-xs text-slate-600 dark:text-slate-400">{explanation}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>

        {mode === "existing" ? (
          <ExistingPeople
            idPrefix={uid}
            query={people}
            available={available}
            personId={personId}
            onChoose={setPersonId}
            error={errors.personId}
            onAddNew={() => setChosenMode("new")}
          />
        ) : (
          <PersonFormFields
            idPrefix={uid}
            values={values}
            onChange={setValues}
            errors={errors}
            codingRange={codingRange}
          />
        )}
        <FormMessage message={message} />
      </DialogBody>
      <DialogFooter>
        <Button variant="secondary" onClick={onClose} disabled={isSaving}>
          Cancel
        </Button>
        <Button type="submit" disabled={isSaving || (mode === "existing" && !people.isSuccess)}>
          {isSaving ? "Adding…" : "Add to matrix"}
        </Button>
      </DialogFooter>
    </form>
  );
}
