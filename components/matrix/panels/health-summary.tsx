"use client";
import { Fragment, useMemo } from "react";
import { cn } from "@/components/ui/cn";
import type { Finding } from "@/lib/raci";
import { healthOf } from "./findings-groups";
import { SeverityIcon } from "./severity-icon";

/**
 * The one-line health of the matrix ("3 errors, 5 warnings"), for the top of the screen.
 * A polite live region: after each edit a screen reader hears the new line without
 * being interrupted. The text reads exactly like the API's `summary.health`.
 */
export function HealthSummary({ findings, className }: { findings: Finding[]; className?: string }) {
  const health = useMemo(() => healthOf(findings), [findings]);
  return (
    <p
      role="status"
      aria-label="Matrix health"
      className={cn(
        // Not flex: with inline layout the spaces between parts stay real text, so the
        // accessible text is "3 errors, 5 warnings" and not "3 errors,5 warnings".
        "inline-block rounded-full border px-3 py-1 text-sm font-medium",
        health.isClean
          ? "border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-200"
          : "border-slate-200 bg-white text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100",
        className,
      )}
    >
      {health.parts.map((part, i) => (
        <Fragment key={part.text}>
          {i > 0 ? " " : null}
          <span className="inline-flex items-center gap-1 align-middle whitespace-nowrap">
            <SeverityIcon severity={part.kind === "ok" ? "ok" : part.severity} />
            {/* One text node: in a flex box a separate "," would get the gap before it. */}
            {!health.isClean && i < health.parts.length - 1 ? `${part.text},` : part.text}
          </span>
        </Fragment>
      ))}
    </p>
  );
}
