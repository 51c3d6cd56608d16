"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { FormMessage } from "@/components/ui/form-message";
import { TOKEN_EXPIRY_DAYS } from "@/lib/schemas/token";
import { createTokenRequest } from "./token-api";
import { NewTokenNotice } from "./new-token-notice";

const EXPIRY_LABELS: Record<(typeof TOKEN_EXPIRY_DAYS)[number], string> = {
  7: "7 days",
  30: "30 days",
  90: "90 days",
  365: "1 year",
};

/** Creates a token through the API and shows it once. */
export function CreateTokenForm() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; fields?: Record<string, string> } | null>(null);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const expiry = String(data.get("expiresInDays") ?? "");
    setPending(true);
    setError(null);
    const result = await createTokenRequest({
      name: String(data.get("name") ?? ""),
      expiresInDays: expiry ? Number(expiry) : null,
    });
    setPending(false);
    if (!result.ok) {
      setError({ message: result.fields ? "Check the highlighted fields." : result.message, fields: result.fields });
      if (result.fields?.name) document.getElementById("token-name")?.focus();
      return;
    }
    form.reset();
    setCreated({ name: result.apiToken.name, token: result.token });
    router.refresh();
  }

  return (
    <div className="space-y-4">
      {created ? <NewTokenNotice name={created.name} token={created.token} onDone={() => setCreated(null)} /> : null}
      <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-start" noValidate>
        <Field
          id="token-name"
          name="name"
          label="Token name"
          placeholder="CI export job"
          hint="What it is for, so you recognise it later."
          required
          maxLength={80}
          error={error?.fields?.name}
        />
        <Select
          id="token-expiry"
          name="expiresInDays"
          label="Expires"
          defaultValue="90"
          error={error?.fields?.expiresInDays}
        >
          {TOKEN_EXPIRY_DAYS.map((d) => (
            <option key={d} value={String(d)}>
              In {EXPIRY_LABELS[d]}
            </option>
          ))}
          <option value="">Never</option>
        </Select>
        <Button type="submit" disabled={pending} className="sm:mt-7">
          {pending ? "Creating…" : "Create token"}
        </Button>
      </form>
      {error && !error.fields ? <FormMessage message={error.message} /> : null}
    </div>
  );
}
