"use client";
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { MatrixModel } from "@/lib/matrix/dto";
import { summarizeFindings, type Finding, type FindingCode, type Fix } from "@/lib/raci";
import {
  INITIAL_VISIBLE,
  SEVERITIES,
  findingLocation,
  groupFindings,
  isInitiallyExpanded,
  severityCount,
  type FindingEntry,
  type FindingGroup,
} from "./findings-groups";
import { SEVERITY_TEXT, SeverityIcon } from "./severity-icon";

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
                  setToggled((t) => ({ ...t, [group.code]: !(t[group.code] ?? isInitiallyExpanded(i, findings.length)) }))
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

function RuleGroup({
  group,
  isExpanded,
  onToggle,
  isShowingAll,
  onShowAll,
  rowTitles,
  personNames,
  canEdit,
  readOnlyNoteId,
  busyKey,
  onFocusFinding,
  onApplyFix,
}: {
  group: FindingGroup;
  isExpanded: boolean;
  onToggle: () => void;
  isShowingAll: boolean;
  onShowAll: (all: boolean) => void;
  rowTitles: ReadonlyMap<string, string>;
  personNames: ReadonlyMap<string, string>;
  canEdit: boolean;
  readOnlyNoteId: string;
  busyKey: string | null;
  onFocusFinding: (f: Finding) => void;
  onApplyFix: (entry: FindingEntry, index: number, fix: Fix) => void;
}) {
  const contentId = useId();
  const n = group.entries.length;
  const visible = isShowingAll ? group.entries : group.entries.slice(0, INITIAL_VISIBLE);
  return (
    <li data-group={group.code}>
      <h3>
        <button
          type="button"
          aria-expanded={isExpanded}
          aria-controls={contentId}
          onClick={onToggle}
          className="flex w-full items-center gap-2 px-4 py-2.5 text-left text-sm font-medium hover:bg-slate-50 dark:hover:bg-slate-800/60"
        >
          <svg
            aria-hidden
            viewBox="0 0 20 20"
            fill="currentColor"
            className={cn("size-4 shrink-0 text-slate-500 transition-transform", isExpanded ? "rotate-90" : "")}
          >
            <path d="M7.3 5.3a1 1 0 0 1 1.4 0l4 4a1 1 0 0 1 0 1.4l-4 4a1 1 0 0 1-1.4-1.4l3.3-3.3-3.3-3.3a1 1 0 0 1 0-1.4Z" />
          </svg>
          <SeverityIcon severity={group.severity} />
          <span className="min-w-0 flex-1">{group.title}</span>
          <span
            className={cn(
              "shrink-0 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium dark:bg-slate-800",
              SEVERITY_TEXT[group.severity],
            )}
          >
            {severityCount(group.severity, n)}
          </span>
        </button>
      </h3>
      {/* Always in the DOM (aria-controls must point somewhere), filled only when open. */}
      <div id={contentId} hidden={!isExpanded} className="pb-3">
        {isExpanded ? (
          <>
            <p className="px-4 pb-2 pl-10 text-xs text-slate-600 dark:text-slate-400">{group.explanation}</p>
            <ul aria-label={group.title} className="space-y-2 px-3">
              {visible.map((entry, index) => (
                <FindingItem
                  key={entry.key}
                  entry={entry}
                  index={index}
                  location={findingLocation(entry.finding, rowTitles, personNames)}
                  canEdit={canEdit}
                  readOnlyNoteId={readOnlyNoteId}
                  isBusy={busyKey === entry.key}
                  onFocusFinding={onFocusFinding}
                  onApplyFix={onApplyFix}
                />
              ))}
            </ul>
            {n > INITIAL_VISIBLE ? (
              <div className="px-4 pt-2 pl-10">
                <button
                  type="button"
                  onClick={() => onShowAll(!isShowingAll)}
                  className="text-sm font-medium text-accent-700 underline-offset-2 hover:underline dark:text-accent-100"
                >
                  {isShowingAll ? `Show the first ${INITIAL_VISIBLE}` : `Show all ${n}`}
                </button>
              </div>
            ) : null}
          </>
        ) : null}
      </div>
    </li>
  );
}

