/**
 * A client-side undo/redo history of MY cell edits. Pure and immutable so the hook is
 * a thin useState around it; a server-side history will replace it later, behind the
 * same small interface (record / undo / redo).
 */
import type { Letters } from "@/lib/raci/types";

export interface UndoCell {
  rowId: string;
  personId: string;
  before: Letters;
  after: Letters;
}

export interface UndoEntry {
  id: number;
  cells: UndoCell[];
}

export interface UndoState {
  past: UndoEntry[];
  future: UndoEntry[];
}

/** Older entries fall off: nobody undoes 200 steps, and memory stays flat. */
export const UNDO_LIMIT = 100;

export const EMPTY_UNDO: UndoState = { past: [], future: [] };

/** A new edit: goes on the undo side and clears the redo side (a new branch). */
export function pushEntry(state: UndoState, entry: UndoEntry): UndoState {
  const past = [...state.past, entry];
  return { past: past.length > UNDO_LIMIT ? past.slice(past.length - UNDO_LIMIT) : past, future: [] };
}

/** Drops an entry whose write failed: there is nothing to undo. */
export function discardEntry(state: UndoState, id: number): UndoState {
  if (!state.past.some((e) => e.id === id) && !state.future.some((e) => e.id === id)) return state;
  return { past: state.past.filter((e) => e.id !== id), future: state.future.filter((e) => e.id !== id) };
}

/** Moves the newest entry from undo to redo. */
export function takeUndo(state: UndoState): { entry: UndoEntry; state: UndoState } | null {
  const entry = state.past[state.past.length - 1];
  if (!entry) return null;
  return { entry, state: { past: state.past.slice(0, -1), future: [...state.future, entry] } };
}

/** Moves the newest redo entry back to undo. */
export function takeRedo(state: UndoState): { entry: UndoEntry; state: UndoState } | null {
  const entry = state.future[state.future.length - 1];
  if (!entry) return null;
  return { entry, state: { past: [...state.past, entry], future: state.future.slice(0, -1) } };
}

/**
 * The cells of an entry that no longer show what this client expects (`after` for an
 * undo, `before` for a redo): someone else changed them since. Undo must then refuse
 * instead of overwriting their change.
 */
export function changedSince(
  entry: UndoEntry,
  direction: "undo" | "redo",
  lettersOf: (rowId: string, personId: string) => Letters,
): UndoCell[] {
  return entry.cells.filter((c) => lettersOf(c.rowId, c.personId) !== (direction === "undo" ? c.after : c.before));
}
