"use client";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { SnapshotDiff } from "@/lib/matrix/snapshot-diff";
import { ActivityFeed } from "./activity-feed";
import { DiffList } from "./diff-list";
import { SnapshotsSection, type CompareRequest } from "./snapshots-section";

export interface HistoryPanelProps {
  matrixId: string;
  canEdit: boolean;
  /** The comparison on screen, if any. */
  compare: { title: string; diff: SnapshotDiff } | null;
  onCompare: (request: CompareRequest | null) => void;
  onFocusCell: (rowId: string, personId: string) => void;
  onClose: () => void;
  className?: string;
}

/**
 * The history beside the grid (loaded with next/dynamic, only when opened): the
 * activity feed, saved versions, and the differences of a comparison.
 */
export function HistoryPanel(p: HistoryPanelProps) {
  const headingId = useId();
  const [tab, setTab] = useState<"activity" | "versions">(p.compare ? "versions" : "activity");
  return (
    <section
      id="matrix-history"
      aria-labelledby={headingId}
      className={cn(
        "flex min-h-0 flex-col rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900",
        p.className,
      )}
    >
      <div className="space-y-2 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
        <div className="flex items-center justify-between gap-2">
          <h2 id={headingId} className="text-base font-semibold">
            History
          </h2>
          <Button variant="ghost" size="sm" className="-mr-2" onClick={p.onClose}>
            Close
          </Button>
        </div>
        <div className="flex gap-1" role="group" aria-label="Show">
          {(
            [
              ["activity", "Activity"],
              ["versions", "Versions"],
            ] as const
          ).map(([value, label]) => (
            <Button
              key={value}
              size="sm"
              variant={tab === value ? "primary" : "ghost"}
              aria-pressed={tab === value}
              onClick={() => setTab(value)}
            >
              {label}
            </Button>
          ))}
        </div>
      </div>
      {p.compare ? (
        <div
          role="region"
          aria-label="Comparison"
          className="max-h-[45%] space-y-2 overflow-y-auto border-b border-slate-200 px-4 py-3 dark:border-slate-800"
        >
          <div className="flex items-start justify-between gap-2">
            <p className="text-sm font-medium">
              {p.compare.title}: {p.compare.diff.total} {p.compare.diff.total === 1 ? "difference" : "differences"}
            </p>
            <Button variant="ghost" size="sm" className="-mr-2 shrink-0" onClick={() => p.onCompare(null)}>
              Stop comparing
            </Button>
          </div>
          <DiffList diff={p.compare.diff} onFocusCell={p.onFocusCell} />
        </div>
      ) : null}
      {tab === "activity" ? (
        <ActivityFeed matrixId={p.matrixId} />
      ) : (
        <SnapshotsSection matrixId={p.matrixId} canEdit={p.canEdit} onCompare={p.onCompare} />
      )}
    </section>
  );
}
