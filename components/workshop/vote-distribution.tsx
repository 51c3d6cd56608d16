import { cn } from "@/components/ui/cn";
import { LETTER_TEXT } from "@/components/matrix/grid/letters-view";
import { LETTERS, LETTER_WORDS } from "@/lib/raci/letters";
import type { RevealedResultDto } from "@/lib/matrix/workshop-dto";

/**
 * The revealed votes: a table of people × letters with counts and bars (anonymous), the
 * places where people disagree highlighted, and the disagreements in words.
 */
export function VoteDistribution({ result, large }: { result: RevealedResultDto; large?: boolean }) {
  const { tally, disagreements, majority } = result;
  const contested = new Set<string>();
  for (const d of disagreements) {
    if (d.kind === "letter") contested.add(`${d.personId}|${d.letter}`);
    else for (const o of d.options) contested.add(`${o.personId}|A`);
  }
  const base = Math.max(1, tally.voters);
  return (
    <section aria-label="Revealed votes" className="space-y-4">
      <div className="overflow-x-auto">
        <table className={cn("w-full border-collapse", large ? "text-lg" : "text-sm")}>
          <caption className="mb-2 text-left text-sm text-slate-600 dark:text-slate-400">
            {tally.voters} {tally.voters === 1 ? "vote" : "votes"}
            {tally.skipped ? `, ${tally.skipped} skipped` : ""}. Each cell: how many gave that letter to that person.
          </caption>
          <thead>
            <tr>
              <th scope="col" className="p-2 text-left font-semibold">
                Person
              </th>
              {LETTERS.map((l) => (
                <th key={l} scope="col" className={cn("p-2 text-left font-semibold", LETTER_TEXT[l])}>
                  <abbr title={LETTER_WORDS[l]} className="no-underline">
                    {l}
                  </abbr>
                  <span className="sr-only"> ({LETTER_WORDS[l]})</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {tally.columns.map((c) => (
              <tr key={c.personId} className="border-t border-slate-200 dark:border-slate-700">
                <th scope="row" className="p-2 text-left font-medium">
                  {c.name}
                </th>
                {LETTERS.map((l) => {
                  const n = c.counts[l];
                  const hot = contested.has(`${c.personId}|${l}`);
                  return (
                    <td
                      key={l}
                      data-contested={hot || undefined}
                      className={cn("p-2 align-middle", hot && "bg-amber-100 dark:bg-amber-900/50")}
                    >
                      <div className="flex items-center gap-2">
                        <span className="w-6 text-right font-mono font-semibold tabular-nums">{n}</span>
                        <span aria-hidden className="h-2 flex-1 rounded bg-slate-100 dark:bg-slate-800">
                          <span
                            className={cn("block h-2 rounded", hot ? "bg-amber-500" : "bg-accent-500")}
                            style={{ width: `${(n / base) * 100}%` }}
                          />
                        </span>
                        {hot ? <span className="sr-only">contested</span> : null}
                      </div>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {disagreements.length ? (
        <div className="rounded-lg border border-amber-400 bg-amber-50 p-3 dark:border-amber-600 dark:bg-amber-950/40">
          <h3 className={cn("font-semibold text-amber-900 dark:text-amber-100", large ? "text-xl" : "text-sm")}>
            Where people disagree
          </h3>
          <ul
            aria-label="Disagreements"
            className={cn("mt-1 list-disc pl-5 text-amber-950 dark:text-amber-50", large ? "text-lg" : "text-sm")}
          >
            {disagreements.map((d) => (
              <li key={d.kind === "accountable" ? "A" : `${d.personId}|${d.letter}`}>{d.message}</li>
            ))}
          </ul>
        </div>
      ) : tally.voters > 1 ? (
        <p className="text-sm text-emerald-800 dark:text-emerald-300">
          No real disagreement: the votes point the same way.
        </p>
      ) : null}
      {majority.accountableTie ? (
        <p role="note" className="text-sm font-medium text-amber-900 dark:text-amber-200">
          The Accountable is a tie between {majority.accountableTie.map((o) => o.name).join(" and ")}: the facilitator
          decides.
        </p>
      ) : null}
    </section>
  );
}
