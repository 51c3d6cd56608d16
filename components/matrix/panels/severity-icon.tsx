import { cn } from "@/components/ui/cn";
import type { Severity } from "@/lib/raci";

/**
 * A distinct shape per severity (circle-x, triangle, circle-i) so severities differ in
 * form as well as colour. Decorative: the word is always written beside it.
 */
export function SeverityIcon({ severity, className }: { severity: Severity | "ok"; className?: string }) {
  return (
    <svg
      aria-hidden
      viewBox="0 0 20 20"
      fill="currentColor"
      className={cn("size-4 shrink-0", SEVERITY_TEXT[severity], className)}
    >
      <path fillRule="evenodd" clipRule="evenodd" d={PATHS[severity]} />
    </svg>
  );
}

/** Text colours of each severity, readable (AA) on white and on slate-900. */
export const SEVERITY_TEXT: Readonly<Record<Severity | "ok", string>> = {
  error: "text-red-700 dark:text-red-400",
  warning: "text-amber-700 dark:text-amber-400",
  info: "text-sky-700 dark:text-sky-400",
  ok: "text-emerald-700 dark:text-emerald-400",
};

const PATHS: Record<Severity | "ok", string> = {
  // Circle with a cross.
  error:
    "M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16ZM7.7 6.3a1 1 0 0 0-1.4 1.4L8.6 10l-2.3 2.3a1 1 0 1 0 1.4 1.4l2.3-2.3 2.3 2.3a1 1 0 0 0 1.4-1.4L11.4 10l2.3-2.3a1 1 0 0 0-1.4-1.4L10 8.6 7.7 6.3Z",
  // Triangle with an exclamation mark.
  warning:
    "M8.3 2.9a2 2 0 0 1 3.4 0l6.4 11.1a2 2 0 0 1-1.7 3H3.6a2 2 0 0 1-1.7-3L8.3 2.9ZM10 7a1 1 0 0 0-1 1v3a1 1 0 1 0 2 0V8a1 1 0 0 0-1-1Zm0 8a1.1 1.1 0 1 0 0-2.2 1.1 1.1 0 0 0 0 2.2Z",
  // Circle with an "i".
  info: "M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm0-11.8a1.1 1.1 0 1 0 0-2.2 1.1 1.1 0 0 0 0 2.2ZM9 9a1 1 0 0 1 2 0v5a1 1 0 1 1-2 0V9Z",
  // Circle with a check mark.
  ok: "M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm3.7-9.3a1 1 0 0 0-1.4-1.4L9 10.6 7.7 9.3a1 1 0 0 0-1.4 1.4l2 2a1 1 0 0 0 1.4 0l4-4Z",
};
