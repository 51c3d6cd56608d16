"use client";
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { isApiError } from "@/lib/query/api-client";
import { joinWorkshopSchema } from "@/lib/schemas/workshop";
import { workshopApi } from "./workshop-api";

/** Type the code shown on the projector; lands in the participant view. */
export function JoinForm({ initialCode = "" }: { initialCode?: string }) {
  const uid = useId();
  const router = useRouter();
  const [code, setCode] = useState(initialCode);
  const [error, setError] = useState<string>();
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const parsed = joinWorkshopSchema.safeParse({ code });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    setError(undefined);
    setMessage(undefined);
    setBusy(true);
    try {
      const { workshop } = await workshopApi.join(parsed.data.code);
      router.push(
        workshop.status === "ended"
          ? `/t/${workshop.teamSlug}/workshops/${workshop.workshopId}/summary`
          : `/t/${workshop.teamSlug}/workshops/${workshop.workshopId}`,
      );
    } catch (err) {
      setBusy(false);
      setMessage(
        isApiError(err) && err.status === 404
          ? "No running workshop of your teams has this code. Check it on the projector."
          : isApiError(err)
            ? err.message
            : "Something went wrong; please try again.",
      );
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <Field
        id={`${uid}-code`}
        label="Workshop code"
        hint="Six letters and digits, shown by the facilitator."
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={error}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={12}
        className="[&_input]:h-14 [&_input]:font-mono [&_input]:text-2xl [&_input]:tracking-[0.3em] [&_input]:uppercase"
      />
      <FormMessage message={message} />
      <Button type="submit" disabled={busy} className="h-12 w-full text-base">
        {busy ? "Joining…" : "Join"}
      </Button>
    </form>
  );
}
