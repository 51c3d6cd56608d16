"use client";
import { Button } from "@/components/ui/button";
import { useMatrixSaving } from "@/lib/query/use-serial-writes";
import { useUndoState } from "./history/use-server-undo";

function UndoIcon({ flip }: { flip?: boolean }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 20 20"
      className="size-4"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      style={flip ? { transform: "scaleX(-1)" } : undefined}
    >
      <path d="M7.5 5 3.5 9l4 4M4 9h8a4.5 4.5 0 0 1 0 9h-2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** The screen's edit actions: add row/person, undo/redo, rule settings, and the findings toggle on narrow screens. */
export function EditActions(p: {
  matrixId: string;
  canEdit: boolean;
  /** The newest change the cached matrix shows: the undo state is refetched when it moves. */
  lastChangeId: number;
  onUndo: () => void;
  onRedo: () => void;
  onAddRow: () => void;
  onAddColumn: () => void;
  onRuleSettings: () => void;
  findingsCount: number;
  isPanelOpen: boolean;
  onTogglePanel: () => void;
}) {
  // Subscriptions live here, not in the screen: saving and undo state change on every
  // edit, and only these few buttons need to re-render for it.
  const isSaving = useMatrixSaving(p.matrixId);
  const { canUndo, canRedo, undoLabel, redoLabel } = useUndoState(p.matrixId, p.lastChangeId, p.canEdit);
  return (
    <div className="flex flex-wrap items-center gap-2">
      {p.canEdit ? (
        <>
          <span className="min-w-16 text-right text-xs text-slate-600 dark:text-slate-400">
            {isSaving ? "Saving…" : "Saved"}
          </span>
          <Button
            variant="ghost"
            size="sm"
            onClick={p.onUndo}
            disabled={!canUndo}
            aria-label="Undo my last edit"
            title={`${undoLabel ?? "Undo"} (Ctrl+Z)`}
          >
            <UndoIcon />
          </Button>
          <Button
            variant="ghost"
            size="sm"
            onClick={p.onRedo}
            disabled={!canRedo}
            aria-label="Redo"
            title={`${redoLabel ?? "Redo"} (Ctrl+Shift+Z)`}
          >
            <UndoIcon flip />
          </Button>
          <Button variant="secondary" size="sm" onClick={p.onAddRow}>
            Add row
          </Button>
          <Button variant="secondary" size="sm" onClick={p.onAddColumn}>
            Add person
          </Button>
        </>
      ) : null}
      <Button variant="ghost" size="sm" onClick={p.onRuleSettings}>
        Rule settings
      </Button>
      <Button
        variant="secondary"
        size="sm"
        className="lg:hidden"
        aria-expanded={p.isPanelOpen}
        aria-controls="matrix-findings"
        onClick={p.onTogglePanel}
      >
        Findings ({p.findingsCount})
      </Button>
    </div>
  );
}
