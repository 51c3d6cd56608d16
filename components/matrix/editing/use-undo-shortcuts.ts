"use client";
import { useEffect, useRef } from "react";

function isEditable(el: EventTarget | null): boolean {
  return (
    el instanceof HTMLElement &&
    (el.isContentEditable || el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT")
  );
}

/**
 * Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo, anywhere on the screen except in
 * text fields (their own text undo wins) and in modal dialogs (a half-filled form is not
 * the matrix).
 */
export function useUndoShortcuts({ enabled, undo, redo }: { enabled: boolean; undo: () => void; redo: () => void }) {
  const latest = useRef({ undo, redo });
  useEffect(() => {
    latest.current = { undo, redo };
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.defaultPrevented) return;
      if (isEditable(e.target) || (e.target instanceof Element && e.target.closest("dialog[open]"))) return;
      const key = e.key.toLowerCase();
      if (key === "z") {
        e.preventDefault();
        if (e.shiftKey) latest.current.redo();
        else latest.current.undo();
      } else if (key === "y" && !e.shiftKey && !e.metaKey) {
        e.preventDefault();
        latest.current.redo();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [enabled]);
}
