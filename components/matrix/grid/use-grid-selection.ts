"use client";
import { useCallback, useMemo, useState } from "react";
import type { ColumnDto } from "@/lib/matrix/dto";
import type { GridItem } from "./grid-items";
import { rectOf, samePos, type GridPos, type Rect } from "./grid-nav";

/** A position remembered by ids (so it follows a row that moves) and by index (fallback when the id goes away). */
interface KeyPos {
  rowKey: string | null;
  colKey: string | null;
  r: number;
  c: number;
}

function firstCell(items: readonly GridItem[], columns: readonly ColumnDto[]): KeyPos {
  const r = items.findIndex((i) => i.kind === "row");
  const item = items[r];
  const col = columns[0];
  if (!item || !col) return { rowKey: null, colKey: null, r: -1, c: -1 };
  return { rowKey: item.key, colKey: col.id, r, c: 0 };
}

/**
 * The grid's active (focusable) position and range anchor. Positions are stored by row
 * and column ids and resolved to indices on every render: a reorder, a filter or a
 * refetch keeps the focus on the same cell.
 */
export function useGridSelection(items: readonly GridItem[], columns: readonly ColumnDto[]) {
  const [active, setActive] = useState<KeyPos>(() => firstCell(items, columns));
  const [anchor, setAnchor] = useState<KeyPos | null>(null);

  const itemIndex = useMemo(() => new Map(items.map((it, i) => [it.key, i])), [items]);
  const colIndex = useMemo(() => new Map(columns.map((c, i) => [c.id, i])), [columns]);

  const resolve = useCallback(
    (k: KeyPos): GridPos => {
      let r = k.rowKey === null ? -1 : (itemIndex.get(k.rowKey) ?? Math.min(k.r, items.length - 1));
      let c = k.colKey === null ? -1 : (colIndex.get(k.colKey) ?? Math.min(k.c, columns.length - 1));
      if (r < -1) r = -1;
      if (c < -1) c = -1;
      if (r >= 0 && items[r]?.kind === "group") c = -1;
      return { r, c };
    },
    [itemIndex, colIndex, items, columns.length],
  );

  const toKeys = useCallback(
    (pos: GridPos): KeyPos => ({
      rowKey: pos.r < 0 ? null : (items[pos.r]?.key ?? null),
      colKey: pos.c < 0 ? null : (columns[pos.c]?.id ?? null),
      r: pos.r,
      c: pos.c,
    }),
    [items, columns],
  );

  const activePos = resolve(active);
  const anchorPos = anchor ? resolve(anchor) : null;

  const isCell = (p: GridPos) => p.r >= 0 && p.c >= 0 && items[p.r]?.kind === "row";
  const rect: Rect | null =
    anchorPos && isCell(anchorPos) && isCell(activePos) && !samePos(anchorPos, activePos)
      ? rectOf(anchorPos, activePos)
      : null;

  /** Moves the active position; `extend` grows the range from the current anchor. */
  const moveTo = useCallback(
    (pos: GridPos, extend = false) => {
      if (extend) setAnchor((a) => a ?? toKeys(activePos));
      else setAnchor(null);
      setActive(toKeys(pos));
    },
    [toKeys, activePos],
  );

  /** Starts a range at `from` and puts the active end at `to` (mouse drag, select all). */
  const selectRange = useCallback(
    (from: GridPos, to: GridPos) => {
      setAnchor(toKeys(from));
      setActive(toKeys(to));
    },
    [toKeys],
  );

  const clearRange = useCallback(() => setAnchor(null), []);

  return { activePos, anchorPos, rect, moveTo, selectRange, clearRange };
}
