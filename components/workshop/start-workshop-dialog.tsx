"use client";
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Dialog, DialogBody, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { cn } from "@/components/ui/cn";
import { isApiError } from "@/lib/query/api-client";
import { workshopApi } from "./workshop-api";

/** "Start a workshop": mounted open by StartWorkshopButton, which loads this module on demand. */
export function StartWorkshopDialog({
  matrixId,
  teamSlug,
  onClose,
}: {
  matrixId: string;
  teamSlug: string;
  onClose: () => void;
}) {
  return (
    <Dialog
      open
      onClose={onClose}
      title="Start a workshop"
      description="Go through the responsibilities one at a time: everybody votes silently on their own device, you reveal, discuss and decide. A snapshot of the matrix is saved first."
    >
      <StartWorkshopForm matrixId={matrixId} teamSlug={teamSlug} onCancel={onClose} />
    </Dialog>
  );
}

function StartWorkshopForm({
  matrixId,
  teamSlug,
  onCancel,
}: {
  matrixId: string;
  teamSlug: string;
  onCancel: () => void;
}) {
  const uid = useId();
  const router = useRouter();
  const [name, setName] = useState("");
  const [useTimer, setUseTimer] = useState(false);
  const [minutes, setMinutes] = useState("3");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const seconds = useTimer ? Math.round(Number(minutes) * 60) : null;
    // Loaded on submit: zod stays out of the matrix page's first-load JavaScript.
    const { startWorkshopSchema } = await import("@/lib/schemas/workshop");
    const parsed = startWorkshopSchema.safeParse({ ...(name.trim() ? { name } : {}), timerSeconds: seconds });
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? "form")] ??= issue.message;
      setErrors(fields);
      return;
    }
    setBusy(true);
    setMessage(undefined);
    try {
      const { workshop } = await workshopApi.start(matrixId, parsed.data);
      router.push(`/t/${teamSlug}/workshops/${workshop.id}/facilitate`);
    } catch (err) {
      setBusy(false);
      setErrors((isApiError(err) && err.fields) || {});
      setMessage(isApiError(err) ? err.message : "Something went wrong. No workshop was started; please try again.");
    }
  }

  return (
    <form onSubmit={submit} noValidate className="flex min-h-0 flex-col">
      <DialogBody>
        <Field
          id={`${uid}-name`}
          label="Name (optional)"
          hint="Shown on everybody's screen, e.g. “Q3 roles review”."
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
          maxLength={120}
          autoComplete="off"
        />
        <div className="space-y-2">
          <label className="flex items-center gap-2 text-sm font-medium">
            <input
              type="checkbox"
              checked={useTimer}
              onChange={(e) => setUseTimer(e.target.checked)}
              className="size-4 accent-accent-600"
            />
            Time each item
          </label>
          <Field
            id={`${uid}-minutes`}
            label="Minutes per item"
            type="number"
            min={0.25}
            max={60}
            step={0.25}
            inputMode="decimal"
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            disabled={!useTimer}
            error={errors.timerSeconds}
            className={cn(!useTimer && "opacity-60")}
          />
        </div>
        <FormMessage message={message} />
      </DialogBody>
      <DialogFooter>
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button type="submit" disabled={busy}>
          {busy ? "Starting…" : "Start workshop"}
        </Button>
      </DialogFooter>
    </form>
  );
}
