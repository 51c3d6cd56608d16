import { describe, expect, it } from "vitest";
import {
  describeChange,
  describeGroup,
  formatWhen,
  toFeedItems,
  type HistoryEntryDto,
  type HistoryLabels,
} from "./history";

const labels: HistoryLabels = {
  rows: { r1: "Code reviews" },
  people: { p1: "Tech Lead", p2: "Ana" },
  columns: { c1: "p1" },
};

let id = 1;
function entry(p: Partial<HistoryEntryDto>): HistoryEntryDto {
  return {
    id: id++,
    groupId: "g",
    origin: "edit",
    revertsGroupId: null,
    entity: "cell",
    entityId: "r1|p1",
    action: "update",
    before: "R",
    after: "A",
    actorId: "u1",
    actorName: "Ana",
    createdAt: "2026-01-01T00:00:00.000Z",
    ...p,
  };
}

describe("describeChange", () => {
  it("words a cell change with before and after", () => {
    expect(describeChange(entry({}), labels)).toBe("set Tech Lead on Code reviews: R → A");
    expect(describeChange(entry({ before: "", after: "RA" }), labels)).toBe(
      "set Tech Lead on Code reviews: empty → R/A",
    );
  });
  it("words row changes", () => {
    const row = { entity: "row", entityId: "r1" };
    expect(describeChange(entry({ ...row, action: "create", before: null, after: { title: "X" } }), labels)).toBe(
      "added row “X”",
    );
    expect(describeChange(entry({ ...row, action: "delete", before: null, after: null }), labels)).toBe(
      "deleted row “Code reviews”",
    );
    expect(
      describeChange(entry({ ...row, action: "update", before: { title: "A" }, after: { title: "B" } }), labels),
    ).toBe("renamed row “A” to “B”");
    expect(
      describeChange(
        entry({
          ...row,
          action: "update",
          before: { title: "A", description: "", category: "x" },
          after: { title: "A", description: "d", category: "x" },
        }),
        labels,
      ),
    ).toBe("changed the description of row “A”");
  });
  it("words column, settings and restore changes", () => {
    expect(
      describeChange(entry({ entity: "column", entityId: "c1", action: "delete", before: null, after: null }), labels),
    ).toBe("removed Tech Lead from the matrix");
    expect(describeChange(entry({ entity: "settings", entityId: "m" }), labels)).toBe("changed the rule settings");
    expect(describeChange(entry({ entity: "matrix", entityId: "m", action: "create" }), labels)).toBe(
      "created the matrix",
    );
    expect(
      describeChange(entry({ entity: "matrix", entityId: "m", action: "restore", after: { name: "v1" } }), labels),
    ).toBe("restored snapshot “v1”");
  });
});

describe("describeGroup", () => {
  it("puts the author first for an edit", () => {
    expect(describeGroup([entry({})], labels)?.headline).toBe("Ana set Tech Lead on Code reviews: R → A");
  });
  it("says undo, redo and workshop decisions", () => {
    expect(describeGroup([entry({ origin: "undo" })], labels)?.headline).toBe(
      "Undo by Ana: set Tech Lead on Code reviews: R → A",
    );
    expect(describeGroup([entry({ origin: "redo" })], labels)?.headline).toMatch(/^Redo by Ana: /);
    expect(describeGroup([entry({ origin: "workshop" })], labels)?.headline).toMatch(/^Workshop decision by Ana: /);
  });
  it("summarises a group of several cells with details", () => {
    const item = describeGroup([entry({}), entry({ entityId: "r1|p2", before: "", after: "C" })], labels);
    expect(item?.headline).toBe("Ana changed 2 cells");
    expect(item?.details).toEqual(["set Tech Lead on Code reviews: R → A", "set Ana on Code reviews: empty → C"]);
  });
  it("names the snapshot of a restore", () => {
    const item = describeGroup(
      [
        entry({ origin: "restore", entity: "matrix", entityId: "m", action: "restore", after: { name: "v1" } }),
        entry({ origin: "restore" }),
      ],
      labels,
    );
    expect(item?.headline).toBe("Ana restored snapshot “v1”");
    expect(item?.details).toEqual(["set Tech Lead on Code reviews: R → A"]);
  });
});

describe("toFeedItems", () => {
  it("groups entries and orders the groups newest first", () => {
    const a = entry({ groupId: "a" });
    const b1 = entry({ groupId: "b" });
    const b2 = entry({ groupId: "b", entityId: "r1|p2" });
    const items = toFeedItems([b2, b1, a], labels);
    expect(items.map((i) => [i.groupId, i.id])).toEqual([
      ["b", b2.id],
      ["a", a.id],
    ]);
  });
});

describe("formatWhen", () => {
  const now = new Date("2026-01-01T12:00:00.000Z");
  it("words recent times", () => {
    expect(formatWhen("2026-01-01T11:59:50.000Z", now)).toBe("just now");
    expect(formatWhen("2026-01-01T11:55:00.000Z", now)).toBe("5 min ago");
    expect(formatWhen("2026-01-01T09:00:00.000Z", now)).toBe("3 h ago");
    expect(formatWhen("2025-12-20T09:00:00.000Z", now)).toMatch(/Dec 2025/);
  });
});
