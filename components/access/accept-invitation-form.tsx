"use client";
import { useActionState } from "react";
import { acceptInvitationAction } from "@/app/invite/actions";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { initialFormState } from "@/lib/form-state";

export function AcceptInvitationForm({ token, teamName }: { token: string; teamName: string }) {
  const [state, action, pending] = useActionState(acceptInvitationAction, initialFormState);
  return (
    <form action={action} className="mt-6 space-y-3">
      <input type="hidden" name="token" value={token} />
      <FormMessage message={state.message} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Joining…" : `Join ${teamName}`}
      </Button>
    </form>
  );
}
