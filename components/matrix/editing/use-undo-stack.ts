"use client";
import { useCallback, useRef, useState, useSyncExternalStore } from "react";
import type { Letters } from "@/lib/raci/types";
import {
  changedSince,
  discardEntry,
  EMPTY_UNDO,
  pushEntry,
  takeRedo,
  takeUndo,
  type UndoCell,
  type UndoState,
} from "./undo-stack";

/**
 * The stack behind a tiny external store: quick repeated Ctrl+Z must see the previous
 * step at once (no waiting for a render), and only the Undo/Redo buttons subscribe, so
 * recording an edit does not re-render the whole screen.
 */
export interface UndoStore {
  get: () => UndoState;
  set: (s: UndoState) => void;
  subscribe: (listener: () => void) => () => void;
  /** "past|future" sizes: a primitive snapshot for useSyncExternalStore. */
  sizes: () => string;
}

export function createUndoStore(): UndoStore {
  let state = EMPTY_UNDO;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set: (s) => {
      state = s;
      for (const l of listeners) l();
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    sizes: () => `${state.past.length}|${state.future.length}`,
  };
}

/** Whether there is something to undo / redo (re-renders only the caller). */
export function useUndoAvailability(store: UndoStore): { canUndo: boolean; canRedo: boolean } {
  const sizes = useSyncExternalStore(store.subscribe, store.sizes, () => "0|0");
  const [past, future] = sizes.split("|");
  return { canUndo: past !== "0", canRedo: future !== "0" };
}

export interface UndoStackOptions {
  /** The letters a cell shows now (from the cache). */
  lettersOf: (rowId: string, personId: string) => Letters;
  /** Writes cells without recording them; resolves false when the write failed. */
  write: (cells: { rowId: string; personId: string; letters: Letters }[]) => Promise<boolean> | null;
  /** Someone else changed these cells since: the step was dropped, nothing written. */
  onRefused: (cells: UndoCell[], direction: "undo" | "redo") => void;
}

/** Undo/redo of my own cell edits: record / discard / undo / redo, plus the store for the buttons. */
export function useUndoStack({ lettersOf, write, onRefused }: UndoStackOptions) {
  const [store] = useState(createUndoStore);
  const nextId = useRef(1);

  const record = useCallback(
    (cells: UndoCell[]): number => {
      const id = nextId.current++;
      store.set(pushEntry(store.get(), { id, cells }));
      return id;
    },
    [store],
  );

  const discard = useCallback((id: number) => store.set(discardEntry(store.get(), id)), [store]);

  const step = useCallback(
    (direction: "undo" | "redo"): boolean => {
      const taken = direction === "undo" ? takeUndo(store.get()) : takeRedo(store.get());
      if (!taken) return false;
      const { entry, state } = taken;
      const changed = changedSince(entry, direction, lettersOf);
      if (changed.length > 0) {
        // Refuse rather than clobber: drop the step, so the next Ctrl+Z reaches older ones.
        store.set(discardEntry(state, entry.id));
        onRefused(changed, direction);
        return false;
      }
      store.set(state);
      const done = write(
        entry.cells.map((c) => ({
          rowId: c.rowId,
          personId: c.personId,
          letters: direction === "undo" ? c.before : c.after,
        })),
      );
      void done?.then((ok) => {
        if (!ok) store.set(discardEntry(store.get(), entry.id));
      });
      return true;
    },
    [store, lettersOf, write, onRefused],
  );

  const undo = useCallback(() => step("undo"), [step]);
  const redo = useCallback(() => step("redo"), [step]);

  return { store, record, discard, undo, redo };
}
