"use client";
import { useId, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/components/ui/cn";
import { errorMessage, isApiError } from "@/lib/query/api-client";
import { IMPORT_FORMAT_NAMES, IMPORT_LIMITS } from "@/lib/raci/import/types";
import { matrixNameSchema } from "@/lib/schemas/matrix";
import { saveImport, type ImportInput, type PasteFormat } from "./import-api";
import { ImportPreviewTable } from "./import-preview-table";
import { ImportFindings, ImportIssues } from "./import-report";
import { useImportPreview } from "./use-import-preview";

const EXAMPLE = `| Responsibility | Category | Domain | Ana (Tech Lead) | Ben (Engineering Manager) |
|---|---|---|---|---|
| Code reviews | Delivery | System | A | I |
| Hiring | People | People | C | A/R |`;

type Source = "paste" | "file";

/**
 * Import a matrix: paste a table (copied from a spreadsheet, a wiki or a README) or
 * choose a CSV/XLSX file, see what will be created with its issues and findings, name
 * it, save. The server reads and checks the table (the same code that saves it).
 */
export function ImportScreen({ teamId, teamSlug }: { teamId: string; teamSlug: string }) {
  const id = useId();
  const router = useRouter();
  const [source, setSource] = useState<Source>("paste");
  const [text, setText] = useState("");
  const [format, setFormat] = useState<PasteFormat>("auto");
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | undefined>();
  const [saveError, setSaveError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  const input = useMemo<ImportInput | null>(() => {
    if (source === "file") return file ? { kind: "file", file } : null;
    return text.trim() ? { kind: "text", text, format } : null;
  }, [source, file, text, format]);
  const state = useImportPreview(teamId, input);
  const preview = state.status === "ready" ? state.preview : state.status === "loading" ? state.previous : null;
  const current = state.status === "ready";
  const effectiveName = name ?? preview?.suggestedName ?? "";
  const blocked = !preview || preview.hasErrors || !current;

  const issuesId = `${id}-issues`;
  const sourceError =
    current && preview?.hasErrors
      ? "The table has problems to fix; they are listed below."
      : state.status === "failed"
        ? state.message
        : undefined;

  async function onSave(e: React.FormEvent) {
    e.preventDefault();
    if (!input || blocked || saving) return;
    const parsedName = matrixNameSchema.safeParse(effectiveName);
    if (!parsedName.success) {
      setNameError(parsedName.error.issues[0]?.message ?? "Enter a name.");
      document.getElementById(`${id}-name`)?.focus();
      return;
    }
    setNameError(undefined);
    setSaveError(undefined);
    setSaving(true);
    try {
      const saved = await saveImport(teamId, input, parsedName.data);
      router.push(`/t/${teamSlug}/matrices/${saved.matrix.id}`);
    } catch (err) {
      setSaving(false);
      if (isApiError(err) && err.fields?.name) setNameError(err.fields.name);
      setSaveError(errorMessage(err));
    }
  }

  return (
    <form onSubmit={onSave} className="space-y-6" noValidate aria-busy={saving || undefined}>
      <fieldset className="space-y-4">
        <legend className="sr-only">Table to import</legend>
        <div
          role="radiogroup"
          aria-label="Source"
          className="inline-flex rounded-lg border border-slate-300 p-0.5 dark:border-slate-700"
        >
          {(["paste", "file"] as const).map((s) => (
            <label
              key={s}
              className={cn(
                "cursor-pointer rounded-md px-3 py-1.5 text-sm font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent-500",
                source === s
                  ? "bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900"
                  : "text-slate-700 dark:text-slate-300",
              )}
            >
              <input
                type="radio"
                name={`${id}-source`}
                value={s}
                checked={source === s}
                onChange={() => setSource(s)}
                className="sr-only"
              />
              {s === "paste" ? "Paste a table" : "Upload a file"}
            </label>
          ))}
        </div>

        {source === "paste" ? (
          <div className="grid gap-4 lg:grid-cols-[1fr_14rem]">
            <Textarea
              id={`${id}-text`}
              label="Table"
              rows={10}
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={EXAMPLE}
              spellCheck={false}
              className="[&_textarea]:font-mono"
              hint="Paste cells copied from a spreadsheet, a Markdown table from a wiki or README, or CSV. First column: responsibilities; optional Category and Domain columns; one column per person or role."
              error={sourceError}
              // Replaces the Textarea's own list, so it names the hint and the error too.
              aria-describedby={[
                `${id}-text-hint`,
                sourceError ? `${id}-text-error` : null,
                preview && preview.issues.length > 0 ? issuesId : null,
              ]
                .filter(Boolean)
                .join(" ")}
            />
            <Select
              id={`${id}-format`}
              label="Format"
              value={format}
              onChange={(e) => setFormat(e.target.value as PasteFormat)}
            >
              <option value="auto">Detect automatically</option>
              <option value="markdown">Markdown table</option>
              <option value="tsv">Tab-separated (spreadsheet)</option>
              <option value="csv">CSV</option>
            </Select>
          </div>
        ) : (
          <div className="space-y-1.5">
            <label htmlFor={`${id}-file`} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
              File
            </label>
            <input
              ref={fileRef}
              id={`${id}-file`}
              type="file"
              accept=".csv,.tsv,.txt,.md,.markdown,.xlsx,text/csv,text/tab-separated-values,text/markdown,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              aria-invalid={sourceError ? true : undefined}
              aria-describedby={[
                `${id}-file-hint`,
                sourceError ? `${id}-file-error` : null,
                preview && preview.issues.length > 0 ? issuesId : null,
              ]
                .filter(Boolean)
                .join(" ")}
              className="block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium dark:file:border-slate-700 dark:file:bg-slate-900 dark:file:text-slate-100"
            />
            <p id={`${id}-file-hint`} className="text-xs text-slate-500 dark:text-slate-400">
              CSV, tab-separated, Markdown or Excel (.xlsx; the first sheet is read). At most{" "}
              {Math.round(IMPORT_LIMITS.maxFileBytes / 1_000_000)} MB, {IMPORT_LIMITS.maxRows} responsibilities and{" "}
              {IMPORT_LIMITS.maxColumns} people.
            </p>
            {sourceError ? (
              <p id={`${id}-file-error`} className="text-sm text-red-700 dark:text-red-400">
                {sourceError}
              </p>
            ) : null}
          </div>
        )}
      </fieldset>

      <p aria-live="polite" className="text-sm text-slate-600 dark:text-slate-400">
        {state.status === "loading"
          ? "Reading the table…"
          : preview && current
            ? `Detected: ${IMPORT_FORMAT_NAMES[preview.format]} · ${preview.rows.length} ${preview.rows.length === 1 ? "responsibility" : "responsibilities"} · ${preview.columns.length} ${preview.columns.length === 1 ? "person" : "people"}${
                preview.columns.some((c) => c.existingPersonId)
                  ? ` (${preview.columns.filter((c) => c.existingPersonId).length} already in your team)`
                  : ""
              }${preview.hasErrors ? " · problems to fix" : ""}`
            : ""}
      </p>

      {preview ? (
        <div className={cn("space-y-6", state.status === "loading" && "opacity-60")}>
          <ImportIssues issues={preview.issues} id={issuesId} />
          {!preview.hasErrors ? <ImportFindings preview={preview} /> : null}
          {preview.rows.length > 0 && preview.columns.length > 0 ? (
            <section aria-labelledby={`${id}-preview-heading`} className="space-y-2">
              <h3 id={`${id}-preview-heading`} className="text-base font-semibold">
                Preview
              </h3>
              <ImportPreviewTable preview={preview} />
            </section>
          ) : null}
        </div>
      ) : null}

      <div className="flex flex-wrap items-end gap-3 border-t border-slate-200 pt-5 dark:border-slate-800">
        <Field
          id={`${id}-name`}
          label="Matrix name"
          className="w-full max-w-md"
          value={effectiveName}
          onChange={(e) => setName(e.target.value)}
          maxLength={IMPORT_LIMITS.maxMatrixNameLength}
          required
          error={nameError}
          hint="People already in your team are matched by name; the others are added to the team."
        />
        <Button
          type="submit"
          disabled={blocked || saving}
          aria-describedby={saveError ? `${id}-save-error` : undefined}
        >
          {saving ? "Creating…" : "Create matrix"}
        </Button>
      </div>
      <div id={`${id}-save-error`}>
        <FormMessage message={saveError} />
      </div>
    </form>
  );
}
