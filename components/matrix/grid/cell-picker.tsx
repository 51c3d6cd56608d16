"use client";
import { useId } from "react";
import { Popover } from "@/components/ui/popover";
import { cn } from "@/components/ui/cn";
import { LETTERS, LETTER_WORDS } from "@/lib/raci/letters";
import type { Letter } from "@/lib/raci/types";
import { LETTER_TEXT } from "./letters-view";

export interface CellPickerProps {
  open: boolean;
  anchor: () => HTMLElement | null;
  /** "Code Reviews and Feedback × Tech Lead", or "6 cells". */
  title: string;
  /** Per letter: on every target cell, on some, or on none. */
  states: Record<Letter, "all" | "some" | "none">;
  onToggle: (letter: Letter) => void;
  onClear: () => void;
  onClose: () => void;
  /** Extra content under the letters (the cell's history), for a single cell. */
  children?: React.ReactNode;
  /** For those who cannot edit: the letters as text, no buttons, no keys; the history stays. */
  readOnly?: boolean;
}

/**
 * The letter picker of a cell (or a selected rectangle): four toggle buttons with
 * aria-pressed ("mixed" when only some selected cells have the letter) and Clear.
 * Typing r, a, c or i toggles too; Escape returns to the cell.
 */
export function CellPicker({
  open,
  anchor,
  title,
  states,
  onToggle,
  onClear,
  onClose,
  children,
  readOnly = false,
}: CellPickerProps) {
  const headingId = useId();
  if (readOnly) {
    const set = LETTERS.filter((l) => states[l] === "all");
    return (
      <Popover open={open} anchor={anchor} onClose={onClose} aria-labelledby={headingId} className="w-72">
        <p id={headingId} className="mb-2 px-1 text-xs font-semibold text-slate-700 dark:text-slate-300">
          {title}
        </p>
        <p className="px-1 text-sm text-slate-900 dark:text-slate-100">
          {set.length ? set.map((l) => LETTER_WORDS[l]).join(", ") : "No letter yet"}
        </p>
        <p className="mt-1 px-1 text-xs text-slate-600 dark:text-slate-400">
          Only team managers and owners change letters.
        </p>
        {children}
      </Popover>
    );
  }
  return (
    <Popover open={open} anchor={anchor} onClose={onClose} aria-labelledby={headingId} className="w-72">
      <div
        onKeyDown={(e) => {
          if (e.ctrlKey || e.metaKey || e.altKey) return;
          const letter = e.key.toUpperCase();
          if (letter === "R" || letter === "A" || letter === "C" || letter === "I") {
            e.preventDefault();
            onToggle(letter);
          }
        }}
      >
        <p id={headingId} className="mb-2 px-1 text-xs font-semibold text-slate-700 dark:text-slate-300">
          {title}
        </p>
        <div className="grid grid-cols-2 gap-1.5">
          {LETTERS.map((l) => {
            const state = states[l];
            return (
              <button
                key={l}
                type="button"
                aria-pressed={state === "all" ? true : state === "some" ? "mixed" : false}
                onClick={() => onToggle(l)}
                className={cn(
                  "flex items-center gap-2 rounded-md border px-2 py-1.5 text-left text-sm",
                  state === "all"
                    ? "border-accent-500 bg-accent-50 font-semibold text-slate-900 dark:bg-accent-700/40 dark:text-white"
                    : state === "some"
                      ? "border-dashed border-accent-500 text-slate-800 dark:text-slate-100"
                      : "border-slate-300 text-slate-800 hover:bg-slate-50 dark:border-slate-700 dark:text-slate-100 dark:hover:bg-slate-800",
                )}
              >
                <span aria-hidden="true" className={cn("w-4 font-mono font-bold", LETTER_TEXT[l])}>
                  {l}
                </span>
                {LETTER_WORDS[l]}
              </button>
            );
          })}
        </div>
        <div className="mt-2 flex items-center justify-between gap-2 px-1">
          <span className="text-xs text-slate-600 dark:text-slate-400">Keys: R A C I</span>
          <button
            type="button"
            onClick={onClear}
            className="rounded-md px-2 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
          >
            Clear
          </button>
        </div>
        {children}
      </div>
    </Popover>
  );
}
