import { memo, useEffect, useRef } from "react";
import { cn } from "@/components/ui/cn";
import type { Severity } from "@/lib/raci/types";
import { COLUMN_WIDTH, GROUP_HEIGHT, HEADER_HEIGHT, ROW_HEADER_WIDTH } from "./grid-constants";

function MoreIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
      <path d="M4 10a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0Zm7.5 0a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0ZM19 10a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0Z" />
    </svg>
  );
}

export function FindingIcon({ severity, className }: { severity: Severity; className?: string }) {
  const tone =
    severity === "error"
      ? "text-red-600 dark:text-red-400"
      : severity === "warning"
        ? "text-amber-600 dark:text-amber-400"
        : "text-sky-600 dark:text-sky-400";
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className={cn("size-4 shrink-0", tone, className)} fill="currentColor">
      {severity === "info" ? (
        <path d="M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm1 12H9V9h2v5Zm0-7H9V5h2v2Z" />
      ) : (
        <path d="M8.3 2.9a2 2 0 0 1 3.4 0l6.6 11.4A2 2 0 0 1 16.6 17H3.4a2 2 0 0 1-1.7-2.7L8.3 2.9ZM9 7v4h2V7H9Zm0 6v2h2v-2H9Z" />
      )}
    </svg>
  );
}

const menuButton =
  "ml-auto inline-flex size-7 shrink-0 items-center justify-center rounded text-slate-500 hover:bg-slate-200 hover:text-slate-900 dark:text-slate-400 dark:hover:bg-slate-700 dark:hover:text-slate-100";

export interface ColumnHeaderProps {
  c: number;
  left: number;
  columnId: string;
  name: string;
  roleTitle: string;
  isVacant: boolean;
  isActive: boolean;
  canEdit: boolean;
  findingCount: number;
  severity: Severity | null;
}

/** A person or role column: name, role title, vacancy and column-level findings. */
export const ColumnHeader = memo(function ColumnHeader(p: ColumnHeaderProps) {
  const sub = p.roleTitle && p.roleTitle !== p.name ? p.roleTitle : p.isVacant ? "Vacant role" : "";
  const label = [
    p.name,
    sub,
    p.isVacant && sub !== "Vacant role" ? "vacant" : "",
    p.findingCount > 0 ? `${p.findingCount} ${p.findingCount === 1 ? "finding" : "findings"}` : "",
  ]
    .filter(Boolean)
    .join(", ");
  return (
    <div
      role="columnheader"
      aria-colindex={p.c + 2}
      aria-label={label}
      tabIndex={p.isActive ? 0 : -1}
      data-kind="colheader"
      data-r={-1}
      data-c={p.c}
      data-column-id={p.columnId}
      title={sub ? `${p.name} — ${sub}` : p.name}
      className={cn(
        "group absolute top-0 flex h-full flex-col justify-center border-r border-b border-slate-300 bg-slate-100 px-2 text-left focus-visible:-outline-offset-2 dark:border-slate-700 dark:bg-slate-900",
        p.isActive && "shadow-[inset_0_0_0_2px_var(--color-accent-500)]",
      )}
      style={{ left: p.left, width: COLUMN_WIDTH, height: HEADER_HEIGHT }}
    >
      <div className="flex min-w-0 items-center gap-1">
        {p.severity ? <FindingIcon severity={p.severity} /> : null}
        <span className="line-clamp-2 text-sm leading-tight font-semibold break-words hyphens-auto text-slate-900 dark:text-slate-100">
          {p.name}
        </span>
        {p.canEdit ? (
          <button
            type="button"
            tabIndex={-1}
            data-action="column-menu"
            aria-label={`Actions for ${p.name}`}
            aria-haspopup="menu"
            className={cn(
              menuButton,
              "absolute top-1 right-1 bg-slate-100 opacity-0 group-hover:opacity-100 group-focus:opacity-100 dark:bg-slate-900",
            )}
          >
            <MoreIcon />
          </button>
        ) : null}
      </div>
      {sub ? (
        <span className={cn("truncate text-xs", p.isVacant && "italic", "text-slate-600 dark:text-slate-400")}>
          {sub}
        </span>
      ) : null}
    </div>
  );
});

export interface RowHeaderProps {
  r: number;
  rowId: string;
  title: string;
  description: string;
  findingCount: number;
  severity: Severity | null;
  isActive: boolean;
  canEdit: boolean;
  isRenaming: boolean;
  onRenameDone: (rowId: string, title: string | null) => void;
}

