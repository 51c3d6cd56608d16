"use client";
import { useActionState, useRef } from "react";
import { createTeamAction } from "@/app/(app)/teams/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import { initialFormState } from "@/lib/form-state";

export function CreateTeamForm() {
  const [state, action, pending] = useActionState(createTeamAction, initialFormState);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, state);
  return (
    <form ref={formRef} action={action} className="mt-4 flex flex-col gap-3 sm:flex-row sm:items-start" noValidate>
      <Field
        id="team-name"
        name="name"
        label="Team name"
        placeholder="Platform team"
        required
        className="flex-1"
        defaultValue={state.values?.name}
        error={state.fieldErrors?.name}
      />
      <Button type="submit" disabled={pending} className="sm:mt-7">
        {pending ? "Creating…" : "Create team"}
      </Button>
      {state.message && !state.fieldErrors ? <FormMessage message={state.message} /> : null}
    </form>
  );
}
