import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/raci/settings";
import {
  cellDiffIndex,
  contentOfModel,
  decodeRowDiffs,
  diffLabel,
  diffSnapshots,
  encodeRowDiffs,
} from "./snapshot-diff";
import type { SnapshotContent } from "./snapshot";

const row = (id: string, title = id) => ({ id, title, description: "", category: "", domain: null });
const col = (personId: string, name = personId) => ({ personId, name, roleTitle: "", roleKinds: [] });

function content(p: Partial<SnapshotContent>): SnapshotContent {
  return { v: 1, name: "M", settings: DEFAULT_SETTINGS, rows: [], columns: [], cells: [], ...p };
}

describe("diffSnapshots", () => {
  const base = content({
    rows: [row("r1", "Code reviews"), row("r2", "Deploys")],
    columns: [col("p1", "Tech Lead"), col("p2", "EM")],
    cells: [
      [0, 0, "R"],
      [1, 1, "A"],
      [0, 1, "C"],
    ],
  });

  it("finds nothing between equal contents", () => {
    const d = diffSnapshots(base, base);
    expect(d.total).toBe(0);
    expect(d.cells).toEqual([]);
  });

  it("classifies added, removed and changed cells", () => {
    const now = content({
      ...base,
      cells: [
        [0, 0, "A"],
        [1, 0, "I"],
        [0, 1, "C"],
      ],
    });
    const d = diffSnapshots(base, now);
    expect(d.cells.map((c) => [c.rowTitle, c.personName, c.kind, c.before, c.after])).toEqual([
      ["Code reviews", "Tech Lead", "changed", "R", "A"],
      ["Deploys", "Tech Lead", "added", "", "I"],
      ["Deploys", "EM", "removed", "A", ""],
    ]);
    expect(d.total).toBe(3);
  });

  it("matches cells by ids, not by position", () => {
    // Same content with rows and columns in another order.
    const reordered = content({
      rows: [row("r2", "Deploys"), row("r1", "Code reviews")],
      columns: [col("p2", "EM"), col("p1", "Tech Lead")],
      cells: [
        [1, 1, "R"],
        [0, 0, "A"],
        [1, 0, "C"],
      ],
    });
    expect(diffSnapshots(base, reordered).total).toBe(0);
  });

  it("lists rows added, removed, renamed and edited, and columns added and removed", () => {
    const now = content({
      rows: [row("r1", "Code review"), { ...row("r3", "On-call") }],
      columns: [col("p1", "Tech Lead"), col("p3", "PM")],
      cells: [[0, 0, "R"]],
    });
    const d = diffSnapshots(base, now);
    expect(d.rowsAdded.map((r) => r.title)).toEqual(["On-call"]);
    expect(d.rowsRemoved.map((r) => r.title)).toEqual(["Deploys"]);
    expect(d.rowsRenamed).toEqual([{ id: "r1", before: "Code reviews", after: "Code review" }]);
    expect(d.columnsAdded.map((c) => c.name)).toEqual(["PM"]);
    expect(d.columnsRemoved.map((c) => c.name)).toEqual(["EM"]);
    // The cells of the removed row and column are removed too.
    expect(d.cells.map((c) => [c.rowTitle, c.personName, c.kind])).toEqual([
      ["Code review", "EM", "removed"],
      ["Deploys", "EM", "removed"],
    ]);
  });

  it("notices edited row fields and settings", () => {
    const now = content({
      ...base,
      rows: [{ ...row("r1", "Code reviews"), category: "Quality" }, row("r2", "Deploys")],
      settings: { ...DEFAULT_SETTINGS, maxResponsible: 7 },
    });
    const d = diffSnapshots(base, now);
    expect(d.rowsEdited).toEqual([{ id: "r1", title: "Code reviews", fields: ["category"] }]);
    expect(d.settingsChanged).toBe(true);
  });

  it("indexes cell differences by cell key", () => {
    const d = diffSnapshots(base, content({ ...base, cells: [] }));
    const index = cellDiffIndex(d);
    expect(index.get("r1|p1")?.kind).toBe("removed");
    expect(cellDiffIndex(null).size).toBe(0);
  });
});

describe("contentOfModel", () => {
  it("turns the cached model into snapshot content, filled cells only", () => {
    const c = contentOfModel({
      name: "M",
      settings: DEFAULT_SETTINGS,
      rows: [{ ...row("r1"), version: 1 }],
      columns: [
        {
          id: "c1",
          personId: "p1",
          name: "TL",
          roleTitle: "",
          roleKinds: [],
          kindsManual: false,
          isVacant: false,
          codingShare: null,
          userId: null,
          version: 1,
          personVersion: 1,
        },
      ],
      cells: new Map([
        ["r1|p1", { letters: "RA", version: 3 }],
        ["r1|gone", { letters: "C", version: 1 }],
        ["r1|p2", { letters: "", version: 2 }],
      ]),
    });
    expect(c.cells).toEqual([[0, 0, "RA"]]);
    expect(c.columns).toEqual([{ personId: "p1", name: "TL", roleTitle: "", roleKinds: [] }]);
  });
});

describe("row diff encoding", () => {
  it("round-trips the marks of a row's rendered columns", () => {
    const index = new Map([
      [
        "r1|p2",
        {
          rowId: "r1",
          personId: "p2",
          rowTitle: "",
          personName: "",
          kind: "changed" as const,
          before: "R",
          after: "A",
        },
      ],
      [
        "r1|p3",
        { rowId: "r1", personId: "p3", rowTitle: "", personName: "", kind: "added" as const, before: "", after: "CI" },
      ],
    ]);
    const encoded = encodeRowDiffs(index, "r1", ["p1", "p2", "p3"]);
    expect(encoded).toBe("|cR:A|a:CI");
    expect(decodeRowDiffs(encoded)).toEqual([
      undefined,
      { kind: "changed", before: "R", after: "A" },
      { kind: "added", before: "", after: "CI" },
    ]);
    expect(encodeRowDiffs(index, "r2", ["p1"])).toBe("");
  });
  it("words the accessible text", () => {
    expect(diffLabel({ kind: "changed", before: "R", after: "A" })).toBe("changed from R to A");
    expect(diffLabel({ kind: "added", before: "", after: "RA" })).toBe("added R/A, was empty");
    expect(diffLabel({ kind: "removed", before: "C", after: "" })).toBe("removed, was C");
  });
});
