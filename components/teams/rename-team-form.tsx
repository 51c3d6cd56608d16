"use client";
import { useActionState, useRef } from "react";
import { renameTeamAction } from "@/app/(app)/teams/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import { initialFormState } from "@/lib/form-state";

export function RenameTeamForm({ teamId, name }: { teamId: string; name: string }) {
  const [state, action, pending] = useActionState(renameTeamAction, initialFormState);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, state);
  return (
    <form ref={formRef} action={action} className="mt-4 space-y-3" noValidate>
      <input type="hidden" name="teamId" value={teamId} />
      <Field
        id="team-name"
        name="name"
        label="Team name"
        required
        defaultValue={state.values?.name ?? name}
        error={state.fieldErrors?.name}
      />
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Rename team"}
      </Button>
    </form>
  );
}
