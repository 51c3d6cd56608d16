"use client";
import { useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Dialog, DialogBody, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import { api, isApiError } from "@/lib/query/api-client";
import { createMatrixSchema } from "@/lib/schemas/matrix";

export interface NewMatrixTemplate {
  id: string;
  name: string;
  summary: string;
  rowCount: number;
  columnCount: number;
}

const BLANK = "";
/** The template offered first: the split this app is about. */
const PREFERRED_TEMPLATE = "tl-vs-em";

function plural(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

/** "New matrix": a name and a starting point (blank or a template), then straight to the matrix. */
export function NewMatrixDialog({
  teamId,
  teamSlug,
  templates,
}: {
  teamId: string;
  teamSlug: string;
  templates: NewMatrixTemplate[];
}) {
  const [open, setOpen] = useState(false);
  const busyRef = useRef(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-4">
          <path d="M10 4a1 1 0 0 1 1 1v4h4a1 1 0 1 1 0 2h-4v4a1 1 0 1 1-2 0v-4H5a1 1 0 1 1 0-2h4V5a1 1 0 0 1 1-1Z" />
        </svg>
        New matrix
      </Button>
      <Dialog
        open={open}
        onClose={() => {
          if (!busyRef.current) setOpen(false);
        }}
        size="lg"
        title="New matrix"
        description="Start blank, or from a template you can change afterwards."
      >
        <NewMatrixForm
          teamId={teamId}
          teamSlug={teamSlug}
          templates={templates}
          busyRef={busyRef}
          onCancel={() => setOpen(false)}
        />
      </Dialog>
    </>
  );
}

function NewMatrixForm({
  teamId,
  teamSlug,
  templates,
  busyRef,
  onCancel,
}: {
  teamId: string;
  teamSlug: string;
  templates: NewMatrixTemplate[];
  busyRef: React.RefObject<boolean>;
  onCancel: () => void;
}) {
  const uid = useId();
  const router = useRouter();
  const preferred = templates.find((t) => t.id === PREFERRED_TEMPLATE) ?? null;
  const [template, setTemplate] = useState<string>(preferred?.id ?? BLANK);
  const [name, setName] = useState(preferred?.name ?? "");
  // Until the name is typed, it follows the chosen template; after that it is theirs.
  const [isNameTouched, setIsNameTouched] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [isBusy, setIsBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, attempt);

  function choose(id: string) {
    setTemplate(id);
    if (!isNameTouched) setName(templates.find((t) => t.id === id)?.name ?? "");
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (isBusy) return;
    const parsed = createMatrixSchema.safeParse({ name, ...(template ? { template } : {}) });
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? "form")] ??= issue.message;
      setErrors(fields);
      setMessage(undefined);
      setAttempt((n) => n + 1);
      return;
    }
    setIsBusy(true);
    busyRef.current = true;
    setMessage(undefined);
    try {
      const { matrix } = await api.createMatrix(teamId, parsed.data);
      // Stay busy: the dialog shows "Opening…" until the matrix page replaces this one.
      router.push(`/t/${teamSlug}/matrices/${matrix.id}`);
    } catch (err) {
      busyRef.current = false;
      setIsBusy(false);
      const fields = isApiError(err) ? err.fields : undefined;
      setErrors(fields ?? {});
      const other = fields
        ? Object.entries(fields)
            .filter(([k]) => k !== "name")
            .map(([, v]) => v)
        : [];
      setMessage(
        [
          isApiError(err) ? err.message : "Something went wrong. No matrix was created; please try again.",
          ...other,
        ].join(" "),
      );
      setAttempt((n) => n + 1);
    }
  }

  const options = [
    { id: BLANK, name: "Blank", summary: "No rows and no people: build it yourself.", size: "Empty" },
    ...templates.map((t) => ({
      id: t.id,
      name: t.name,
      summary: t.summary,
      size: `${plural(t.rowCount, "responsibility", "responsibilities")} · ${plural(t.columnCount, "role", "roles")}`,
    })),
  ];

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="flex min-h-0 flex-col">
      <DialogBody>
        <Field
          id={`${uid}-name`}
          label="Name"
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setIsNameTouched(true);
          }}
          error={errors.name}
          maxLength={120}
          autoComplete="off"
          required
        />
        <fieldset>
          <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">Start from</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {options.map((o) => (
              <label
                key={o.id || "blank"}
                className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-200 p-3 text-sm has-[:checked]:border-accent-500 has-[:checked]:bg-accent-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent-500 dark:border-slate-700 dark:has-[:checked]:bg-slate-800"
              >
                <input
                  type="radio"
                  name={`${uid}-template`}
                  value={o.id}
                  checked={template === o.id}
                  onChange={() => choose(o.id)}
                  aria-describedby={`${uid}-${o.id || "blank"}-summary`}
                  className="mt-0.5 size-4 shrink-0 accent-accent-600"
                />
                <span className="min-w-0">
                  <span className="block font-medium">{o.name}</span>
                  <span
                    id={`${uid}-${o.id || "blank"}-summary`}
                    className="mt-0.5 block text-slate-600 dark:text-slate-400"
                  >
                    {o.summary}
                    <span className="mt-1 block text-xs font-medium text-slate-700 dark:text-slate-300">{o.size}</span>
                  </span>
                </span>
              </label>
            ))}
          </div>
          {errors.template ? <p className="mt-1 text-sm text-red-700 dark:text-red-400">{errors.template}</p> : null}
        </fieldset>
        <FormMessage message={message} />
      </DialogBody>
      <DialogFooter>
        <Button variant="secondary" onClick={onCancel} disabled={isBusy}>
          Cancel
        </Button>
        <Button type="submit" disabled={isBusy}>
          {isBusy ? "Opening…" : "Create matrix"}
        </Button>
      </DialogFooter>
    </form>
  );
}
