import { describe, expect, it } from "vitest";
import {
  changedSince,
  discardEntry,
  EMPTY_UNDO,
  pushEntry,
  takeRedo,
  takeUndo,
  UNDO_LIMIT,
  type UndoEntry,
} from "./undo-stack";

const entry = (id: number, before = "", after = "R"): UndoEntry => ({
  id,
  cells: [{ rowId: "r1", personId: "p1", before, after }],
});

describe("undo stack", () => {
  it("undoes and redoes in order", () => {
    let s = pushEntry(pushEntry(EMPTY_UNDO, entry(1)), entry(2));
    const u = takeUndo(s)!;
    expect(u.entry.id).toBe(2);
    s = u.state;
    expect(s.past.map((e) => e.id)).toEqual([1]);
    expect(s.future.map((e) => e.id)).toEqual([2]);
    const r = takeRedo(s)!;
    expect(r.entry.id).toBe(2);
    expect(r.state.past.map((e) => e.id)).toEqual([1, 2]);
    expect(r.state.future).toEqual([]);
  });

  it("clears redo on a new edit", () => {
    const s = takeUndo(pushEntry(EMPTY_UNDO, entry(1)))!.state;
    expect(pushEntry(s, entry(2)).future).toEqual([]);
  });

  it("returns null when there is nothing to undo or redo", () => {
    expect(takeUndo(EMPTY_UNDO)).toBeNull();
    expect(takeRedo(EMPTY_UNDO)).toBeNull();
  });

  it("keeps at most UNDO_LIMIT entries", () => {
    let s = EMPTY_UNDO;
    for (let i = 0; i < UNDO_LIMIT + 5; i++) s = pushEntry(s, entry(i));
    expect(s.past).toHaveLength(UNDO_LIMIT);
    expect(s.past[0]!.id).toBe(5);
  });

  it("discards a failed entry", () => {
    const s = discardEntry(pushEntry(pushEntry(EMPTY_UNDO, entry(1)), entry(2)), 1);
    expect(s.past.map((e) => e.id)).toEqual([2]);
    expect(discardEntry(s, 99)).toBe(s);
  });

  it("detects cells changed by someone else since", () => {
    const e = entry(1, "", "RA");
    expect(changedSince(e, "undo", () => "RA")).toEqual([]);
    expect(changedSince(e, "undo", () => "C")).toHaveLength(1);
    expect(changedSince(e, "redo", () => "")).toEqual([]);
    expect(changedSince(e, "redo", () => "I")).toHaveLength(1);
  });
});