/** A responsibility's title, its findings, and (for editors) a drag handle and a menu. */
export const RowHeader = memo(function RowHeader(p: RowHeaderProps) {
  const label =
    p.findingCount > 0 ? `${p.title}, ${p.findingCount} ${p.findingCount === 1 ? "finding" : "findings"}` : p.title;
  return (
    <div
      role="rowheader"
      aria-colindex={1}
      aria-label={label}
      tabIndex={p.isActive ? 0 : -1}
      draggable={p.canEdit && !p.isRenaming}
      data-kind="rowheader"
      data-r={p.r}
      data-c={-1}
      data-row-id={p.rowId}
      title={p.description || undefined}
      className={cn(
        "group sticky left-0 z-10 flex h-full items-center gap-2 border-r border-b border-slate-300 bg-white pr-1 pl-2 text-sm focus-visible:-outline-offset-2 dark:border-slate-700 dark:bg-slate-950",
        p.severity === "error" && "border-l-4 border-l-red-600 pl-1 dark:border-l-red-500",
        p.severity === "warning" && "border-l-4 border-l-amber-500 pl-1",
        p.severity === "info" && "border-l-4 border-l-sky-500 pl-1",
        p.isActive && "shadow-[inset_0_0_0_2px_var(--color-accent-500)]",
        p.canEdit && "cursor-grab",
      )}
      style={{ width: ROW_HEADER_WIDTH }}
    >
      {p.isRenaming ? (
        <RenameInput title={p.title} onDone={(t) => p.onRenameDone(p.rowId, t)} />
      ) : (
        <span className="min-w-0 flex-1 truncate text-slate-900 dark:text-slate-100">{p.title}</span>
      )}
      {p.findingCount > 0 && p.severity ? (
        <span
          aria-hidden="true"
          className="inline-flex shrink-0 items-center gap-0.5 text-xs font-medium text-slate-600 dark:text-slate-300"
        >
          <FindingIcon severity={p.severity} />
          {p.findingCount}
        </span>
      ) : null}
      {p.canEdit && !p.isRenaming ? (
        <button
          type="button"
          tabIndex={-1}
          data-action="row-menu"
          aria-label={`Actions for ${p.title}`}
          aria-haspopup="menu"
          className={cn(menuButton, "ml-0 opacity-0 group-hover:opacity-100 group-focus:opacity-100")}
        >
          <MoreIcon />
        </button>
      ) : null}
    </div>
  );
});

function RenameInput({ title, onDone }: { title: string; onDone: (title: string | null) => void }) {
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const finish = (value: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(value);
  };
  return (
    <input
      ref={ref}
      aria-label="Responsibility title"
      defaultValue={title}
      maxLength={200}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === "Enter") finish(e.currentTarget.value);
        else if (e.key === "Escape") finish(null);
      }}
      onBlur={(e) => finish(e.currentTarget.value)}
      className="h-8 min-w-0 flex-1 rounded border border-accent-500 bg-white px-2 text-sm text-slate-900 dark:bg-slate-900 dark:text-slate-100"
    />
  );
}

export interface GroupHeaderProps {
  r: number;
  label: string;
  count: number;
  colSpan: number;
  isActive: boolean;
}

/** A category group: a row of its own whose header spans the grid. */
export const GroupHeader = memo(function GroupHeader(p: GroupHeaderProps) {
  return (
    <div
      role="rowheader"
      aria-colindex={1}
      aria-colspan={p.colSpan}
      tabIndex={p.isActive ? 0 : -1}
      data-kind="group"
      data-r={p.r}
      data-c={-1}
      className={cn(
        "sticky left-0 z-10 flex items-center gap-2 bg-slate-100 px-3 text-xs font-semibold tracking-wide text-slate-700 uppercase focus-visible:-outline-offset-2 dark:bg-slate-900 dark:text-slate-300",
        p.isActive && "shadow-[inset_0_0_0_2px_var(--color-accent-500)]",
      )}
      style={{ width: ROW_HEADER_WIDTH, height: GROUP_HEIGHT }}
    >
      {p.label}
      <span className="font-normal tracking-normal text-slate-600 normal-case dark:text-slate-400">
        {p.count} {p.count === 1 ? "item" : "items"}
      </span>
    </div>
  );
});
