import { describe, expect, it } from "vitest";
import { conflictMessage } from "./conflict-message";

const names = {
  rowTitle: (id: string) => (id === "r1" ? "Code Reviews and Feedback" : "Hiring"),
  columnName: (id: string) => (id === "p1" ? "Tech Lead" : "Engineering Manager"),
};
const sam = { id: "u2", name: "Sam Lee" };

describe("conflictMessage", () => {
  it("names who changed which cell to what", () => {
    expect(
      conflictMessage([{ responsibilityId: "r1", personId: "p1", letters: "RA", updatedBy: sam }], names, "u1"),
    ).toBe("Sam Lee changed Code Reviews and Feedback × Tech Lead to R/A.");
  });

  it("says cleared for an empty cell and Someone for an unknown author", () => {
    expect(
      conflictMessage([{ responsibilityId: "r2", personId: "p2", letters: "", updatedBy: null }], names, "u1"),
    ).toBe("Someone cleared Hiring × Engineering Manager.");
  });

  it("recognises the current user in another tab", () => {
    expect(
      conflictMessage(
        [{ responsibilityId: "r1", personId: "p1", letters: "C", updatedBy: { id: "u1", name: "Me" } }],
        names,
        "u1",
      ),
    ).toMatch(/^You \(in another tab or window\) changed/);
  });

  it("summarises several cells", () => {
    const cells = [
      { responsibilityId: "r1", personId: "p1", letters: "R", updatedBy: sam },
      { responsibilityId: "r2", personId: "p1", letters: "C", updatedBy: sam },
    ];
    expect(conflictMessage(cells, names, "u1")).toBe(
      "Sam Lee changed 2 of these cells meanwhile; the grid shows their letters now.",
    );
  });
});
