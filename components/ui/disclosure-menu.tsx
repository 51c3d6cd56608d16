"use client";
import { useEffect, useId, useRef, useState } from "react";
import { cn } from "./cn";

/**
 * A button that shows a panel of links or actions (the disclosure pattern: a list of
 * links is not an ARIA menu). Closes on Escape, on outside click and on navigation.
 */
export function DisclosureMenu({
  label,
  buttonContent,
  children,
  align = "left",
  buttonClassName,
  mountOnOpen = false,
  onIntent,
}: {
  label: string;
  buttonContent: React.ReactNode;
  children: React.ReactNode;
  align?: "left" | "right";
  buttonClassName?: string;
  /**
   * Render the panel's children only from the first opening on (they stay mounted after,
   * keeping their state), so a panel whose code loads on demand costs nothing until used.
   */
  mountOnOpen?: boolean;
  /** Called when the button is hovered or focused: a chance to start loading the panel's code. */
  onIntent?: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [hasOpened, setHasOpened] = useState(!mountOnOpen);
  if (open && !hasOpened) setHasOpened(true);
  const id = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener("mousedown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <div ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-label={label}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        onPointerEnter={onIntent}
        onFocus={onIntent}
        className={cn(
          "inline-flex h-9 items-center gap-2 rounded-md px-2.5 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800",
          buttonClassName,
        )}
      >
        {buttonContent}
        <svg aria-hidden viewBox="0 0 20 20" className="size-4 opacity-60" fill="currentColor">
          <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
        </svg>
      </button>
      <div
        id={id}
        hidden={!open}
        onClick={(e) => {
          if ((e.target as HTMLElement).closest("a")) setOpen(false);
        }}
        className={cn(
          "absolute z-40 mt-1 min-w-56 rounded-lg border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900",
          align === "right" ? "right-0" : "left-0",
        )}
      >
        {hasOpened ? children : null}
      </div>
    </div>
  );
}

export const menuItemClasses =
  "flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800";
