"use client";
import { useCallback, useRef, useState } from "react";
import type { Letters } from "@/lib/raci/types";
import { changedSince, discardEntry, EMPTY_UNDO, pushEntry, takeRedo, takeUndo, type UndoCell, type UndoState } from "./undo-stack";

export interface UndoStackOptions {
  /** The letters a cell shows now (from the cache). */
  lettersOf: (rowId: string, personId: string) => Letters;
  /** Writes cells without recording them; resolves false when the write failed. */
  write: (cells: { rowId: string; personId: string; letters: Letters }[]) => Promise<boolean> | null;
  /** Someone else changed these cells since: the step was dropped, nothing written. */
  onRefused: (cells: UndoCell[], direction: "undo" | "redo") => void;
}

/**
 * Undo/redo of my own cell edits. The stack lives in a ref (quick repeated Ctrl+Z must
 * see the result of the previous one before React re-renders); a counter re-renders the
 * buttons.
 */
export function useUndoStack({ lettersOf, write, onRefused }: UndoStackOptions) {
  const stack = useRef<UndoState>(EMPTY_UNDO);
  const nextId = useRef(1);
  const [, setTick] = useState(0);
  const commit = useCallback((s: UndoState) => {
    stack.current = s;
    setTick((t) => t + 1);
  }, []);

  const record = useCallback(
    (cells: UndoCell[]): number => {
      const id = nextId.current++;
      commit(pushEntry(stack.current, { id, cells }));
      return id;
    },
    [commit],
  );

  const discard = useCallback((id: number) => commit(discardEntry(stack.current, id)), [commit]);

  const step = useCallback(
    (direction: "undo" | "redo"): boolean => {
      const taken = direction === "undo" ? takeUndo(stack.current) : takeRedo(stack.current);
      if (!taken) return false;
      const { entry, state } = taken;
      const changed = changedSince(entry, direction, lettersOf);
      if (changed.length > 0) {
        // Refuse rather than clobber: drop the step, so the next Ctrl+Z reaches older ones.
        commit(discardEntry(state, entry.id));
        onRefused(changed, direction);
        return false;
      }
      commit(state);
      const done = write(
        entry.cells.map((c) => ({ rowId: c.rowId, personId: c.personId, letters: direction === "undo" ? c.before : c.after })),
      );
      void done?.then((ok) => {
        if (!ok) commit(discardEntry(stack.current, entry.id));
      });
      return true;
    },
    [commit, lettersOf, write, onRefused],
  );

  const undo = useCallback(() => step("undo"), [step]);
  const redo = useCallback(() => step("redo"), [step]);

  return {
    record,
    discard,
    undo,
    redo,
    canUndo: stack.current.past.length > 0,
    canRedo: stack.current.future.length > 0,
  };
}
