import { describe, expect, it } from "vitest";
import { makeLargeMatrix } from "./bench-findings";
import { isCanonicalLetters } from "./letters";

describe("makeLargeMatrix", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    expect(makeLargeMatrix(50, 10, 0.3, 1)).toEqual(makeLargeMatrix(50, 10, 0.3, 1));
    expect(makeLargeMatrix(50, 10, 0.3, 1).cells).not.toEqual(makeLargeMatrix(50, 10, 0.3, 2).cells);
  });

  it("has the requested size, about the requested fill, and canonical letters", () => {
    const m = makeLargeMatrix(1000, 100, 0.3, 42);
    expect(m.rows).toHaveLength(1000);
    expect(m.columns).toHaveLength(100);
    let filled = 0;
    for (const row of m.rows) {
      for (const letters of Object.values(m.cells[row.id] ?? {})) {
        expect(isCanonicalLetters(letters)).toBe(true);
        filled++;
      }
    }
    expect(filled / 100_000).toBeGreaterThan(0.28);
    expect(filled / 100_000).toBeLessThan(0.32);
    expect(m.columns[0]?.roleKinds).toEqual(["TECH_LEAD"]);
    expect(m.columns[1]?.roleKinds).toEqual(["ENGINEERING_MANAGER"]);
  });

  it("copes with degenerate sizes", () => {
    expect(makeLargeMatrix(0, 0, 0.3, 1).rows).toEqual([]);
    const none = makeLargeMatrix(5, 5, 0, 1);
    expect(Object.values(none.cells).every((c) => Object.keys(c).length === 0)).toBe(true);
  });
});
