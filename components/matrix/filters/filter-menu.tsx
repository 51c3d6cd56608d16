"use client";
import { useId, useRef, useState } from "react";
import { Popover } from "@/components/ui/popover";
import { cn } from "@/components/ui/cn";

export interface FilterOption<T> {
  value: T;
  label: string;
}

/**
 * A toolbar button opening a checklist (a small dialog of checkboxes). `selected` empty
 * means "no filter"; the button says how many are ticked.
 */
export function FilterMenu<T extends string | null>({
  label,
  options,
  selected,
  onChange,
  summary,
  reset,
}: {
  label: string;
  options: readonly FilterOption<T>[];
  selected: readonly T[];
  onChange: (next: T[]) => void;
  /** Replaces the default "(n)" count on the button. */
  summary?: string;
  /** Replaces the "Clear" button (e.g. "Show everyone" when ticked means shown). */
  reset?: { label: string; onReset: () => void; disabled: boolean };
}) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  const count = summary ?? (selected.length > 0 ? `${selected.length}` : "");
  const toggle = (value: T) =>
    onChange(selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value]);
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className={cn(
          "inline-flex h-9 items-center gap-1.5 rounded-md border px-3 text-sm font-medium",
          count
            ? "border-accent-500 bg-accent-50 text-accent-700 dark:bg-accent-700/30 dark:text-accent-100"
            : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800",
        )}
      >
        {label}
        {count ? <span className="rounded bg-accent-600 px-1.5 text-xs text-white">{count}</span> : null}
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 opacity-60" fill="currentColor">
          <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
        </svg>
      </button>
      <Popover
        open={open}
        anchor={() => buttonRef.current}
        onClose={() => setOpen(false)}
        aria-label={`Filter by ${label.toLowerCase()}`}
        className="max-h-96 w-64 overflow-y-auto"
      >
        <fieldset>
          <legend className="sr-only">{label}</legend>
          <ul className="space-y-0.5">
            {options.map((o, i) => (
              <li key={`${o.value ?? "∅"}`}>
                <label
                  htmlFor={`${id}-${i}`}
                  className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 hover:bg-slate-100 dark:hover:bg-slate-800"
                >
                  <input
                    id={`${id}-${i}`}
                    type="checkbox"
                    checked={selected.includes(o.value)}
                    onChange={() => toggle(o.value)}
                    className="size-4 accent-accent-600"
                  />
                  <span className="truncate">{o.label}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div className="mt-1 flex justify-end border-t border-slate-200 pt-1 dark:border-slate-700">
          <button
            type="button"
            disabled={reset ? reset.disabled : selected.length === 0}
            onClick={() => (reset ? reset.onReset() : onChange([]))}
            className="rounded px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 disabled:opacity-50 dark:text-slate-200 dark:hover:bg-slate-800"
          >
            {reset?.label ?? "Clear"}
          </button>
        </div>
      </Popover>
    </>
  );
}
