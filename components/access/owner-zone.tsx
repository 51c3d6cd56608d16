"use client";
import { useActionState, useId, useRef } from "react";
import { deleteTeamAction, transferOwnershipAction } from "@/app/(app)/t/[teamSlug]/settings/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Select } from "@/components/ui/select";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import { initialFormState } from "@/lib/form-state";
import { ROLE_LABELS } from "@/lib/permissions";
import type { MemberDto } from "@/lib/teams/access-dto";

/** Transfer ownership: pick a member, type the team's name. */
export function TransferOwnershipForm({
  teamId,
  teamName,
  candidates,
}: {
  teamId: string;
  teamName: string;
  candidates: MemberDto[];
}) {
  const uid = useId();
  const [state, action, pending] = useActionState(transferOwnershipAction, initialFormState);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, state);
  if (candidates.length === 0) {
    return (
      <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">
        Invite someone first: ownership can only go to another member.
      </p>
    );
  }
  return (
    <form ref={formRef} action={action} noValidate className="mt-4 space-y-3">
      <input type="hidden" name="teamId" value={teamId} />
      <Select
        // A <select> takes its default only when mounted: remount it with the refused choice.
        key={state.values?.userId ?? ""}
        id={`${uid}-user`}
        name="userId"
        label="New owner"
        defaultValue={state.values?.userId ?? ""}
        error={state.fieldErrors?.userId}
      >
        <option value="">Choose a member…</option>
        {candidates.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.name} ({m.email}, {ROLE_LABELS[m.role].toLowerCase()})
          </option>
        ))}
      </Select>
      <Field
        id={`${uid}-confirm`}
        name="confirm"
        label={`Type “${teamName}” to confirm`}
        autoComplete="off"
        defaultValue=""
        error={state.fieldErrors?.confirm}
      />
      <FormMessage message={state.fieldErrors ? undefined : state.message} tone={state.ok ? "success" : "error"} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Transferring…" : "Transfer ownership"}
      </Button>
    </form>
  );
}

/** Delete the team: type its name. */
export function DeleteTeamForm({ teamId, teamName }: { teamId: string; teamName: string }) {
  const uid = useId();
  const [state, action, pending] = useActionState(deleteTeamAction, initialFormState);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, state);
  return (
    <form ref={formRef} action={action} noValidate className="mt-4 space-y-3">
      <input type="hidden" name="teamId" value={teamId} />
      <Field
        id={`${uid}-confirm`}
        name="confirm"
        label={`Type “${teamName}” to confirm`}
        autoComplete="off"
        defaultValue=""
        error={state.fieldErrors?.confirm}
      />
      <FormMessage message={state.fieldErrors ? undefined : state.message} />
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? "Deleting…" : "Delete this team"}
      </Button>
    </form>
  );
}
