import { describe, expect, it } from "vitest";
import { PRESENCE_PALETTE, initialsOf, presenceColor } from "./presence-style";

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe("presence colours", () => {
  it.each(PRESENCE_PALETTE)("%s carries white initials and stands out on light and dark", (color) => {
    expect(contrast(color, "#ffffff")).toBeGreaterThanOrEqual(4.5); // white text on it; also ≥ 3 against a white page
    expect(contrast(color, "#020617")).toBeGreaterThanOrEqual(3); // slate-950, the dark page
    expect(contrast(color, "#0f172a")).toBeGreaterThanOrEqual(3); // slate-900, dark panels
  });

  it("picks the same colour for the same user, and spreads users over the palette", () => {
    expect(presenceColor("cmabc123")).toBe(presenceColor("cmabc123"));
    const used = new Set(Array.from({ length: 200 }, (_, i) => presenceColor(`user-${i}`)));
    expect(used.size).toBe(PRESENCE_PALETTE.length);
  });
});

describe("initialsOf", () => {
  it.each([
    ["Ada Lovelace", "AL"],
    ["Grace Brewster Murray Hopper", "GH"],
    ["plato", "PL"],
    ["  émile   zola ", "ÉZ"],
    ["Łukasz", "ŁU"],
    ["😀 Smile", "😀S"],
    ["", "?"],
  ])("%s → %s", (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
});
