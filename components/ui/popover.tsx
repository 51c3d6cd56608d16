"use client";
import { useCallback, useEffect, useLayoutEffect, useRef } from "react";
import { createPortal } from "react-dom";
import { cn } from "./cn";

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export type PopoverCloseReason = "escape" | "outside" | "tab" | "anchor-gone";

export interface PopoverProps {
  open: boolean;
  /** The element it is attached to (read on every reposition: virtualized anchors move). */
  anchor: () => HTMLElement | null;
  onClose: (reason: PopoverCloseReason) => void;
  role?: "dialog" | "menu";
  "aria-label"?: string;
  "aria-labelledby"?: string;
  /** Focus the first focusable child when opening (default true). */
  autoFocus?: boolean;
  /** On Escape, move focus back to the anchor (default true). */
  returnFocus?: boolean;
  className?: string;
  children: React.ReactNode;
}

/**
 * A small floating panel attached to an element: fixed-positioned in a portal (so a
 * scrolling, clipping container cannot cut it), flipped to stay on screen, following its
 * anchor on scroll. Escape closes it and returns focus to the anchor; a click outside
 * closes it; Tab stays inside a dialog and closes a menu.
 */
export function Popover({
  open,
  anchor,
  onClose,
  role = "dialog",
  autoFocus = true,
  returnFocus = true,
  className,
  children,
  ...aria
}: PopoverProps) {
  const panelRef = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  const anchorRef = useRef(anchor);
  // A layout effect declared first: the placement below must see this render's anchor
  // (a menu opens in the same render that decides what it is anchored to).
  useLayoutEffect(() => {
    onCloseRef.current = onClose;
    anchorRef.current = anchor;
  });

  const place = useCallback(() => {
    const panel = panelRef.current;
    const el = anchorRef.current();
    if (!panel) return;
    if (!el || !el.isConnected) {
      onCloseRef.current("anchor-gone");
      return;
    }
    const a = el.getBoundingClientRect();
    const p = panel.getBoundingClientRect();
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    let top = a.bottom + 4;
    if (top + p.height > vh - 8 && a.top - p.height - 4 > 8) top = a.top - p.height - 4;
    let left = a.left;
    if (left + p.width > vw - 8) left = Math.max(8, vw - p.width - 8);
    panel.style.top = `${Math.round(top)}px`;
    panel.style.left = `${Math.round(left)}px`;
    panel.style.visibility = "visible";
  }, []);

  useLayoutEffect(() => {
    if (!open) return;
    place();
    if (autoFocus) {
      const first =
        panelRef.current?.querySelector<HTMLElement>("[data-autofocus]") ??
        panelRef.current?.querySelector<HTMLElement>(FOCUSABLE);
      first?.focus({ preventScroll: true });
    }
  }, [open, place, autoFocus]);

  useEffect(() => {
    if (!open) return;
    let frame = 0;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(place);
    };
    const onDown = (e: PointerEvent) => {
      const t = e.target as Node;
      if (panelRef.current?.contains(t) || anchorRef.current()?.contains(t)) return;
      onCloseRef.current("outside");
    };
    window.addEventListener("scroll", schedule, true);
    window.addEventListener("resize", schedule);
    document.addEventListener("pointerdown", onDown, true);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", schedule, true);
      window.removeEventListener("resize", schedule);
      document.removeEventListener("pointerdown", onDown, true);
    };
  }, [open, place]);

  // Only ever opened by a user action, so never during server rendering.
  if (!open || typeof document === "undefined") return null;

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      onCloseRef.current("escape");
      if (returnFocus) anchorRef.current()?.focus({ preventScroll: true });
      return;
    }
    if (e.key !== "Tab") return;
    if (role === "menu") {
      onCloseRef.current("tab");
      return;
    }
    const items = [...(panelRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div
      ref={panelRef}
      role={role}
      {...aria}
      onKeyDown={onKeyDown}
      style={{ position: "fixed", top: 0, left: 0, visibility: "hidden" }}
      className={cn(
        "z-50 rounded-lg border border-slate-200 bg-white p-2 text-sm text-slate-900 shadow-xl dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100",
        className,
      )}
    >
      {children}
    </div>,
    document.body,
  );
}

export interface MenuItem {
  label: string;
  onSelect: () => void;
  disabled?: boolean;
  tone?: "danger";
  /** Shown after the label, e.g. "Alt+Shift+↑". */
  hint?: string;
}

/**
 * An action menu in a Popover (role="menu"): Up/Down/Home/End move between items, Enter
 * or a click runs one and closes the menu, focus returns to the anchor.
 */
export function PopoverMenu({
  open,
  anchor,
  onClose,
  label,
  items,
}: {
  open: boolean;
  anchor: () => HTMLElement | null;
  onClose: (reason: PopoverCloseReason | "select") => void;
  label: string;
  items: MenuItem[];
}) {
  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const list = [...e.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')];
    const at = list.indexOf(document.activeElement as HTMLElement);
    let next: HTMLElement | undefined;
    if (e.key === "ArrowDown") next = list[(at + 1) % list.length];
    else if (e.key === "ArrowUp") next = list[(at - 1 + list.length) % list.length];
    else if (e.key === "Home") next = list[0];
    else if (e.key === "End") next = list[list.length - 1];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  };
  return (
    <Popover open={open} anchor={anchor} onClose={onClose} role="menu" aria-label={label} className="min-w-56 p-1">
      <div onKeyDown={onKeyDown}>
        {items.map((item) => (
          <button
            key={item.label}
            type="button"
            role="menuitem"
            aria-disabled={item.disabled || undefined}
            tabIndex={-1}
            onClick={() => {
              if (item.disabled) return;
              onClose("select");
              anchor()?.focus({ preventScroll: true });
              item.onSelect();
            }}
            className={cn(
              "flex w-full items-center justify-between gap-6 rounded-md px-3 py-1.5 text-left focus:bg-slate-100 focus:outline-none dark:focus:bg-slate-800",
              item.disabled
                ? "cursor-not-allowed text-slate-400 dark:text-slate-500"
                : "hover:bg-slate-100 dark:hover:bg-slate-800",
              item.tone === "danger" && !item.disabled && "text-red-700 dark:text-red-400",
            )}
          >
            <span>{item.label}</span>
            {item.hint ? <span className="text-xs text-slate-500 dark:text-slate-400">{item.hint}</span> : null}
          </button>
        ))}
      </div>
    </Popover>
  );
}
