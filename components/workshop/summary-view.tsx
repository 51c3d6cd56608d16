import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { SeverityIcon } from "@/components/matrix/panels/severity-icon";
import { summarizeFindings } from "@/lib/raci/findings";
import { ruleInfo } from "@/lib/raci/settings";
import { formatLetters } from "@/lib/raci/letters";
import { formatAgreement } from "@/lib/raci/workshop";
import type { WorkshopSummaryDto } from "@/lib/matrix/workshop-dto";
import { ColumnHeader, DataCell, DataTable, DataTableBody, DataTableHead, RowHeader } from "@/components/ui/data-table";

const STATUS = { decided: "Decided", parked: "Parked", pending: "Not reached" } as const;

function decisionText(s: WorkshopSummaryDto, decision: Record<string, string> | null): string {
  if (!decision) return "—";
  const parts = s.columns
    .filter((c) => decision[c.personId])
    .map((c) => `${c.name}: ${formatLetters(decision[c.personId]!)}`);
  return parts.join(", ") || "No letters";
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <dt className="text-sm text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

/** The end of a workshop: what was decided with how much agreement, what is open, what the rules still say. */
export function SummaryView({ summary: s }: { summary: WorkshopSummaryDto }) {
  const byId = new Map(s.items.map((i) => [i.id, i]));
  const rowTitles = new Map(s.items.map((i) => [i.responsibilityId, i.title]));
  const names = new Map(s.columns.map((c) => [c.personId, c.name]));
  const health = summarizeFindings(s.findings);
  const parked = s.items.filter((i) => i.status === "parked");
  return (
    <div className="space-y-8">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Workshop summary ·{" "}
            <Link href={`/t/${s.teamSlug}/matrices/${s.matrixId}`} className="font-medium underline">
              {s.matrixName}
            </Link>{" "}
            · facilitated by {s.facilitatorName}
          </p>
          <h1 className="text-2xl font-semibold tracking-tight">{s.name}</h1>
          {s.status === "active" ? (
            <p className="mt-1 text-sm font-medium text-amber-800 dark:text-amber-200">
              The workshop is still running: this is the summary so far.
            </p>
          ) : null}
        </div>
        <a href={`/api/v1/workshops/${s.id}/summary.pdf`} download className={buttonClasses("primary")}>
          Download PDF
        </a>
      </header>

      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label="Decided" value={`${s.counts.decided} of ${s.counts.total}`} />
        <Stat label="Parked" value={String(s.counts.parked)} />
        <Stat label="Not reached" value={String(s.counts.pending)} />
        <Stat label="Average agreement" value={formatAgreement(s.averageAgreement)} />
      </dl>

      <section aria-labelledby="contested-title" className="space-y-2">
        <h2 id="contested-title" className="text-lg font-semibold">
          Most contested
        </h2>
        {s.mostContested.length ? (
          <ol className="list-decimal space-y-1 pl-6">
            {s.mostContested.map((id) => {
              const item = byId.get(id)!;
              return (
                <li key={id}>
                  <span className="font-medium">{item.title}</span> — {formatAgreement(item.agreement)} agreement (
                  {item.voteCount} {item.voteCount === 1 ? "vote" : "votes"})
                </li>
              );
            })}
          </ol>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">No decision went against a share of the votes.</p>
        )}
      </section>

      {parked.length ? (
        <section aria-labelledby="parked-title" className="space-y-2">
          <h2 id="parked-title" className="text-lg font-semibold">
            Parked for later
          </h2>
          <ul aria-label="Parked items" className="list-disc space-y-1 pl-6">
            {parked.map((i) => (
              <li key={i.id}>{i.title}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="items-title" className="space-y-2">
        <h2 id="items-title" className="text-lg font-semibold">
          Every item
        </h2>
        <DataTable caption="Outcome, decision and agreement of every agenda item" boxed>
          <DataTableHead>
            <ColumnHeader>#</ColumnHeader>
            <ColumnHeader>Responsibility</ColumnHeader>
            <ColumnHeader>Outcome</ColumnHeader>
            <ColumnHeader>Decision</ColumnHeader>
            <ColumnHeader className="text-right">Agreement</ColumnHeader>
          </DataTableHead>
          <DataTableBody>
            {s.items.map((i, n) => (
              <tr key={i.id}>
                <DataCell className="text-slate-600 tabular-nums dark:text-slate-400">{n + 1}</DataCell>
                <RowHeader>{i.title}</RowHeader>
                <DataCell className={cn(i.status === "parked" && "font-medium text-amber-800 dark:text-amber-200")}>
                  {STATUS[i.status]}
                </DataCell>
                <DataCell>{decisionText(s, i.decision)}</DataCell>
                <DataCell className="text-right tabular-nums">
                  {i.status === "decided" ? `${formatAgreement(i.agreement)}` : "—"}
                  {i.status === "decided" && i.voteCount ? (
                    <span className="text-slate-600 dark:text-slate-400"> ({i.voteCount})</span>
                  ) : null}
                </DataCell>
              </tr>
            ))}
          </DataTableBody>
        </DataTable>
      </section>

      <section aria-labelledby="findings-title" className="space-y-2">
        <h2 id="findings-title" className="text-lg font-semibold">
          Findings left: {health.health}
        </h2>
        {s.findings.length ? (
          <ul className="space-y-1.5">
            {s.findings.map((f, i) => (
              <li
                key={`${f.code}-${f.responsibilityId ?? ""}-${f.personId ?? ""}-${i}`}
                className="flex items-start gap-2 text-sm"
              >
                <SeverityIcon severity={f.severity} className="mt-0.5" />
                <span>
                  <span className="font-medium">
                    {ruleInfo(f.code).title}
                    {f.responsibilityId
                      ? ` — ${rowTitles.get(f.responsibilityId) ?? "a responsibility"}`
                      : f.personId
                        ? ` — ${names.get(f.personId) ?? "a person"}`
                        : ""}
                    :
                  </span>{" "}
                  {f.message}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}
