"use client";
import { useMemo } from "react";
import { PopoverMenu, type MenuItem } from "@/components/ui/popover";
import type { ColumnDto } from "@/lib/matrix/dto";
import type { GridItem } from "./grid-items";

export type RowAction = { type: "edit" | "insert-below" | "move-up" | "move-down" | "delete"; rowId: string };
export type ColumnAction = { type: "edit" | "move-left" | "move-right" | "remove"; columnId: string };
export type OpenMenu = { kind: "row"; rowId: string } | { kind: "column"; columnId: string };

/** The actions of a row header (moves stay inside the category group). */
export function rowMenuItems(
  items: readonly GridItem[],
  rowId: string,
  onAction: (a: RowAction) => void,
  onRename: (rowId: string) => void,
): MenuItem[] {
  const at = items.findIndex((i) => i.kind === "row" && i.row.id === rowId);
  return [
    { label: "Rename", hint: "F2", onSelect: () => onRename(rowId) },
    { label: "Edit details…", onSelect: () => onAction({ type: "edit", rowId }) },
    { label: "Add a row below…", onSelect: () => onAction({ type: "insert-below", rowId }) },
    {
      label: "Move up",
      hint: "Alt+Shift+↑",
      disabled: items[at - 1]?.kind !== "row",
      onSelect: () => onAction({ type: "move-up", rowId }),
    },
    {
      label: "Move down",
      hint: "Alt+Shift+↓",
      disabled: items[at + 1]?.kind !== "row",
      onSelect: () => onAction({ type: "move-down", rowId }),
    },
    { label: "Delete row", tone: "danger", onSelect: () => onAction({ type: "delete", rowId }) },
  ];
}

/** The actions of a column header. */
export function columnMenuItems(
  columns: readonly ColumnDto[],
  columnId: string,
  onAction: (a: ColumnAction) => void,
): MenuItem[] {
  const at = columns.findIndex((c) => c.id === columnId);
  return [
    { label: "Edit person…", onSelect: () => onAction({ type: "edit", columnId }) },
    {
      label: "Move left",
      hint: "Alt+Shift+←",
      disabled: at <= 0,
      onSelect: () => onAction({ type: "move-left", columnId }),
    },
    {
      label: "Move right",
      hint: "Alt+Shift+→",
      disabled: at >= columns.length - 1,
      onSelect: () => onAction({ type: "move-right", columnId }),
    },
    { label: "Remove from matrix", tone: "danger", onSelect: () => onAction({ type: "remove", columnId }) },
  ];
}

/** The open row or column menu, anchored to its header inside `root`. */
export function GridMenu({
  menu,
  root,
  items,
  columns,
  onRowAction,
  onColumnAction,
  onRename,
  onClose,
}: {
  menu: OpenMenu | null;
  root: React.RefObject<HTMLElement | null>;
  items: readonly GridItem[];
  columns: readonly ColumnDto[];
  onRowAction: (a: RowAction) => void;
  onColumnAction: (a: ColumnAction) => void;
  onRename: (rowId: string) => void;
  onClose: () => void;
}) {
  const entries = useMemo(() => {
    if (!menu) return { label: "", items: [] as MenuItem[] };
    if (menu.kind === "row") {
      const item = items.find((i) => i.kind === "row" && i.row.id === menu.rowId);
      return {
        label: `Actions for ${item?.kind === "row" ? item.row.title : "row"}`,
        items: rowMenuItems(items, menu.rowId, onRowAction, onRename),
      };
    }
    return {
      label: `Actions for ${columns.find((c) => c.id === menu.columnId)?.name ?? "column"}`,
      items: columnMenuItems(columns, menu.columnId, onColumnAction),
    };
  }, [menu, items, columns, onRowAction, onColumnAction, onRename]);

  // Read on every placement: the header may re-render or move (a reorder) while open.
  const anchor = () => {
    const el = root.current;
    if (!el || !menu) return null;
    return menu.kind === "row"
      ? el.querySelector<HTMLElement>(`[data-kind="rowheader"][data-row-id="${CSS.escape(menu.rowId)}"]`)
      : el.querySelector<HTMLElement>(`[data-kind="colheader"][data-column-id="${CSS.escape(menu.columnId)}"]`);
  };

  return (
    <PopoverMenu open={menu !== null} anchor={anchor} label={entries.label} items={entries.items} onClose={onClose} />
  );
}
