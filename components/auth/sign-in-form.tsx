"use client";
import { useActionState, useRef } from "react";
import { signInAction } from "@/app/(auth)/actions";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import { initialFormState } from "@/lib/form-state";

export function SignInForm({ callbackUrl, oauth }: { callbackUrl?: string; oauth: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState(signInAction, initialFormState);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, state);
  return (
    <div className="mt-6 space-y-4">
      <form ref={formRef} action={action} className="space-y-4" noValidate>
        {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
        <FormMessage message={state.message} />
        <Field
          id="email"
          name="email"
          type="email"
          label="Email"
          autoComplete="email"
          required
          defaultValue={state.values?.email}
          error={state.fieldErrors?.email}
        />
        <Field
          id="password"
          name="password"
          type="password"
          label="Password"
          autoComplete="current-password"
          required
          error={state.fieldErrors?.password}
        />
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {oauth.length > 0 ? (
        <div className="space-y-2 border-t border-slate-200 pt-4 dark:border-slate-800">
          {oauth.map((p) => (
            <a
              key={p.id}
              href={`/api/auth/signin/${p.id}${callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`}
              className={buttonClasses("secondary", "md", "w-full")}
            >
              Continue with {p.name}
            </a>
          ))}
        </div>
      ) : null}
    </div>
  );
}
