import { memo } from "react";
import { cn } from "@/components/ui/cn";
import { RemoteSelectionOutline } from "@/components/matrix/live/remote-selection-outline";
import { letterList } from "@/lib/raci/letters";
import { COLUMN_WIDTH } from "./grid-constants";
import { LETTER_BG, LettersView } from "./letters-view";

export interface GridCellProps {
  r: number;
  c: number;
  left: number;
  letters: string;
  /** The accessible name, e.g. "Code Reviews and Feedback, Tech Lead: Accountable". */
  label: string;
  isSelected: boolean;
  isActive: boolean;
  /** A finding points at this person on this row. */
  isFlagged: boolean;
  severity: "error" | "warning" | "info" | null;
  /** Someone else has this cell selected (live presence): their colour, initials and names. */
  remoteColor?: string | undefined;
  remoteInitials?: string | undefined;
  remoteNames?: string | undefined;
  /** Compare mode: how this cell differs from the compared version. */
  diff?: "added" | "removed" | "changed" | undefined;
}

/** Compare mode: a dashed frame in the kind's colour and a corner sign (+, −, ~), not colour alone. */
function DiffMark({ kind }: { kind: "added" | "removed" | "changed" }) {
  return (
    <span
      aria-hidden="true"
      data-diff={kind}
      className={cn(
        "pointer-events-none absolute inset-0.5 rounded-sm border-2 border-dashed",
        kind === "added"
          ? "border-emerald-600 dark:border-emerald-400"
          : kind === "removed"
            ? "border-red-600 dark:border-red-400"
            : "border-violet-600 dark:border-violet-400",
      )}
    >
      <span
        className={cn(
          "absolute bottom-0 left-0.5 text-[10px] leading-none font-bold",
          kind === "added"
            ? "text-emerald-700 dark:text-emerald-300"
            : kind === "removed"
              ? "text-red-700 dark:text-red-300"
              : "text-violet-700 dark:text-violet-300",
        )}
      >
        {kind === "added" ? "+" : kind === "removed" ? "−" : "~"}
      </span>
    </span>
  );
}

/**
 * One cell. Only primitives come in, and it is memoized: a key press re-renders the one
 * cell whose letters changed (plus the findings flags that really moved). No listeners
 * here: the grid delegates pointer and key events through data-r / data-c.
 */
export const GridCell = memo(function GridCell({
  r,
  c,
  left,
  letters,
  label,
  isSelected,
  isActive,
  isFlagged,
  severity,
  remoteColor,
  remoteInitials,
  remoteNames,
  diff,
}: GridCellProps) {
  const first = letterList(letters)[0];
  // The strongest letter tints the cell: A before R before C before I.
  const tint = letters.includes("A") ? "A" : first;
  return (
    <div
      role="gridcell"
      aria-colindex={c + 2}
      aria-label={label}
      aria-selected={isSelected}
      tabIndex={isActive ? 0 : -1}
      data-kind="cell"
      data-r={r}
      data-c={c}
      className={cn(
        "absolute top-0 flex h-full cursor-cell items-center justify-center border-r border-b border-slate-200 select-none focus-visible:-outline-offset-2 dark:border-slate-800",
        isSelected ? "bg-accent-100 dark:bg-accent-700/40" : tint ? LETTER_BG[tint] : "bg-white dark:bg-slate-950",
        isActive && "shadow-[inset_0_0_0_2px_var(--color-accent-500)]",
      )}
      style={{ left, width: COLUMN_WIDTH }}
    >
      <LettersView letters={letters} />
      {diff ? <DiffMark kind={diff} /> : null}
      {remoteColor && remoteInitials ? (
        <RemoteSelectionOutline color={remoteColor} initials={remoteInitials} names={remoteNames ?? ""} />
      ) : null}
      {isFlagged ? (
        <span
          aria-hidden="true"
          className={cn(
            "absolute top-0 right-0 size-0 border-t-[10px] border-l-[10px] border-l-transparent",
            severity === "error"
              ? "border-t-red-600"
              : severity === "warning"
                ? "border-t-amber-500"
                : "border-t-sky-500",
          )}
        />
      ) : null}
    </div>
  );
});
