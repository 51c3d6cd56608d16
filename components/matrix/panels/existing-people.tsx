"use client";
import { Button } from "@/components/ui/button";
import { errorMessage, type PersonDto } from "@/lib/query/api-client";
import { roleKindsText } from "./person-form";

/** The team's people not yet in the matrix, as radio cards; loading and error states included. */
export function ExistingPeople({
  idPrefix,
  query,
  available,
  personId,
  onChoose,
  error,
  onAddNew,
}: {
  idPrefix: string;
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  available: PersonDto[];
  personId: string | null;
  onChoose: (id: string) => void;
  error?: string;
  onAddNew: () => void;
}) {
  if (query.isPending) {
    return (
      <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
        Loading the team’s people…
      </p>
    );
  }
  if (query.isError) {
    return (
      <div role="alert" className="space-y-2 text-sm text-red-800 dark:text-red-300">
        <p>Could not load the team’s people. {errorMessage(query.error)}</p>
        <Button variant="secondary" size="sm" onClick={() => void query.refetch()}>
          Try again
        </Button>
      </div>
    );
  }
  if (available.length === 0) {
    return (
      <div className="space-y-2 text-sm text-slate-600 dark:text-slate-400">
        <p>Everyone in the team is already in this matrix.</p>
        <Button variant="secondary" size="sm" onClick={onAddNew}>
          Add a new person or role
        </Button>
      </div>
    );
  }
  const errorId = `${idPrefix}-person-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">Person</legend>
      <ul className="mt-2 max-h-72 space-y-1.5 overflow-y-auto pr-1">
        {available.map((p) => {
          const kinds = roleKindsText(p.roleKinds);
          return (
            <li key={p.id}>
              <label className="flex cursor-pointer items-start gap-2.5 rounded-lg border border-slate-200 px-3 py-2 text-sm has-[:checked]:border-accent-500 has-[:checked]:bg-accent-50 dark:border-slate-700 dark:has-[:checked]:bg-slate-800">
                <input
                  type="radio"
                  name={`${idPrefix}-person`}
                  value={p.id}
                  checked={personId === p.id}
                  onChange={() => onChoose(p.id)}
                  data-person-choice
                  aria-describedby={error ? errorId : undefined}
                  className="mt-0.5 size-4 shrink-0 accent-accent-600"
                />
                <span className="min-w-0">
                  <span className="block font-medium">
                    {p.name}
                    {p.isVacant ? (
                      <span className="ml-2 rounded-full border border-slate-300 px-1.5 py-px text-xs font-normal text-slate-600 dark:border-slate-600 dark:text-slate-300">
                        Unfilled
                      </span>
                    ) : null}
                  </span>
                  <span className="block text-xs text-slate-600 dark:text-slate-400">
                    {[p.roleTitle, kinds && kinds !== p.roleTitle ? kinds : null].filter(Boolean).join(" · ") ||
                      "No role title"}
                  </span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
