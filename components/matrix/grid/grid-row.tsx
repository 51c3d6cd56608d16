import { memo } from "react";
import type { VirtualItem } from "@tanstack/react-virtual";
import type { ColumnDto, RowDto } from "@/lib/matrix/dto";
import { a11yCellLabel } from "@/lib/raci/letters";
import { decodeRowDiffs, diffLabel } from "@/lib/matrix/snapshot-diff";
import { decodeRowOutlines, NO_OUTLINE } from "@/components/matrix/live/presence-outline";
import { GridCell } from "./grid-cell";
import { ROW_HEIGHT } from "./grid-constants";
import { RowHeader } from "./grid-headers";
import type { RowFindingSummary } from "./row-findings";

export interface GridRowProps {
  r: number;
  row: RowDto;
  top: number;
  width: number;
  /** The rendered columns (the same array while only scrolling vertically). */
  vCols: VirtualItem[];
  columns: ColumnDto[];
  /** Letters of the rendered columns joined by "|": a primitive, so a row re-renders only when its own cells change. */
  letters: string;
  /** Other people's selections on this row's rendered cells (rowOutlines): "" when none. */
  remote: string;
  /** Compare mode: this row's differences for the rendered columns (encodeRowDiffs): "" when none. */
  diffs?: string;
  summary: RowFindingSummary | undefined;
  /** Column index of the active position on this row (-1 = row header), or null when it is elsewhere. */
  activeC: number | null;
  /** Selected column range on this row, or null. */
  selC0: number | null;
  selC1: number | null;
  canEdit: boolean;
  isRenaming: boolean;
  dropEdge: "before" | "after" | null;
  onRenameDone: (rowId: string, title: string | null) => void;
}

/**
 * One responsibility row: a sticky row header and the rendered cells. Memoized with
 * primitive props, so scrolling mounts only the rows that come into view and an edit
 * re-renders only the row it touched.
 */
export const GridRow = memo(function GridRow(p: GridRowProps) {
  const letters = p.letters.split("|");
  const outlines = decodeRowOutlines(p.remote);
  const marks = decodeRowDiffs(p.diffs ?? "");
  return (
    <div
      role="row"
      aria-rowindex={p.r + 2}
      data-row-id={p.row.id}
      className="absolute left-0"
      style={{ top: p.top, height: ROW_HEIGHT, width: p.width }}
    >
      <RowHeader
        r={p.r}
        rowId={p.row.id}
        title={p.row.title}
        description={p.row.description}
        findingCount={p.summary?.count ?? 0}
        severity={p.summary?.severity ?? null}
        isActive={p.activeC === -1}
        canEdit={p.canEdit}
        isRenaming={p.isRenaming}
        onRenameDone={p.onRenameDone}
      />
      {p.vCols.map((vc, i) => {
        const col = p.columns[vc.index];
        if (!col) return null;
        const cellLetters = letters[i] ?? "";
        const flag = p.summary?.byPerson.get(col.personId);
        const isActive = p.activeC === vc.index;
        const inRange = p.selC0 !== null && p.selC1 !== null && vc.index >= p.selC0 && vc.index <= p.selC1;
        const mark = marks[i];
        const label = a11yCellLabel(p.row.title, col.name, cellLetters, flag?.count);
        return (
          <GridCell
            key={col.id}
            r={p.r}
            c={vc.index}
            left={vc.start}
            letters={cellLetters}
            label={mark ? `${label}, ${diffLabel(mark)}` : label}
            diff={mark?.kind}
            isSelected={p.selC0 !== null ? inRange : isActive}
            isActive={isActive}
            isFlagged={!!flag}
            severity={flag?.severity ?? null}
            {...(outlines[i] ?? NO_OUTLINE)}
          />
        );
      })}
      {p.dropEdge ? (
        <div
          aria-hidden="true"
          className="pointer-events-none absolute inset-x-0 z-20 h-0.5 bg-accent-500"
          style={{ top: p.dropEdge === "before" ? -1 : ROW_HEIGHT - 1 }}
        />
      ) : null}
    </div>
  );
});