const FindingItem = memo(function FindingItem({
  entry,
  index,
  location,
  canEdit,
  readOnlyNoteId,
  isBusy,
  onFocusFinding,
  onApplyFix,
}: {
  entry: FindingEntry;
  index: number;
  location: string;
  canEdit: boolean;
  readOnlyNoteId: string;
  isBusy: boolean;
  onFocusFinding: (f: Finding) => void;
  onApplyFix: (entry: FindingEntry, index: number, fix: Fix) => void;
}) {
  const messageId = useId();
  const { finding } = entry;
  const fixes = finding.fix ?? [];
  // aria-disabled rather than disabled: the buttons stay focusable, so a keyboard or
  // screen-reader user finds them and hears why they cannot be used.
  const isBlocked = !canEdit || isBusy;
  return (
    <li className="rounded-lg border border-slate-200 bg-slate-50/60 dark:border-slate-800 dark:bg-slate-950/40">
      <button
        type="button"
        data-finding
        onClick={() => onFocusFinding(finding)}
        className="block w-full rounded-lg px-3 py-2 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800/60"
      >
        <span id={messageId} className="block text-slate-900 dark:text-slate-100">
          {finding.message}
        </span>
        <span className="mt-1 flex items-center gap-1 text-xs text-slate-600 dark:text-slate-400">
          <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-3.5 shrink-0">
            <path d="M10 2a6 6 0 0 0-6 6c0 4.2 5.2 9.4 5.4 9.6a.8.8 0 0 0 1.2 0C10.8 17.4 16 12.2 16 8a6 6 0 0 0-6-6Zm0 8.2A2.2 2.2 0 1 1 10 5.8a2.2 2.2 0 0 1 0 4.4Z" />
          </svg>
          <span className="sr-only">Show in the matrix: </span>
          {location}
        </span>
      </button>
      {fixes.length > 0 ? (
        <div
          role="group"
          aria-label={fixes.length > 1 ? "Fixes, choose one" : "Fix"}
          className="flex flex-wrap gap-1.5 border-t border-slate-200 px-3 py-2 dark:border-slate-800"
        >
          {fixes.map((fix, i) => (
            <button
              key={`${i}:${fix.label}`}
              type="button"
              aria-disabled={isBlocked || undefined}
              aria-describedby={canEdit ? messageId : `${messageId} ${readOnlyNoteId}`}
              title={canEdit ? undefined : "Only team managers and owners can apply fixes."}
              onClick={() => {
                if (!isBlocked) onApplyFix(entry, index, fix);
              }}
              className={cn(
                buttonClasses("secondary", "sm", "h-auto min-h-8 py-1 text-left"),
                isBlocked && "cursor-not-allowed opacity-60 hover:bg-white dark:hover:bg-slate-900",
              )}
            >
              <WandIcon />
              {fix.label}
            </button>
          ))}
        </div>
      ) : null}
    </li>
  );
});

function WandIcon() {
  return (
    <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-3.5 shrink-0 text-accent-600 dark:text-accent-100">
      <path d="M13.3 2.3a1 1 0 0 1 1.4 0l3 3a1 1 0 0 1 0 1.4L7.7 16.7a1 1 0 0 1-1.4 0l-3-3a1 1 0 0 1 0-1.4l10-10ZM12 6l2 2 1.6-1.6-2-2L12 6ZM4 2.5l.5 1 1 .5-1 .5-.5 1-.5-1-1-.5 1-.5.5-1Zm12 9 .5 1 1 .5-1 .5-.5 1-.5-1-1-.5 1-.5.5-1Z" />
    </svg>
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
