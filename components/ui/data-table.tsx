import { cn } from "./cn";

/**
 * A plain data table: scrolls sideways on narrow screens, a caption for screen readers,
 * one look for headers, rows and cells. Columns keep their own widths and may hide
 * below a breakpoint (pass `className="hidden sm:table-cell"` to both header and cell).
 */
export function DataTable({
  caption,
  children,
  boxed = false,
  className,
}: {
  caption: string;
  children: React.ReactNode;
  /** In a bordered box of its own (first and last columns keep off the border). */
  boxed?: boolean;
  className?: string;
}) {
  return (
    // relative: the visually hidden caption is absolutely positioned and would widen the page.
    <div
      className={cn(
        "relative overflow-x-auto",
        boxed && "rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900",
        className,
      )}
    >
      <table
        className={cn(
          "w-full text-left text-sm",
          boxed && "[&_:is(th,td):first-child]:pl-3 [&_:is(th,td):last-child]:pr-3",
        )}
      >
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

/** The header row. */
export function DataTableHead({ children }: { children: React.ReactNode }) {
  return (
    <thead className="border-b border-slate-200 text-xs text-slate-600 uppercase dark:border-slate-700 dark:text-slate-400">
      <tr>{children}</tr>
    </thead>
  );
}

export function DataTableBody({ children }: { children: React.ReactNode }) {
  return <tbody className="divide-y divide-slate-200 dark:divide-slate-800">{children}</tbody>;
}

const CELL = "py-2 pr-4 align-top last:pr-0";

/** A column header; `label` alone (no visible text) for an actions column. */
export function ColumnHeader({
  children,
  label,
  className,
}: {
  children?: React.ReactNode;
  label?: string;
  className?: string;
}) {
  return (
    <th scope="col" className={cn(CELL, "font-medium", className)}>
      {children ?? <span className="sr-only">{label}</span>}
    </th>
  );
}

/** A row's header cell (what the row is about). */
export function RowHeader({ children, className }: { children: React.ReactNode; className?: string }) {
  return (
    <th scope="row" className={cn(CELL, "font-medium", className)}>
      {children}
    </th>
  );
}

export function DataCell({ children, className }: { children?: React.ReactNode; className?: string }) {
  return <td className={cn(CELL, className)}>{children}</td>;
}
