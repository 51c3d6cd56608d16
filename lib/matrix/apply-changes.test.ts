import { describe, expect, it } from "vitest";
import { applyChangesToModel } from "./apply-changes";
import { cellKey, decodeMatrix, type MatrixDto } from "./dto";
import type { ChangeEntryDto, ChangesFeedDto } from "./live";
import { DEFAULT_SETTINGS } from "@/lib/raci/settings";

function model() {
  const dto: MatrixDto = {
    id: "m",
    teamId: "t",
    teamSlug: "team",
    name: "M",
    description: "",
    version: 1,
    updatedAt: "2026-01-01T00:00:00.000Z",
    settings: DEFAULT_SETTINGS,
    lastChangeId: 10,
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
    rows: [
      { id: "r1", title: "One", description: "", category: "", domain: null, version: 1 },
      { id: "r2", title: "Two", description: "", category: "", domain: null, version: 1 },
    ],
    cells: [[0, 0, "R", 3]],
  };
  return decodeMatrix(dto);
}

function change(id: number, entity: ChangeEntryDto["entity"], entityId: string, after: unknown = null): ChangeEntryDto {
  return {
    id,
    entity,
    entityId,
    action: "update",
    after,
    actorId: "u2",
    actorName: "Bob",
    createdAt: "2026-01-01T00:00:00.000Z",
  };
}

describe("applyChangesToModel", () => {
  it("patches the letters and version of changed cells, keeping rows and columns", () => {
    const m = model();
    const feed: ChangesFeedDto = {
      changes: [change(11, "cell", "r1|p1", "A"), change(12, "cell", "r2|p1", "C")],
      cells: [
        { rowId: "r1", personId: "p1", letters: "A", version: 4 },
        { rowId: "r2", personId: "p1", letters: "C", version: 1 },
      ],
      lastChangeId: 12,
    };
    const result = applyChangesToModel(m, feed);
    expect(result.kind).toBe("patched");
    if (result.kind !== "patched") return;
    expect(result.model.cells.get(cellKey("r1", "p1"))).toEqual({ letters: "A", version: 4 });
    expect(result.model.cells.get(cellKey("r2", "p1"))).toEqual({ letters: "C", version: 1 });
    expect(result.model.lastChangeId).toBe(12);
    expect(result.model.rows).toBe(m.rows);
    expect(result.model.columns).toBe(m.columns);
    // Immutable: the cached model is untouched.
    expect(m.cells.get(cellKey("r1", "p1"))).toEqual({ letters: "R", version: 3 });
  });

  it("keeps a cell the cache already has at that version or newer (our own write echoed back)", () => {
    const m = model();
    const feed: ChangesFeedDto = {
      changes: [change(11, "cell", "r1|p1", "I")],
      cells: [{ rowId: "r1", personId: "p1", letters: "I", version: 3 }],
      lastChangeId: 11,
    };
    const result = applyChangesToModel(m, feed);
    if (result.kind !== "patched") throw new Error("expected a patch");
    expect(result.model.cells).toBe(m.cells);
    expect(result.model.lastChangeId).toBe(11);
  });

  it("returns the very same model when the feed brings nothing new", () => {
    const m = model();
    const result = applyChangesToModel(m, { changes: [], cells: [], lastChangeId: 10 });
    expect(result).toEqual({ kind: "patched", model: m });
    if (result.kind === "patched") expect(result.model).toBe(m);
  });

  it("is idempotent: applying a feed twice equals applying it once", () => {
    const feed: ChangesFeedDto = {
      changes: [change(11, "cell", "r2|p1", "RA")],
      cells: [{ rowId: "r2", personId: "p1", letters: "RA", version: 2 }],
      lastChangeId: 11,
    };
    const once = applyChangesToModel(model(), feed);
    if (once.kind !== "patched") throw new Error("expected a patch");
    const twice = applyChangesToModel(once.model, feed);
    if (twice.kind !== "patched") throw new Error("expected a patch");
    expect(twice.model).toBe(once.model);
  });

  it("never moves the cursor back", () => {
    const m = model();
    const result = applyChangesToModel(m, { changes: [], cells: [], lastChangeId: 5 });
    if (result.kind !== "patched") throw new Error("expected a patch");
    expect(result.model.lastChangeId).toBe(10);
  });

  it.each(["row", "column", "matrix", "settings", "person"] as const)("asks for a reload on a %s change", (entity) => {
    const feed: ChangesFeedDto = {
      changes: [change(11, "cell", "r1|p1", "A"), change(12, entity, "x")],
      cells: [{ rowId: "r1", personId: "p1", letters: "A", version: 4 }],
      lastChangeId: 12,
    };
    expect(applyChangesToModel(model(), feed)).toEqual({ kind: "reload" });
  });

  it("asks for a reload when the server says there were too many changes", () => {
    expect(applyChangesToModel(model(), { tooMany: true, lastChangeId: 900 })).toEqual({ kind: "reload" });
  });
});
