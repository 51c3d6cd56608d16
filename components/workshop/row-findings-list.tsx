import { SeverityIcon } from "@/components/matrix/panels/severity-icon";
import { ruleInfo } from "@/lib/raci/settings";
import type { Finding } from "@/lib/raci/types";

const WORD = { error: "Error", warning: "Warning", info: "Note" } as const;

/** The findings of the row under discussion, recomputed as the decision is edited (a live region). */
export function RowFindingsList({ findings, large }: { findings: Finding[] | null; large?: boolean }) {
  return (
    <section aria-labelledby="row-findings-title" className="space-y-2">
      <h3 id="row-findings-title" className={large ? "text-lg font-semibold" : "text-sm font-semibold"}>
        Findings for this row with this decision
      </h3>
      <div aria-live="polite">
        {findings === null ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">Loading the matrix…</p>
        ) : findings.length === 0 ? (
          <p className="flex items-center gap-2 text-sm text-emerald-800 dark:text-emerald-300">
            <SeverityIcon severity="ok" /> No findings: one Accountable, someone Responsible, the rules hold.
          </p>
        ) : (
          <ul className="space-y-1.5">
            {findings.map((f, i) => (
              <li key={`${f.code}-${f.personId ?? ""}-${i}`} className="flex items-start gap-2 text-sm">
                <SeverityIcon severity={f.severity} className="mt-0.5" />
                <span>
                  <span className="font-medium">
                    {WORD[f.severity]}: {ruleInfo(f.code).title}.
                  </span>{" "}
                  {f.message}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
