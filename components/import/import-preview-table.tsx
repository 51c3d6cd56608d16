import { LettersView } from "@/components/matrix/grid/letters-view";
import { describeLetters } from "@/lib/raci/letters";
import { ROLE_KIND_NAMES } from "@/lib/raci/role-kinds";
import { columnLetter } from "@/lib/raci/import";
import type { ImportPreview } from "@/lib/raci/import/types";
import type { Domain } from "@/lib/raci/types";

/** Rows shown in the preview table; the rest are counted (the import takes them all). */
export const PREVIEW_ROWS = 200;

const DOMAIN_NAMES: Readonly<Record<Domain, string>> = { SYSTEM: "System", PEOPLE: "People", SHARED: "Shared" };

/**
 * The table as it will be saved: one row per responsibility, a column per person with
 * whether it is new to the team and the role it was recognised as. Cells with a
 * warning (unknown letters) are marked and explained in their accessible name.
 */
export function ImportPreviewTable({ preview }: { preview: ImportPreview }) {
  const shown = preview.rows.slice(0, PREVIEW_ROWS);
  const flagged = new Map<string, string>();
  for (const issue of preview.issues)
    if (issue.ref && issue.code === "UNKNOWN_LETTERS") flagged.set(issue.ref, issue.message);
  const hasCategory = preview.rows.some((r) => r.category);
  const hasDomain = preview.rows.some((r) => r.domain);

  return (
    <div
      className="max-h-[32rem] overflow-auto rounded-lg border border-slate-200 dark:border-slate-800"
      tabIndex={0}
      role="region"
      aria-label="Preview of the imported matrix"
    >
      <table className="min-w-full border-collapse text-sm">
        <caption className="sr-only">
          {preview.rows.length} responsibilities and {preview.columns.length} people, as they will be imported
        </caption>
        <thead className="sticky top-0 z-10 bg-slate-50 dark:bg-slate-900">
          <tr>
            <th
              scope="col"
              className="sticky left-0 z-20 min-w-56 bg-slate-50 px-3 py-2 text-left align-bottom font-semibold dark:bg-slate-900"
            >
              Responsibility
            </th>
            {hasCategory ? (
              <th scope="col" className="px-3 py-2 text-left align-bottom font-semibold">
                Category
              </th>
            ) : null}
            {hasDomain ? (
              <th scope="col" className="px-3 py-2 text-left align-bottom font-semibold">
                Domain
              </th>
            ) : null}
            {preview.columns.map((c) => (
              <th key={c.sourceColumn} scope="col" className="min-w-24 px-2 py-2 text-left align-bottom font-semibold">
                <span className="block">{c.name}</span>
                {c.roleTitle && c.roleTitle !== c.name ? (
                  <span className="block text-xs font-normal text-slate-500 dark:text-slate-400">{c.roleTitle}</span>
                ) : null}
                <span className="mt-1 flex flex-wrap gap-1">
                  {c.roleKinds
                    .filter((k) => ROLE_KIND_NAMES[k].toLowerCase() !== c.roleTitle.toLowerCase())
                    .map((k) => (
                      <span
                        key={k}
                        className="rounded bg-accent-50 px-1.5 py-0.5 text-[0.7rem] font-medium text-accent-700 dark:bg-accent-700/25 dark:text-accent-100"
                      >
                        {ROLE_KIND_NAMES[k]}
                      </span>
                    ))}
                  <span className="rounded bg-slate-100 px-1.5 py-0.5 text-[0.7rem] font-normal text-slate-600 dark:bg-slate-800 dark:text-slate-300">
                    {c.existingPersonId ? "in your team" : "new person"}
                  </span>
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.sourceRow} className="border-t border-slate-200 dark:border-slate-800">
              <th scope="row" className="sticky left-0 bg-white px-3 py-1.5 text-left font-normal dark:bg-slate-950">
                {row.title}
              </th>
              {hasCategory ? <td className="px-3 py-1.5 text-slate-600 dark:text-slate-400">{row.category}</td> : null}
              {hasDomain ? (
                <td className="px-3 py-1.5 text-slate-600 dark:text-slate-400">
                  {row.domain ? DOMAIN_NAMES[row.domain] : ""}
                </td>
              ) : null}
              {preview.columns.map((c, i) => {
                const letters = row.letters[i] ?? "";
                const ref = `${columnLetter(c.sourceColumn)}${row.sourceRow}`;
                const warning = flagged.get(ref);
                return (
                  <td
                    key={c.sourceColumn}
                    className={
                      warning
                        ? "bg-amber-50 px-2 py-1.5 ring-1 ring-amber-400 ring-inset dark:bg-amber-950/40"
                        : "px-2 py-1.5"
                    }
                    title={warning}
                  >
                    <span className="sr-only">{`${c.name}: ${describeLetters(letters)}${warning ? `. ${warning}` : ""}`}</span>
                    <LettersView letters={letters} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {preview.rows.length > shown.length ? (
        <p className="border-t border-slate-200 px-3 py-2 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400">
          …and {preview.rows.length - shown.length} more responsibilities, all of which will be imported.
        </p>
      ) : null}
    </div>
  );
}
