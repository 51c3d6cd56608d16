import { describe, expect, it } from "vitest";
import { POSITION_STEP, placeAfter, positionAfter, spacedPositions } from "./positions";

const rows = [
  { id: "a", position: 1024 },
  { id: "b", position: 2048 },
  { id: "c", position: 3072 },
];

describe("positionAfter", () => {
  it("appends when afterId is undefined", () => {
    expect(positionAfter(rows, undefined).position).toBe(3072 + POSITION_STEP);
  });
  it("puts first with afterId null, before the first row", () => {
    const p = positionAfter(rows, null).position;
    expect(p).toBeLessThan(1024);
  });
  it("puts between neighbours", () => {
    expect(positionAfter(rows, "a").position).toBe(1536);
  });
  it("appends after the last row", () => {
    expect(positionAfter(rows, "c").position).toBe(3072 + POSITION_STEP);
  });
  it("handles an empty list and an unknown id", () => {
    expect(positionAfter([], null).position).toBe(POSITION_STEP);
    expect(positionAfter(rows, "zzz").position).toBe(3072 + POSITION_STEP);
  });
  it("asks for renumbering when the gap is exhausted", () => {
    const tight = [
      { id: "a", position: 1 },
      { id: "b", position: 1 + 1e-10 },
    ];
    expect(positionAfter(tight, "a").renumber).toBe(true);
  });
  it("keeps order over many inserts into the same gap until renumbering", () => {
    let list = [...rows];
    for (let i = 0; i < 30; i++) {
      const { position, renumber } = positionAfter(list, "a");
      expect(renumber).toBe(false);
      list = [...list, { id: `n${i}`, position }].sort((x, y) => x.position - y.position);
    }
    expect(list[0]?.id).toBe("a");
    expect(list.at(-1)?.id).toBe("c");
  });
});

describe("spacedPositions", () => {
  it("spaces by the step", () => {
    expect(spacedPositions(3)).toEqual([1024, 2048, 3072]);
  });
});

describe("placeAfter", () => {
  it("writes nothing while there is room", async () => {
    const writes: [string, number][] = [];
    const p = await placeAfter(rows, "a", async (id, pos) => writes.push([id, pos]));
    expect(p).toBe(1536);
    expect(writes).toEqual([]);
  });
  it("renumbers every item in order when the gap is used up, then places between", async () => {
    const tight = [
      { id: "a", position: 1 },
      { id: "b", position: 1 + 1e-10 },
    ];
    const writes: [string, number][] = [];
    const p = await placeAfter(tight, "a", async (id, pos) => writes.push([id, pos]));
    expect(writes).toEqual([
      ["a", 1024],
      ["b", 2048],
    ]);
    expect(p).toBe(1536);
  });
});
