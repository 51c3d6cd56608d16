"use client";
import { useCallback, useEffect, useId, useLayoutEffect, useRef, type RefObject } from "react";
import { cn } from "./cn";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Visible, enabled, tabbable elements inside `root`, in DOM order. */
function tabbables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => !el.closest("[inert]") && el.getClientRects().length > 0,
  );
}

const SIZES = {
  sm: "w-[min(calc(100%-2rem),28rem)]",
  md: "w-[min(calc(100%-2rem),36rem)]",
  lg: "w-[min(calc(100%-2rem),48rem)]",
};

/**
 * A modal dialog on the native <dialog> element: `showModal()` makes the rest of the page
 * inert (so screen readers and clicks stay inside), Tab wraps inside the dialog, Escape
 * asks the owner to close, and focus goes back to whatever opened it. The dialog is
 * controlled: it only closes when the owner sets `open` to false, so a form can refuse
 * to close while saving.
 *
 * Content is mounted only while open, so forms inside start fresh on every opening.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  size = "md",
  initialFocusRef,
  returnFocusRef,
  className,
}: {
  open: boolean;
  onClose: () => void;
  title: React.ReactNode;
  description?: React.ReactNode;
  children: React.ReactNode;
  size?: keyof typeof SIZES;
  /** What to focus on opening; default: the first form control, else the first button. */
  initialFocusRef?: RefObject<HTMLElement | null>;
  /** Where focus goes on closing when the opener is gone (e.g. a menu that closed). */
  returnFocusRef?: RefObject<HTMLElement | null>;
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLElement | null>(null);
  // True from showModal until focus went back: the browser may close the dialog by
  // itself (see onClose below), and focus must still be returned exactly once.
  const shownRef = useRef(false);
  const openPropRef = useRef(open);
  const titleId = useId();
  const descriptionId = useId();
  // The latest onClose without re-running effects when the owner passes a new closure.
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
    openPropRef.current = open;
  });

  const fallbackRef = useRef(returnFocusRef);
  useEffect(() => {
    fallbackRef.current = returnFocusRef;
  });
  // Stable identity (reads refs only), so the unmount effect below runs only on unmount.
  const restoreFocus = useCallback(() => {
    if (!shownRef.current) return;
    shownRef.current = false;
    const target = openerRef.current?.isConnected ? openerRef.current : fallbackRef.current?.current;
    openerRef.current = null;
    target?.focus();
  }, []);

  // Layout effect: the dialog must be modal before the browser paints its content, and
  // the opener must be read before anything inside steals focus.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      shownRef.current = true;
      const target =
        initialFocusRef?.current ??
        dialog.querySelector<HTMLElement>("[autofocus], [data-autofocus]") ??
        tabbables(dialog).find((el) => el.matches("input, select, textarea")) ??
        tabbables(dialog).find((el) => !el.hasAttribute("data-dialog-close")) ??
        tabbables(dialog)[0];
      target?.focus();
    } else if (!open) {
      if (dialog.open) dialog.close();
      restoreFocus();
    }
  }, [open, initialFocusRef, restoreFocus]);

  // Unmounted while open (e.g. the owner navigated): still give focus back.
  useEffect(() => {
    const dialog = ref.current;
    return () => {
      if (dialog?.open) dialog.close();
      restoreFocus();
    };
  }, [restoreFocus]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      // Escape: let the owner decide (it may be saving). preventDefault keeps it open.
      onCancel={(e) => {
        e.preventDefault();
        onCloseRef.current();
      }}
      // Browsers may close without a cancelable "cancel" (a second Escape in a row):
      // keep the owner's state in step.
      onClose={() => {
        if (openPropRef.current) onCloseRef.current();
      }}
      onKeyDown={(e) => {
        if (e.key !== "Tab" || !ref.current) return;
        const items = tabbables(ref.current);
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
      }}
      className={cn(
        "m-auto max-h-[calc(100dvh-2rem)] overflow-hidden rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-[rgb(2_6_23/0.55)] dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:backdrop:bg-[rgb(0_0_0/0.7)]",
        SIZES[size],
        className,
      )}
    >
      {open ? (
        <div className="flex max-h-[calc(100dvh-2rem)] flex-col">
          <div className="flex items-start justify-between gap-4 border-b border-slate-200 px-6 py-4 dark:border-slate-800">
            <div className="min-w-0">
              <h2 id={titleId} className="text-lg font-semibold tracking-tight">
                {title}
              </h2>
              {description ? (
                <p id={descriptionId} className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                  {description}
                </p>
              ) : null}
            </div>
            <button
              type="button"
              data-dialog-close
              aria-label="Close"
              onClick={() => onCloseRef.current()}
              className="-mr-2 inline-flex size-8 shrink-0 items-center justify-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-800 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100"
            >
              <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="currentColor">
                <path d="M5.3 5.3a1 1 0 0 1 1.4 0L10 8.6l3.3-3.3a1 1 0 1 1 1.4 1.4L11.4 10l3.3 3.3a1 1 0 0 1-1.4 1.4L10 11.4l-3.3 3.3a1 1 0 0 1-1.4-1.4L8.6 10 5.3 6.7a1 1 0 0 1 0-1.4Z" />
              </svg>
            </button>
          </div>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}

/** The scrolling middle of a dialog. */
export function DialogBody({ className, ...props }: React.HTMLAttributes<HTMLDivElement>) {
  return <div className={cn("min-h-0 flex-1 space-y-5 overflow-y-auto px-6 py-5", className)} {...props} />;
}

/** The action row of a dialog: secondary actions first, the main one last (rightmost). */
export function DialogFooter({ className, ...props }: React.HTMLAttributes<HTMLDivElement>) {
  return (
    <div
      className={cn(
        "flex flex-wrap items-center justify-end gap-2 border-t border-slate-200 bg-slate-50 px-6 py-3 dark:border-slate-800 dark:bg-slate-950/40",
        className,
      )}
      {...props}
    />
  );
}
