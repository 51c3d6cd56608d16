import { describe, expect, it } from "vitest";
import { hasNul } from "./nul";

describe("hasNul", () => {
  it("finds U+0000 in strings, keys and nested values", () => {
    expect(hasNul("a\u0000b")).toBe(true);
    expect(hasNul({ a: ["x", { b: "\u0000" }] })).toBe(true);
    expect(hasNul({ ["k\u0000"]: 1 })).toBe(true);
    expect(hasNul({ a: ["x", { b: "\\u0000" }], n: 0, z: null })).toBe(false);
    expect(hasNul("plain")).toBe(false);
  });
});
