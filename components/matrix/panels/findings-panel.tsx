"use client";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { MatrixModel } from "@/lib/matrix/dto";
import { summarizeFindings } from "@/lib/raci/findings";
import type { Finding, FindingCode, Fix } from "@/lib/raci/types";
import { SEVERITIES, groupFindings, isInitiallyExpanded, severityCount, type FindingEntry } from "./findings-groups";
import { RuleGroup } from "./rule-group";
import { SeverityIcon } from "./severity-icon";

type ApplyFix = (fix: Fix) => void | Promise<void>;

/**
 * The findings beside the grid: counts by severity, findings grouped by rule, each one a
 * button that takes you to its row or cell, with its one-click fixes. Built for hundreds
 * of findings: big groups show their first few until "Show all", and with many findings
 * only the first groups start expanded.
 */
export function FindingsPanel({
  findings,
  model,
  canEdit,
  onFocusFinding,
  onApplyFix,
  onOpenRuleSettings,
  className,
}: {
  findings: Finding[];
  model: MatrixModel;
  canEdit: boolean;
  onFocusFinding: (f: Finding) => void;
  /** May return a promise: the fix buttons of that finding stay busy until it settles. */
  onApplyFix: ApplyFix;
  /** When given, the panel shows a "Rule settings" button. */
  onOpenRuleSettings?: () => void;
  className?: string;
}) {
  const headingId = useId();
  const readOnlyNoteId = useId();
  const panelRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const groups = useMemo(() => groupFindings(findings), [findings]);
  const summary = useMemo(() => summarizeFindings(findings), [findings]);
  const rowTitles = useMemo(() => new Map(model.rows.map((r) => [r.id, r.title])), [model.rows]);
  const personNames = useMemo(() => new Map(model.columns.map((c) => [c.personId, c.name])), [model.columns]);

  // Only the groups someone toggled are stored; the rest follow isInitiallyExpanded.
  const [toggled, setToggled] = useState<Partial<Record<FindingCode, boolean>>>({});
  const [showAll, setShowAll] = useState<Partial<Record<FindingCode, boolean>>>({});
  const [busyKey, setBusyKey] = useState<string | null>(null);

  // Latest callbacks behind stable functions, so memoised items do not all re-render
  // when the screen passes new closures on every edit.
  const onFocusRef = useRef(onFocusFinding);
  const onApplyRef = useRef(onApplyFix);
  useEffect(() => {
    onFocusRef.current = onFocusFinding;
    onApplyRef.current = onApplyFix;
  });

  // A fix removes its finding, and with it the focused button. Remember where it was so
  // focus can land on the next finding of the same group instead of <body>.
  const focusAfterFix = useRef<{ key: string; code: FindingCode; index: number } | null>(null);

  const focusFinding = useCallback((f: Finding) => onFocusRef.current(f), []);
  const applyFix = useCallback((entry: FindingEntry, index: number, fix: Fix) => {
    focusAfterFix.current = { key: entry.key, code: entry.finding.code, index };
    const result = onApplyRef.current(fix);
    if (result && typeof result.then === "function") {
      setBusyKey(entry.key);
      result.then(
        () => setBusyKey((k) => (k === entry.key ? null : k)),
        () => setBusyKey((k) => (k === entry.key ? null : k)),
      );
    }
  }, []);

  useEffect(() => {
    const pending = focusAfterFix.current;
    const panel = panelRef.current;
    if (!pending || !panel) return;
    const stillThere = groups.some((g) => g.entries.some((e) => e.key === pending.key));
    if (stillThere) return;
    focusAfterFix.current = null;
    const active = document.activeElement;
    // Only rescue focus that was lost; if the person already moved on, leave it.
    if (active && active !== document.body) return;
    const sameGroup = panel.querySelectorAll<HTMLElement>(`[data-group="${pending.code}"] [data-finding]`);
    const target =
      sameGroup[Math.min(pending.index, sameGroup.length - 1)] ??
      panel.querySelector<HTMLElement>("[data-finding]") ??
      headingRef.current;
    target?.focus();
  }, [groups]);

  const disabledCount = model.settings.disabledRules.length;

  return (
    <section
      ref={panelRef}
      aria-labelledby={headingId}
      data-findings-panel
      className={cn(
        "flex min-h-0 flex-col rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900",
        className,
      )}
    >
      <div className="space-y-3 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
        <div className="flex items-center justify-between gap-2">
          <h2 id={headingId} ref={headingRef} tabIndex={-1} className="text-base font-semibold">
            Findings
          </h2>
          {onOpenRuleSettings ? (
            <button type="button" onClick={onOpenRuleSettings} className={buttonClasses("ghost", "sm", "-mr-2")}>
              <GearIcon />
              Rule settings
            </button>
          ) : null}
        </div>
        <ul aria-label="Findings by severity" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {SEVERITIES.map((severity) => {
            const n = summary.bySeverity[severity];
            return (
              <li
                key={severity}
                className={cn(
                  "inline-flex items-center gap-1.5",
                  n === 0 ? "text-slate-600 dark:text-slate-400" : "font-medium text-slate-900 dark:text-slate-100",
                )}
              >
                <SeverityIcon severity={severity} className={n === 0 ? "opacity-60" : undefined} />
                {severityCount(severity, n)}
              </li>
            );
          })}
        </ul>
        {!canEdit ? (
          <p id={readOnlyNoteId} className="text-xs text-slate-600 dark:text-slate-400">
            You can read the findings; only team managers and owners can apply fixes.
          </p>
        ) : null}
      </div>

      <div className="min-h-0 flex-1 overflow-y-auto">
        {findings.length === 0 ? (
          <EmptyState hasRows={model.rows.length > 0} disabledCount={disabledCount} />
        ) : (
          <ul aria-label="Findings by rule" className="divide-y divide-slate-200 dark:divide-slate-800">
            {groups.map((group, i) => (
              <RuleGroup
                key={group.code}
                group={group}
                isExpanded={toggled[group.code] ?? isInitiallyExpanded(i, findings.length)}
                onToggle={() =>
                  setToggled((t) => ({
                    ...t,
                    [group.code]: !(t[group.code] ?? isInitiallyExpanded(i, findings.length)),
                  }))
                }
                isShowingAll={showAll[group.code] ?? false}
                onShowAll={(all) => setShowAll((s) => ({ ...s, [group.code]: all }))}
                rowTitles={rowTitles}
                personNames={personNames}
                canEdit={canEdit}
                readOnlyNoteId={readOnlyNoteId}
                busyKey={busyKey}
                onFocusFinding={focusFinding}
                onApplyFix={applyFix}
              />
            ))}
          </ul>
        )}
      </div>
      {findings.length > 0 && disabledCount > 0 ? (
        <p className="border-t border-slate-200 px-4 py-2 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400">
          {disabledRulesNote(disabledCount)}
        </p>
      ) : null}
    </section>
  );
}

