"use client";
import { cn } from "@/components/ui/cn";
import { LETTER_BG, LETTER_TEXT } from "@/components/matrix/grid/letters-view";
import { LETTERS, LETTER_WORDS, hasLetter, toggleLetter } from "@/lib/raci/letters";
import type { Letter, Letters } from "@/lib/raci/types";
import type { WorkshopColumnDto } from "@/lib/matrix/workshop-dto";

/**
 * Picks letters for one responsibility, one column (person) per group: four toggle
 * buttons each, big enough for a thumb. A row has one Accountable, so giving A to one
 * person takes it from whoever had it. Used for a participant's vote and for the
 * facilitator's decision.
 */
export function RowLettersEditor({
  columns,
  value,
  onChange,
  disabled,
  size = "md",
  highlight,
}: {
  columns: WorkshopColumnDto[];
  value: Record<string, Letters>;
  onChange: (next: Record<string, Letters>) => void;
  disabled?: boolean;
  size?: "md" | "lg";
  /** Columns to mark (e.g. where the votes disagree). */
  highlight?: ReadonlySet<string>;
}) {
  function toggle(personId: string, letter: Letter) {
    const next: Record<string, Letters> = { ...value };
    const turningOn = !hasLetter(value[personId] ?? "", letter);
    if (letter === "A" && turningOn) {
      for (const id of Object.keys(next))
        if (id !== personId && hasLetter(next[id] ?? "", "A")) next[id] = toggleLetter(next[id]!, "A");
    }
    next[personId] = toggleLetter(value[personId] ?? "", letter);
    onChange(next);
  }
  return (
    <div className="space-y-3">
      {columns.map((c) => (
        <fieldset
          key={c.personId}
          className={cn(
            "rounded-lg border border-slate-200 p-3 dark:border-slate-700",
            highlight?.has(c.personId) && "border-amber-500 bg-amber-50 dark:border-amber-500 dark:bg-amber-950/40",
          )}
        >
          <legend className="px-1 text-sm font-semibold">
            {c.name}
            {c.roleTitle && c.roleTitle !== c.name ? (
              <span className="ml-1 font-normal text-slate-600 dark:text-slate-400">({c.roleTitle})</span>
            ) : null}
          </legend>
          <div className="grid grid-cols-4 gap-2">
            {LETTERS.map((l) => {
              const on = hasLetter(value[c.personId] ?? "", l);
              return (
                <button
                  key={l}
                  type="button"
                  aria-pressed={on}
                  disabled={disabled}
                  onClick={() => toggle(c.personId, l)}
                  className={cn(
                    "flex flex-col items-center justify-center rounded-md border px-1 font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-60",
                    size === "lg" ? "min-h-16 text-base" : "min-h-12 text-sm",
                    on
                      ? cn("border-current ring-2 ring-current", LETTER_BG[l], LETTER_TEXT[l])
                      : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800",
                  )}
                >
                  <span className={cn("font-mono font-bold", size === "lg" ? "text-2xl" : "text-lg")}>{l}</span>
                  <span className="text-[0.7rem] leading-tight">{LETTER_WORDS[l]}</span>
                </button>
              );
            })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
