"use client";
import { useId, useMemo, useRef, useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Dialog, DialogBody, DialogFooter } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-message";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import { api, errorMessage, type PersonDto } from "@/lib/query/api-client";
import { queryKeys } from "@/lib/query/keys";
import type { RaciSettings } from "@/lib/raci";
import { withoutFieldPrefix } from "./form-errors";
import { EMPTY_PERSON_FORM, parsePersonForm, roleKindsText, type PersonFormValues, type PersonValues } from "./person-form";
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
          <PersonFormFields idPrefix={uid} values={values} onChange={setValues} errors={errors} codingRange={codingRange} />
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

function ExistingPeople({
  idPrefix,
  query,
  available,
  personId,
  onChoose,
  error,
  onAddNew,
}: {
  idPrefix: string;
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  available: PersonDto[];
  personId: string | null;
  onChoose: (id: string) => void;
  error?: string;
  onAddNew: () => void;
}) {
  if (query.isPending) {
    return (
      <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
        Loading the team’s people…
      </p>
    );
  }
  if (query.isError) {
    return (
      <div role="alert" className="space-y-2 text-sm text-red-800 dark:text-red-300">
        <p>Could not load the team’s people. {errorMessage(query.error)}</p>
        <Button variant="secondary" size="sm" onClick={() => void query.refetch()}>
          Try again
        </Button>
      </div>
    );
  }
  if (available.length === 0) {
    return (
      <div className="space-y-2 text-sm text-slate-600 dark:text-slate-400">
        <p>Everyone in the team is already in this matrix.</p>
        <Button variant="secondary" size="sm" onClick={onAddNew}>
          Add a new person or role
        </Button>
      </div>
    );
  }
  const errorId = `${idPrefix}-person-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">Person</legend>
      <ul className="mt-2 max-h-72 space-y-1.5 overflow-y-auto pr-1">
        {available.map((p) => {
          const kinds = roleKindsText(p.roleKinds);
          return (
            <li key={p.id}>
              <label className="flex cursor-pointer items-start gap-2.5 rounded-lg border border-slate-200 px-3 py-2 text-sm has-[:checked]:border-accent-500 has-[:checked]:bg-accent-50 dark:border-slate-700 dark:has-[:checked]:bg-slate-800">
                <input
                  type="radio"
                  name={`${idPrefix}-person`}
                  value={p.id}
                  checked={personId === p.id}
                  onChange={() => onChoose(p.id)}
                  data-person-choice
                  aria-describedby={error ? errorId : undefined}
                  className="mt-0.5 size-4 shrink-0 accent-accent-600"
                />
                <span className="min-w-0">
                  <span className="block font-medium">
                    {p.name}
                    {p.isVacant ? (
                      <span className="ml-2 rounded-full border border-slate-300 px-1.5 py-px text-xs font-normal text-slate-600 dark:border-slate-600 dark:text-slate-300">
                        Unfilled
                      </span>
                    ) : null}
                  </span>
                  <span className="block text-xs text-slate-600 dark:text-slate-400">
                    {[p.roleTitle, kinds && kinds !== p.roleTitle ? kinds : null].filter(Boolean).join(" · ") || "No role title"}
                  </span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
