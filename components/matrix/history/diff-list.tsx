import { lettersText } from "@/lib/matrix/history";
import type { SnapshotDiff } from "@/lib/matrix/snapshot-diff";

const KIND_WORD = { added: "added", removed: "removed", changed: "changed" } as const;

/** The differences of a comparison as a list (the grid highlights the cells). */
export function DiffList({
  diff,
  onFocusCell,
}: {
  diff: SnapshotDiff;
  onFocusCell?: (rowId: string, personId: string) => void;
}) {
  if (diff.total === 0) return <p className="text-sm text-slate-700 dark:text-slate-300">No differences.</p>;
  const lines: { key: string; text: string }[] = [
    ...diff.rowsAdded.map((r) => ({ key: `ra${r.id}`, text: `Row added: “${r.title}”` })),
    ...diff.rowsRemoved.map((r) => ({ key: `rr${r.id}`, text: `Row removed: “${r.title}”` })),
    ...diff.rowsRenamed.map((r) => ({ key: `rn${r.id}`, text: `Row renamed: “${r.before}” → “${r.after}”` })),
    ...diff.rowsEdited.map((r) => ({ key: `re${r.id}`, text: `Row “${r.title}”: ${r.fields.join(", ")} changed` })),
    ...diff.columnsAdded.map((c) => ({ key: `ca${c.personId}`, text: `Column added: ${c.name}` })),
    ...diff.columnsRemoved.map((c) => ({ key: `cr${c.personId}`, text: `Column removed: ${c.name}` })),
    ...(diff.settingsChanged ? [{ key: "settings", text: "Rule settings changed" }] : []),
  ];
  return (
    <ul aria-label="Differences" className="space-y-1 text-sm">
      {lines.map((l) => (
        <li key={l.key} className="text-slate-800 dark:text-slate-200">
          {l.text}
        </li>
      ))}
      {diff.cells.map((c) => (
        <li key={`${c.rowId}|${c.personId}`} className="text-slate-800 dark:text-slate-200">
          <button
            type="button"
            className="text-left underline-offset-2 hover:underline"
            onClick={() => onFocusCell?.(c.rowId, c.personId)}
          >
            {c.rowTitle} × {c.personName}: {lettersText(c.before)} → {lettersText(c.after)} ({KIND_WORD[c.kind]})
          </button>
        </li>
      ))}
    </ul>
  );
}
