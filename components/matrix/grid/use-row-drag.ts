"use client";
import { useRef, useState } from "react";

const ROW_DRAG_TYPE = "application/x-remit-row";

export interface DropTarget {
  rowId: string;
  edge: "before" | "after";
}

/**
 * Drag and drop of row headers, delegated on the grid container: row headers are
 * draggable, any row is a drop target (upper half = before it, lower half = after).
 */
export function useRowDrag({
  canEdit,
  rowAt,
  onDropRow,
}: {
  canEdit: boolean;
  /** The row id and title behind a dragged row header element, if any. */
  rowAt: (el: Element) => { id: string; title: string } | null;
  onDropRow: (rowId: string, targetRowId: string, edge: "before" | "after") => void;
}) {
  const dragRowId = useRef<string | null>(null);
  const [drop, setDrop] = useState<DropTarget | null>(null);

  const targetOf = (e: React.DragEvent): DropTarget | null => {
    const rowEl = (e.target as HTMLElement).closest<HTMLElement>("[data-row-id]");
    const rowId = rowEl?.dataset.rowId;
    if (!rowEl || !rowId || !dragRowId.current || rowId === dragRowId.current) return null;
    const box = rowEl.getBoundingClientRect();
    return { rowId, edge: e.clientY < box.top + box.height / 2 ? "before" : "after" };
  };

  const end = () => {
    dragRowId.current = null;
    setDrop(null);
  };

  const handlers = {
    onDragStart: (e: React.DragEvent<HTMLDivElement>) => {
      const row = canEdit ? rowAt(e.target as Element) : null;
      if (!row) {
        e.preventDefault();
        return;
      }
      dragRowId.current = row.id;
      e.dataTransfer.effectAllowed = "move";
      e.dataTransfer.setData(ROW_DRAG_TYPE, row.id);
      e.dataTransfer.setData("text/plain", row.title);
    },
    onDragOver: (e: React.DragEvent<HTMLDivElement>) => {
      if (!dragRowId.current) return;
      const t = targetOf(e);
      e.preventDefault();
      e.dataTransfer.dropEffect = t ? "move" : "none";
      if (t?.rowId !== drop?.rowId || t?.edge !== drop?.edge) setDrop(t);
    },
    onDragLeave: (e: React.DragEvent<HTMLDivElement>) => {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDrop(null);
    },
    onDrop: (e: React.DragEvent<HTMLDivElement>) => {
      const from = dragRowId.current;
      const t = targetOf(e);
      e.preventDefault();
      end();
      if (from && t) onDropRow(from, t.rowId, t.edge);
    },
    onDragEnd: end,
  };

  return { drop, handlers };
}
