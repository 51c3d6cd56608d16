"use client";
import { useCallback, useEffect, useId, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { defaultRangeExtractor, useVirtualizer, type Range } from "@tanstack/react-virtual";
import { cn } from "@/components/ui/cn";
import { cellKey, type CellState, type ColumnDto } from "@/lib/matrix/dto";
import { LETTERS } from "@/lib/raci/letters";
import type { Finding, Letter, Severity } from "@/lib/raci/types";
import type { CellChange } from "@/lib/query/use-cell-mutation";
import { encodeRowDiffs, type CellDiff } from "@/lib/matrix/snapshot-diff";
import { CellPicker } from "./cell-picker";
import { COLUMN_WIDTH, GROUP_HEIGHT, HEADER_HEIGHT, ROW_HEADER_WIDTH, ROW_HEIGHT } from "./grid-constants";
import { ColumnHeader, GroupHeader } from "./grid-headers";
import { GridRow } from "./grid-row";
import { rowOutlines, type RemoteSelection } from "@/components/matrix/live/presence-outline";
import type { GridItem } from "./grid-items";
import { cellsInRect, clearAll, letterState, toggleAll, type GridPos, type NavBounds } from "./grid-nav";
import { gridKeyAction } from "./grid-keys";
import { GridMenu, type ColumnAction, type OpenMenu, type RowAction } from "./grid-menus";
import { useRowDrag } from "./use-row-drag";
import { HoverStyle, type Hover } from "./hover-style";
import { summarizeRowFindings, worst } from "./row-findings";
import { useGridSelection } from "./use-grid-selection";

export interface GridHandle {
  /** Scrolls to a row (and a person's cell on it) and focuses it; false when the row is not shown. */
  focusCell: (rowId: string, personId?: string | null) => boolean;
  /** Focuses a person's column header; false when the column is not shown. */
  focusColumn: (personId: string) => boolean;
  /** The row of the active position, if any (for "add a row below"). */
  activeRowId: () => string | null;
}

export type { ColumnAction, RowAction };

export interface MatrixGridProps {
  /** The grid's accessible name (the matrix name). */
  label: string;
  items: GridItem[];
  columns: ColumnDto[];
  /** aria-rowcount/colcount describe this (filtered) grid: items + header row, columns + row header column. */
  cells: ReadonlyMap<string, CellState>;
  rowFindings: ReadonlyMap<string, Finding[]>;
  /** Column-level findings (no row) by person id. */
  columnFindings: ReadonlyMap<string, Finding[]>;
  canEdit: boolean;
  onEdit: (changes: CellChange[]) => void;
  /**
   * The letters of a cell as of now (the cache, not the last render): two quick key
   * presses must toggle against each other's result, before React has re-rendered.
   */
  lettersOf: (rowId: string, personId: string) => string;
  onRowAction: (action: RowAction) => void;
  onColumnAction: (action: ColumnAction) => void;
  onRenameRow: (rowId: string, title: string) => void;
  /** A row header was dropped before/after another row. */
  onDropRow: (rowId: string, targetRowId: string, edge: "before" | "after") => void;
  handleRef?: React.Ref<GridHandle>;
  /** Other people's selected cells by cellKey (presenceOutlines, components/matrix/live). */
  remoteSelections?: ReadonlyMap<string, readonly RemoteSelection[]>;
  /** The active cell, once the person has been in the grid (live presence); null on a header. */
  onActiveCellChange?: (cell: { rowId: string; personId: string } | null) => void;
  /** Shown in the picker of a single cell (its history). */
  renderCellHistory?: (rowId: string, personId: string) => React.ReactNode;
  /** Compare mode: the differences to highlight, by cellKey (lib/matrix/snapshot-diff.ts). */
  cellDiffs?: ReadonlyMap<string, CellDiff>;
  className?: string;
}

/**
 * Printing renders every row and column (the grid is virtualized), as long as that stays
 * cheap; a larger matrix prints what is on screen, with a note pointing to Export → PDF.
 */
export const PRINT_ALL_MAX_ROWS = 300;
export const PRINT_ALL_MAX_COLUMNS = 40;
export function printsAllRows(rowCount: number, columnCount: number): boolean {
  return rowCount <= PRINT_ALL_MAX_ROWS && columnCount <= PRINT_ALL_MAX_COLUMNS;
}

/** True while the page is being printed (or print media is emulated), when `enabled`. */
function usePrinting(enabled: boolean): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    // Synchronously: the browser lays the page out for print right after beforeprint.
    const start = () => flushSync(() => setPrinting(true));
    const end = () => setPrinting(false);
    const mql = window.matchMedia("print");
    const onChange = (e: MediaQueryListEvent) => (e.matches ? start() : end());
    window.addEventListener("beforeprint", start);
    window.addEventListener("afterprint", end);
    mql.addEventListener("change", onChange);
    return () => {
      window.removeEventListener("beforeprint", start);
      window.removeEventListener("afterprint", end);
      mql.removeEventListener("change", onChange);
    };
  }, [enabled]);
  return enabled && printing;
}