function disabledRulesNote(n: number): string {
  return n === 1 ? "1 rule is switched off for this matrix." : `${n} rules are switched off for this matrix.`;
}

function EmptyState({ hasRows, disabledCount }: { hasRows: boolean; disabledCount: number }) {
  return (
    <div className="flex flex-col items-center px-6 py-10 text-center">
      <SeverityIcon severity="ok" className="size-10" />
      <p className="mt-3 text-base font-semibold text-slate-900 dark:text-slate-100">
        {hasRows ? "All clear" : "Nothing to check yet"}
      </p>
      <p className="mt-1 max-w-xs text-sm text-slate-600 dark:text-slate-400">
        {hasRows
          ? "Every item has an owner and someone doing the work, and the Tech Lead and the Engineering Manager each know what is theirs."
          : "Add items and people, and findings will show up here as you fill in the matrix."}
      </p>
      {disabledCount > 0 ? (
        <p className="mt-3 text-xs text-slate-600 dark:text-slate-400">{disabledRulesNote(disabledCount)}</p>
      ) : null}
    </div>
  );
}

function GearIcon() {
  return (
    <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-4">
      <path
        fillRule="evenodd"
        clipRule="evenodd"
        d="M8.3 1.9a1 1 0 0 1 1-.9h1.4a1 1 0 0 1 1 .9l.2 1.6c.5.2 1 .5 1.4.8l1.5-.6a1 1 0 0 1 1.2.4l.7 1.2a1 1 0 0 1-.2 1.3l-1.3 1c.1.5.1 1 0 1.6l1.3 1a1 1 0 0 1 .2 1.3l-.7 1.2a1 1 0 0 1-1.2.4l-1.5-.6c-.4.3-.9.6-1.4.8l-.2 1.6a1 1 0 0 1-1 .9H9.3a1 1 0 0 1-1-.9l-.2-1.6c-.5-.2-1-.5-1.4-.8l-1.5.6a1 1 0 0 1-1.2-.4l-.7-1.2a1 1 0 0 1 .2-1.3l1.3-1a4.5 4.5 0 0 1 0-1.6l-1.3-1a1 1 0 0 1-.2-1.3L4 4.1a1 1 0 0 1 1.2-.4l1.5.6c.4-.3.9-.6 1.4-.8l.2-1.6ZM10 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5Z"
      />
    </svg>
  );
}
