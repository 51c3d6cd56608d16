"use client";
import { memo, useId } from "react";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { Finding, Fix } from "@/lib/raci";
import {
  INITIAL_VISIBLE,
  findingLocation,
  severityCount,
  type FindingEntry,
  type FindingGroup,
} from "./findings-groups";
import { SEVERITY_TEXT, SeverityIcon } from "./severity-icon";

/**
 * One rule's findings in the findings panel: a heading that collapses the group (the
 * accordion pattern: a button with aria-expanded inside the heading), the rule's
 * explanation, and the first findings until "Show all".
 */
export function RuleGroup({
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
    <svg
      aria-hidden
      viewBox="0 0 20 20"
      fill="currentColor"
      className="size-3.5 shrink-0 text-accent-600 dark:text-accent-100"
    >
      <path d="M13.3 2.3a1 1 0 0 1 1.4 0l3 3a1 1 0 0 1 0 1.4L7.7 16.7a1 1 0 0 1-1.4 0l-3-3a1 1 0 0 1 0-1.4l10-10ZM12 6l2 2 1.6-1.6-2-2L12 6ZM4 2.5l.5 1 1 .5-1 .5-.5 1-.5-1-1-.5 1-.5.5-1Zm12 9 .5 1 1 .5-1 .5-.5 1-.5-1-1-.5 1-.5.5-1Z" />
    </svg>
  );
}