function allIndexes(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}

function posOf(el: Element | null): (GridPos & { kind: string; el: HTMLElement }) | null {
  const target = el?.closest<HTMLElement>("[data-kind]");
  if (!target) return null;
  const r = Number(target.dataset.r);
  const c = Number(target.dataset.c);
  if (!Number.isFinite(r) || !Number.isFinite(c)) return null;
  return { r, c, kind: target.dataset.kind ?? "", el: target };
}

function isTextInput(el: EventTarget | null): boolean {
  return (
    el instanceof HTMLElement &&
    (el.isContentEditable || el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT")
  );
}

/**
 * The RACI grid: one scroll container holding a CSS-positioned, doubly virtualized
 * ARIA grid. The header row is `position: sticky; top: 0`, every row header is
 * `position: sticky; left: 0`, and rows/cells are absolutely placed from the
 * virtualizers' offsets (whose paddingStart leaves room for the sticky parts), so only
 * the visible window of cells exists in the DOM while aria-rowcount/colcount keep the
 * true totals. Events are delegated on the container through data-r/data-c.
 */
export function MatrixGrid(props: MatrixGridProps) {
  const {
    label,
    items,
    columns,
    cells,
    rowFindings,
    columnFindings,
    canEdit,
    onEdit,
    lettersOf,
    onRowAction,
    onColumnAction,
    onRenameRow,
    onDropRow,
    handleRef,
    className,
    remoteSelections,
    onActiveCellChange,
    renderCellHistory,
    cellDiffs,
  } = props;
  const gridId = useId();
  // Those who cannot edit still open a cell's details (its letters and history) when
  // there is history to show (not on a public share link).
  const canInspect = renderCellHistory !== undefined;
  const scrollRef = useRef<HTMLDivElement>(null);
  const hoverRef = useRef<((h: Hover) => void) | null>(null);
  const wantFocus = useRef(false);
  const [focusTick, setFocusTick] = useState(0);
  const [pickerOpen, setPickerOpen] = useState(false);
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const [renamingRowId, setRenamingRowId] = useState<string | null>(null);
  const mouse = useRef<{ down: GridPos; moved: boolean; shift: boolean } | null>(null);

  const { activePos, anchorPos, rect, moveTo, selectRange, clearRange } = useGridSelection(items, columns);
  const activeR = activePos.r;
  const activeC = activePos.c;

  // ---- Live presence: report the active cell, but only once the person has been in the
  // grid (the first cell, active by default, is not a choice anyone made).
  const [hasFocused, setHasFocused] = useState(false);
  const liveItem = items[activeR];
  const activeRowId = liveItem?.kind === "row" ? liveItem.row.id : null;
  const activePersonId = activeC >= 0 ? (columns[activeC]?.personId ?? null) : null;
  useEffect(() => {
    if (!hasFocused || !onActiveCellChange) return;
    onActiveCellChange(activeRowId && activePersonId ? { rowId: activeRowId, personId: activePersonId } : null);
  }, [hasFocused, activeRowId, activePersonId, onActiveCellChange]);

  // ---- Virtualization. The active row/column are always rendered (rangeExtractor), so
  // the one tabbable element of the roving tabindex exists even when scrolled away.
  // While printing a small enough matrix, everything is.
  const printAll = printsAllRows(items.length, columns.length);
  const printing = usePrinting(printAll);
  const rowRange = useCallback(
    (range: Range) => {
      if (printing) return allIndexes(range.count);
      const out = defaultRangeExtractor(range);
      if (activeR >= 0 && !out.includes(activeR)) out.push(activeR);
      return out.sort((a, b) => a - b);
    },
    [activeR, printing],
  );
  const colRange = useCallback(
    (range: Range) => {
      if (printing) return allIndexes(range.count);
      const out = defaultRangeExtractor(range);
      if (activeC >= 0 && !out.includes(activeC)) out.push(activeC);
      return out.sort((a, b) => a - b);
    },
    [activeC, printing],
  );
  const rowKeyOf = useCallback((i: number) => items[i]?.key ?? i, [items]);
  const rowSize = useCallback((i: number) => (items[i]?.kind === "group" ? GROUP_HEIGHT : ROW_HEIGHT), [items]);
  const colKeyOf = useCallback((i: number) => columns[i]?.id ?? i, [columns]);

  // The virtualizer re-renders this component itself on scroll, so compiler memoization
  // is moot here. Its item arrays are stable while their range is unchanged, which is
  // what lets GridRow skip re-rendering on vertical scrolls.
  // eslint-disable-next-line react-hooks/incompatible-library
  const rowV = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: rowSize,
    getItemKey: rowKeyOf,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    overscan: 6,
    rangeExtractor: rowRange,
    initialRect: { width: 1280, height: 720 },
  });
  const colV = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => COLUMN_WIDTH,
    getItemKey: colKeyOf,
    paddingStart: ROW_HEADER_WIDTH,
    scrollPaddingStart: ROW_HEADER_WIDTH,
    overscan: 2,
    rangeExtractor: colRange,
    initialRect: { width: 1280, height: 720 },
  });

  // ---- Derived data, recomputed only when its inputs change (not on scroll).
  const rowSummary = useMemo(() => summarizeRowFindings(rowFindings), [rowFindings]);
  const columnSummary = useMemo(() => {
    const map = new Map<string, { count: number; severity: Severity | null }>();
    for (const [personId, list] of columnFindings) map.set(personId, { count: list.length, severity: worst(list) });
    return map;
  }, [columnFindings]);

  const baseBounds = useMemo(
    () => ({ rowCount: items.length, colCount: columns.length, isGroup: (r: number) => items[r]?.kind === "group" }),
    [items, columns.length],
  );
  // A page is what fits in the viewport now (read at key time: the grid resizes).
  const boundsNow = (): NavBounds => ({
    ...baseBounds,
    pageRows: Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 600) - HEADER_HEIGHT) / ROW_HEIGHT) - 1),
  });

  const selection = useCallback(() => {
    if (rect) return cellsInRect(items, columns, rect);
    return cellsInRect(items, columns, { r0: activeR, r1: activeR, c0: activeC, c1: activeC });
  }, [rect, items, columns, activeR, activeC]);

  // ---- Focus follows the active position after keyboard moves and programmatic jumps.
  const cellElement = useCallback(
    (r: number, c: number) => scrollRef.current?.querySelector<HTMLElement>(`[data-r="${r}"][data-c="${c}"]`) ?? null,
    [],
  );
  const requestFocus = useCallback(() => {
    wantFocus.current = true;
    setFocusTick((t) => t + 1);
  }, []);
  useLayoutEffect(() => {
    if (!wantFocus.current) return;
    wantFocus.current = false;
    const el = cellElement(activeR, activeC);
    if (el) {
      // Native focus scrolling honours the container's scroll-padding (sticky header/column).
      el.focus();
      return;
    }
    // Not rendered yet (far jump before the virtualizer caught up): scroll there, retry once.
    if (activeR >= 0) rowV.scrollToIndex(activeR, { align: "auto" });
    if (activeC >= 0) colV.scrollToIndex(activeC, { align: "auto" });
    requestAnimationFrame(() => cellElement(activeR, activeC)?.focus());
  }, [activeR, activeC, focusTick, cellElement, rowV, colV]);

  const go = useCallback(
    (pos: GridPos, extend = false) => {
      moveTo(pos, extend);
      requestFocus();
    },
    [moveTo, requestFocus],
  );

  useImperativeHandle(
    handleRef,
    () => ({
      focusCell: (rowId, personId) => {
        const r = items.findIndex((i) => i.kind === "row" && i.row.id === rowId);
        if (r < 0) return false;
        const c = personId ? columns.findIndex((col) => col.personId === personId) : -1;
        rowV.scrollToIndex(r, { align: "center" });
        go({ r, c });
        return true;
      },
      focusColumn: (personId) => {
        const c = columns.findIndex((col) => col.personId === personId);
        if (c < 0) return false;
        colV.scrollToIndex(c, { align: "auto" });
        go({ r: -1, c });
        return true;
      },
      activeRowId: () => {
        const item = items[activeR];
        return item?.kind === "row" ? item.row.id : null;
      },
    }),
    [items, columns, activeR, go, rowV, colV],
  );

  // ---- Editing actions on the selection.
  const applyLetter = useCallback(
    (letter: Letter) => {
      if (!canEdit) return;
      onEdit(toggleAll(selection(), lettersOf, letter));
    },
    [canEdit, onEdit, selection, lettersOf],
  );
  const clearSelection = useCallback(() => {
    if (!canEdit) return;
    onEdit(clearAll(selection()));
  }, [canEdit, onEdit, selection]);

  const rowIdAt = (r: number) => {
    const item = items[r];
    return item?.kind === "row" ? item.row.id : null;
  };

  // ---- Keyboard (delegated; the meaning of keys lives in grid-keys.ts).
  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (isTextInput(e.target)) return;
    const action = gridKeyAction(e, {
      active: activePos,
      items,
      columns,
      canEdit,
      hasRange: rect !== null,
      bounds: boundsNow(),
    });
    if (!action) return;
    e.preventDefault();
    switch (action.type) {
      case "move":
        return go(action.to, action.extend);
      case "move-row":
        onRowAction({ type: action.dir === "up" ? "move-up" : "move-down", rowId: action.rowId });
        return requestFocus();
      case "move-column":
        onColumnAction({ type: action.dir === "left" ? "move-left" : "move-right", columnId: action.columnId });
        return requestFocus();
      case "clear-range":
        return clearRange();
      case "open-picker":
        if (canEdit || canInspect) setPickerOpen(true);
        return;
      case "row-menu":
        return setMenu({ kind: "row", rowId: action.rowId });
      case "column-menu":
        return setMenu({ kind: "column", columnId: action.columnId });
      case "rename":
        return setRenamingRowId(action.rowId);
      case "clear-cells":
        return clearSelection();
      case "select-all":
        selectRange(action.from, action.to);
        return requestFocus();
      case "letter":
        return applyLetter(action.letter);
    }
  };

  // ---- Mouse (delegated): click opens the picker, drag or shift+click selects a rectangle.
  const onMouseDown = (e: React.MouseEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    if ((e.target as HTMLElement).closest("button, input")) return;
    const hit = posOf(e.target as Element);
    if (!hit) return;
    if (hit.kind === "cell") {
      // No native focus/text selection: the grid moves focus itself.
      e.preventDefault();
      if (e.shiftKey) {
        go({ r: hit.r, c: hit.c }, true);
        mouse.current = { down: { r: hit.r, c: hit.c }, moved: true, shift: true };
      } else {
        go({ r: hit.r, c: hit.c });
        mouse.current = { down: { r: hit.r, c: hit.c }, moved: false, shift: false };
      }
    } else {
      moveTo({ r: hit.r, c: hit.c });
    }
  };

  const onMouseOver = (e: React.MouseEvent<HTMLDivElement>) => {
    const hit = posOf(e.target as Element);
    hoverRef.current?.(hit?.kind === "colheader" ? { c: hit.c } : hit?.kind === "rowheader" ? { r: hit.r } : null);
    const m = mouse.current;
    if (!m || !hit || hit.kind !== "cell" || (e.buttons & 1) === 0) return;
    if (hit.r === activeR && hit.c === activeC) return;
    m.moved = true;
    selectRange(m.down, { r: hit.r, c: hit.c });
    requestFocus();
  };

  useEffect(() => {
    const onUp = () => {
      const m = mouse.current;
      mouse.current = null;
      if (m && !m.moved && !m.shift && (canEdit || canInspect)) setPickerOpen(true);
    };
    window.addEventListener("mouseup", onUp);
    return () => window.removeEventListener("mouseup", onUp);
  }, [canEdit, canInspect]);

  const onClick = (e: React.MouseEvent<HTMLDivElement>) => {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>("button[data-action]");
    if (!button) return;
    const hit = posOf(button);
    if (!hit) return;
    if (button.dataset.action === "row-menu") {
      const rowId = rowIdAt(hit.r);
      if (rowId) {
        moveTo({ r: hit.r, c: -1 });
        setMenu({ kind: "row", rowId });
      }
    } else if (button.dataset.action === "column-menu") {
      const column = columns[hit.c];
      if (column) {
        moveTo({ r: -1, c: hit.c });
        setMenu({ kind: "column", columnId: column.id });
      }
    }
  };

  const onDoubleClick = (e: React.MouseEvent<HTMLDivElement>) => {
    const hit = posOf(e.target as Element);
    if (canEdit && hit?.kind === "rowheader") setRenamingRowId(rowIdAt(hit.r));
  };

  const { drop, handlers: dragHandlers } = useRowDrag({
    canEdit,
    onDropRow,
    rowAt: (el) => {
      const hit = posOf(el);
      const item = hit?.kind === "rowheader" ? items[hit.r] : undefined;
      return item?.kind === "row" ? { id: item.row.id, title: item.row.title } : null;
    },
  });

  const onRenameDone = useCallback(
    (rowId: string, title: string | null) => {
      setRenamingRowId(null);
      const trimmed = title?.trim();
      if (trimmed) onRenameRow(rowId, trimmed);
      requestFocus();
    },
    [onRenameRow, requestFocus],
  );

  // ---- Picker.
  const pickerAnchor = useCallback(() => cellElement(activeR, activeC), [cellElement, activeR, activeC]);
  const pickerTargets = pickerOpen ? selection() : [];
  // Only computed while the picker is open (a handful of cells); re-read on every render
  // so aria-pressed follows each toggle.
  const pickerStates = { R: "none", A: "none", C: "none", I: "none" } as Record<Letter, "all" | "some" | "none">;
  if (pickerTargets.length > 0) for (const l of LETTERS) pickerStates[l] = letterState(pickerTargets, lettersOf, l);
  const activeItem = items[activeR];
  const activeColumn = columns[activeC];
  const pickerTitle =
    pickerTargets.length > 1
      ? `${pickerTargets.length} selected cells`
      : activeItem?.kind === "row" && activeColumn
        ? `${activeItem.row.title} × ${activeColumn.name}`
        : "";

  // ---- Render.
  const vRows = rowV.getVirtualItems();
  const vCols = colV.getVirtualItems();
  const totalWidth = colV.getTotalSize();
  const totalHeight = rowV.getTotalSize();
  const colCount = columns.length + 1;
  // The rendered columns' person ids, for the remote outlines of each rendered row.
  const vPersonIdsAll = vCols.map((vc) => columns[vc.index]?.personId ?? "");
  const vPersonIds = remoteSelections?.size ? vPersonIdsAll : [];

  return (
    <div className={cn("relative min-h-0", printAll && "print:h-auto", className)}>
      <HoverStyle gridId={gridId} setterRef={hoverRef} />
      <div
        ref={scrollRef}
        role="grid"
        aria-label={label}
        aria-rowcount={items.length + 1}
        aria-colcount={colCount}
        aria-multiselectable={true}
        aria-readonly={canEdit ? undefined : true}
        data-grid={gridId}
        onKeyDown={onKeyDown}
        onFocus={() => setHasFocused(true)}
        onMouseDown={onMouseDown}
        onMouseOver={onMouseOver}
        onMouseLeave={() => hoverRef.current?.(null)}
        onClick={onClick}
        onDoubleClick={onDoubleClick}
        {...dragHandlers}
        className={cn(
          "h-full overflow-auto overscroll-contain rounded-lg border border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-950",
          printAll && "print:h-auto print:w-fit print:max-w-full print:overflow-visible",
        )}
        style={{ scrollPaddingTop: HEADER_HEIGHT, scrollPaddingLeft: ROW_HEADER_WIDTH }}
      >
        <div role="presentation" className="relative" style={{ width: totalWidth, height: totalHeight }}>
          <div
            role="row"
            aria-rowindex={1}
            className="sticky top-0 z-20 border-b border-slate-300 bg-slate-100 dark:border-slate-700 dark:bg-slate-900"
            style={{ width: totalWidth, minWidth: "100%", height: HEADER_HEIGHT }}
          >
            <div
              role="columnheader"
              aria-colindex={1}
              tabIndex={activeR === -1 && activeC === -1 ? 0 : -1}
              data-kind="corner"
              data-r={-1}
              data-c={-1}
              className={cn(
                "sticky left-0 z-30 flex h-full items-end border-r border-b border-slate-300 bg-slate-100 px-3 pb-2 text-xs font-semibold tracking-wide text-slate-700 uppercase focus-visible:-outline-offset-2 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300",
                activeR === -1 && activeC === -1 && "shadow-[inset_0_0_0_2px_var(--color-accent-500)]",
              )}
              style={{ width: ROW_HEADER_WIDTH }}
            >
              Responsibility
            </div>
            {vCols.map((vc) => {
              const col = columns[vc.index];
              if (!col) return null;
              const f = columnSummary.get(col.personId);
              return (
                <ColumnHeader
                  key={col.id}
                  c={vc.index}
                  left={vc.start}
                  columnId={col.id}
                  name={col.name}
                  roleTitle={col.roleTitle}
                  isVacant={col.isVacant}
                  isActive={activeR === -1 && activeC === vc.index}
                  canEdit={canEdit}
                  findingCount={f?.count ?? 0}
                  severity={f?.severity ?? null}
                />
              );
            })}
          </div>

          {vRows.map((vr) => {
            const item = items[vr.index];
            if (!item) return null;
            const ariaRow = vr.index + 2;
            if (item.kind === "group") {
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={ariaRow}
                  className="absolute left-0 border-b border-slate-300 bg-slate-100 dark:border-slate-700 dark:bg-slate-900"
                  style={{ top: vr.start, height: GROUP_HEIGHT, width: totalWidth, minWidth: "100%" }}
                >
                  <GroupHeader
                    r={vr.index}
                    label={item.label}
                    count={item.count}
                    colSpan={colCount}
                    isActive={activeR === vr.index}
                  />
                </div>
              );
            }
            const row = item.row;
            const inRows = rect !== null && vr.index >= rect.r0 && vr.index <= rect.r1;
            let letters = "";
            for (let i = 0; i < vCols.length; i++) {
              const col = columns[vCols[i]!.index];
              if (i > 0) letters += "|";
              if (col) letters += cells.get(cellKey(row.id, col.personId))?.letters ?? "";
            }
            const diffs = cellDiffs?.size ? encodeRowDiffs(cellDiffs, row.id, vPersonIdsAll) : "";
            return (
              <GridRow
                key={item.key}
                r={vr.index}
                row={row}
                top={vr.start}
                width={totalWidth}
                vCols={vCols}
                columns={columns}
                letters={letters}
                remote={remoteSelections?.size ? rowOutlines(remoteSelections, row.id, vPersonIds) : ""}
                diffs={diffs}
                summary={rowSummary.get(row.id)}
                activeC={activeR === vr.index && !printing ? activeC : null}
                selC0={inRows && !printing ? rect.c0 : null}
                selC1={inRows && !printing ? rect.c1 : null}
                canEdit={canEdit}
                isRenaming={renamingRowId === row.id}
                dropEdge={drop?.rowId === row.id ? drop.edge : null}
                onRenameDone={onRenameDone}
              />
            );
          })}
        </div>
      </div>
      {items.length === 0 ? (
        <p
          className="pointer-events-none absolute inset-x-0 p-6 text-sm text-slate-600 dark:text-slate-400"
          style={{ top: HEADER_HEIGHT }}
        >
          No responsibilities match these filters.
        </p>
      ) : null}

      <CellPicker
        open={pickerOpen && (canEdit ? pickerTargets.length > 0 : canInspect && pickerTargets.length === 1)}
        readOnly={!canEdit}
        anchor={pickerAnchor}
        title={pickerTitle}
        states={pickerStates}
        onToggle={applyLetter}
        onClear={clearSelection}
        onClose={() => setPickerOpen(false)}
      >
        {pickerTargets.length === 1 && activeItem?.kind === "row" && activeColumn && renderCellHistory
          ? renderCellHistory(activeItem.row.id, activeColumn.personId)
          : null}
      </CellPicker>
      <GridMenu
        menu={menu}
        root={scrollRef}
        items={items}
        columns={columns}
        onRowAction={onRowAction}
        onColumnAction={onColumnAction}
        onRename={setRenamingRowId}
        onClose={() => setMenu(null)}
      />
      <p className="sr-only" aria-live="polite">
        {anchorPos && rect ? `${(rect.r1 - rect.r0 + 1) * (rect.c1 - rect.c0 + 1)} cells selected` : ""}
      </p>
    </div>
  );
}
