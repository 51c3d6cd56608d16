import { describe, expect, it } from "vitest";
import {
  JOIN_CODE_ALPHABET,
  castVoteSchema,
  joinWorkshopSchema,
  startWorkshopSchema,
  workshopActionSchema,
} from "./workshop";

describe("joinWorkshopSchema", () => {
  it("accepts a code as people type it", () => {
    expect(joinWorkshopSchema.parse({ code: " k7rm-4x " })).toEqual({ code: "K7RM4X" });
  });

  it("refuses ambiguous characters, wrong lengths and extra keys", () => {
    expect(joinWorkshopSchema.safeParse({ code: "K7RM40" }).success).toBe(false);
    expect(joinWorkshopSchema.safeParse({ code: "K7RM" }).success).toBe(false);
    expect(joinWorkshopSchema.safeParse({ code: "K7RM4X", x: 1 }).success).toBe(false);
    for (const ch of "0O1IL2Z5S8B") expect(JOIN_CODE_ALPHABET.includes(ch)).toBe(false);
  });
});

describe("startWorkshopSchema", () => {
  it("takes an optional name and timer", () => {
    expect(startWorkshopSchema.parse({})).toEqual({});
    expect(startWorkshopSchema.parse({ name: " Q3 ", timerSeconds: 90 })).toEqual({ name: "Q3", timerSeconds: 90 });
    expect(startWorkshopSchema.parse({ timerSeconds: null })).toEqual({ timerSeconds: null });
  });

  it("refuses silly timers and unknown keys", () => {
    expect(startWorkshopSchema.safeParse({ timerSeconds: 3 }).success).toBe(false);
    expect(startWorkshopSchema.safeParse({ timerSeconds: 1.5 }).success).toBe(false);
    expect(startWorkshopSchema.safeParse({ agenda: [] }).success).toBe(false);
  });
});

describe("castVoteSchema", () => {
  it("normalises letters and accepts a skip", () => {
    expect(castVoteSchema.parse({ itemId: "i1", letters: { p1: "ar", p2: "" } })).toEqual({
      itemId: "i1",
      letters: { p1: "RA", p2: "" },
    });
    expect(castVoteSchema.parse({ itemId: "i1", skipped: true })).toEqual({ itemId: "i1", skipped: true });
  });

  it("refuses two Accountables, bad letters and a half-skip", () => {
    expect(castVoteSchema.safeParse({ itemId: "i1", letters: { p1: "A", p2: "A" } }).success).toBe(false);
    expect(castVoteSchema.safeParse({ itemId: "i1", letters: { p1: "X" } }).success).toBe(false);
    expect(castVoteSchema.safeParse({ itemId: "i1", skipped: false }).success).toBe(false);
    expect(castVoteSchema.safeParse({ itemId: "i1", letters: {}, skipped: true }).success).toBe(false);
  });
});

describe("workshopActionSchema", () => {
  it("parses each action", () => {
    expect(workshopActionSchema.parse({ type: "reveal", itemId: "i1" })).toEqual({ type: "reveal", itemId: "i1" });
    expect(workshopActionSchema.parse({ type: "decide", itemId: "i1", letters: { p1: "ra" }, advance: true })).toEqual({
      type: "decide",
      itemId: "i1",
      letters: { p1: "RA" },
      advance: true,
    });
    expect(workshopActionSchema.parse({ type: "reorder", itemId: "i1", afterId: null }).type).toBe("reorder");
    expect(workshopActionSchema.parse({ type: "next", fromItemId: null }).type).toBe("next");
    expect(workshopActionSchema.parse({ type: "end" })).toEqual({ type: "end" });
  });

  it("refuses unknown actions and stray keys", () => {
    expect(workshopActionSchema.safeParse({ type: "delete" }).success).toBe(false);
    expect(workshopActionSchema.safeParse({ type: "end", now: true }).success).toBe(false);
    expect(workshopActionSchema.safeParse({ type: "decide", itemId: "i1", letters: { a: "A", b: "RA" } }).success).toBe(
      false,
    );
  });
});
