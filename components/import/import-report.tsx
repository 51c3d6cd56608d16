import { SeverityIcon } from "@/components/matrix/panels/severity-icon";
import { ruleInfo } from "@/lib/raci/settings";
import type { ImportIssue, ImportPreview } from "@/lib/raci/import/types";
import type { Finding, Severity } from "@/lib/raci/types";

const SEVERITY_WORDS: Readonly<Record<Severity, string>> = { error: "Error", warning: "Warning", info: "Note" };

/** Problems reading the table: errors (which block saving) and warnings, each with its cell. */
export function ImportIssues({ issues, id }: { issues: readonly ImportIssue[]; id: string }) {
  if (issues.length === 0) return null;
  const errors = issues.filter((i) => i.severity === "error");
  const warnings = issues.filter((i) => i.severity === "warning");
  return (
    <div id={id} className="space-y-3">
      {errors.length > 0 ? (
        <section
          aria-labelledby={`${id}-errors`}
          className="rounded-lg border border-red-200 bg-red-50 p-3 dark:border-red-900 dark:bg-red-950/40"
        >
          <h3
            id={`${id}-errors`}
            className="flex items-center gap-2 text-sm font-semibold text-red-800 dark:text-red-300"
          >
            <SeverityIcon severity="error" />
            {errors.length === 1 ? "1 problem to fix before saving" : `${errors.length} problems to fix before saving`}
          </h3>
          <IssueList issues={errors} />
        </section>
      ) : null}
      {warnings.length > 0 ? (
        <details
          className="rounded-lg border border-amber-200 bg-amber-50 p-3 dark:border-amber-900 dark:bg-amber-950/30"
          open={warnings.length <= 8}
        >
          <summary className="flex cursor-pointer items-center gap-2 text-sm font-semibold text-amber-900 dark:text-amber-200">
            <SeverityIcon severity="warning" />
            {warnings.length === 1
              ? "1 thing to check (the import can go ahead)"
              : `${warnings.length} things to check (the import can go ahead)`}
          </summary>
          <IssueList issues={warnings} />
        </details>
      ) : null}
    </div>
  );
}

function IssueList({ issues }: { issues: readonly ImportIssue[] }) {
  return (
    <ul className="mt-2 space-y-1 text-sm text-slate-800 dark:text-slate-200">
      {issues.map((issue, i) => (
        <li key={`${issue.code}-${issue.ref ?? ""}-${i}`} className="flex gap-2">
          {issue.ref ? (
            <span className="mt-0.5 h-fit shrink-0 rounded bg-white px-1.5 font-mono text-xs text-slate-700 ring-1 ring-slate-300 dark:bg-slate-900 dark:text-slate-300 dark:ring-slate-700">
              {issue.ref}
            </span>
          ) : null}
          <span>{issue.message}</span>
        </li>
      ))}
    </ul>
  );
}

/** What the rules find in the matrix to be: counts, then each finding with the row or person it is about. */
export function ImportFindings({ preview }: { preview: ImportPreview }) {
  const { summary, findings } = preview;
  const titles = new Map(preview.rows.map((r, i) => [`row-${i + 1}`, r.title]));
  const names = new Map(preview.columns.map((c, i) => [`col-${i + 1}`, c.name]));
  const subject = (f: Finding) =>
    f.responsibilityId
      ? (titles.get(f.responsibilityId) ?? "")
      : f.personId
        ? (names.get(f.personId) ?? "")
        : "The whole matrix";
  const order: Severity[] = ["error", "warning", "info"];
  return (
    <section aria-labelledby="import-findings-heading" className="space-y-2">
      <h3 id="import-findings-heading" className="flex items-center gap-2 text-base font-semibold">
        <SeverityIcon
          severity={summary.bySeverity.error > 0 ? "error" : summary.bySeverity.warning > 0 ? "warning" : "ok"}
        />
        Findings: {summary.health}
      </h3>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        The gaps and conflicts this matrix will show once saved. You can fix them in the grid afterwards.
      </p>
      {findings.length > 0 ? (
        <ul
          className="max-h-72 space-y-1.5 overflow-auto rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-800"
          aria-label="Findings"
        >
          {order.flatMap((s) =>
            findings
              .filter((f) => f.severity === s)
              .map((f, i) => (
                <li key={`${s}-${i}`} className="flex gap-2">
                  <SeverityIcon severity={s} className="mt-0.5" />
                  <span>
                    <span className="sr-only">{SEVERITY_WORDS[s]}: </span>
                    <span className="font-medium">{ruleInfo(f.code).title}</span>
                    <span className="text-slate-500 dark:text-slate-400"> — {subject(f)}</span>
                    <span className="block text-slate-600 dark:text-slate-400">{f.message}</span>
                  </span>
                </li>
              )),
          )}
        </ul>
      ) : null}
    </section>
  );
}
