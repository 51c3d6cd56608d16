import { cn } from "@/components/ui/cn";
import type { LiveStatus } from "./use-matrix-live";

const LABEL: Record<LiveStatus, string> = {
  live: "Live",
  connecting: "Connecting…",
  offline: "Reconnecting…",
};

/**
 * "Live" while edits of others arrive by themselves, "Reconnecting…" when they do not.
 * A polite status region: a dropped connection is announced once, not on every retry.
 */
export function ConnectionStatus({ status, className }: { status: LiveStatus; className?: string }) {
  return (
    <p
      role="status"
      aria-label="Connection"
      className={cn(
        "inline-flex items-center gap-1.5 text-xs font-medium text-slate-600 dark:text-slate-400",
        className,
      )}
    >
      <span
        aria-hidden="true"
        className={cn(
          "size-2 rounded-full",
          status === "live" ? "bg-emerald-500" : status === "offline" ? "animate-pulse bg-amber-500" : "bg-slate-400",
        )}
      />
      {LABEL[status]}
    </p>
  );
}
