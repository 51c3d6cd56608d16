import { describe, expect, it } from "vitest";
import { decodeMatrix, type MatrixDto, type RowDto } from "@/lib/matrix/dto";
import { cloneDefaults } from "@/lib/raci/settings";
import { afterIdForBefore, insertRow, moveRow, patchCells, patchPerson, readCell, removeRow } from "./model-patches";
import { PendingCells } from "./pending-cells";
import { planCellWrite, rollbackUpdates } from "./use-cell-mutation";

const row = (id: string): RowDto => ({ id, title: id, description: "", category: "", domain: null, version: 1 });

function model() {
  const dto: MatrixDto = {
    id: "m1",
    teamId: "t1",
    teamSlug: "t",
    name: "M",
    description: "",
    version: 1,
    updatedAt: "2025-01-01T00:00:00.000Z",
    settings: cloneDefaults(),
    lastChangeId: 0,
    columns: [
      {
        id: "c1",
        personId: "p1",
        name: "Tech Lead",
        roleTitle: "Tech Lead",
        roleKinds: ["TECH_LEAD"],
        kindsManual: false,
        isVacant: true,
        codingShare: null,
        userId: null,
        version: 1,
        personVersion: 3,
      },
    ],
    rows: [row("r1"), row("r2"), row("r3")],
    cells: [[0, 0, "RA", 2]],
  };
  return decodeMatrix(dto);
}

describe("patchCells", () => {
  it("copies the map once and keeps rows and columns", () => {
    const m = model();
    const next = patchCells(m, [
      { rowId: "r1", personId: "p1", letters: "C" },
      { rowId: "r2", personId: "p1", letters: "I", version: 1 },
    ]);
    expect(next).not.toBe(m);
    expect(next.rows).toBe(m.rows);
    expect(next.columns).toBe(m.columns);
    expect(readCell(next, "r1", "p1")).toEqual({ letters: "C", version: 2 });
    expect(readCell(next, "r2", "p1")).toEqual({ letters: "I", version: 1 });
    expect(readCell(m, "r1", "p1")).toEqual({ letters: "RA", version: 2 });
  });

  it("returns the same model when nothing changes", () => {
    const m = model();
    expect(patchCells(m, [{ rowId: "r1", personId: "p1", letters: "RA" }])).toBe(m);
    expect(patchCells(m, [])).toBe(m);
  });
});

describe("row patches", () => {
  it("moves, removes and re-inserts rows", () => {
    const m = model();
    expect(moveRow(m, "r3", null).rows.map((r) => r.id)).toEqual(["r3", "r1", "r2"]);
    expect(moveRow(m, "r1", "r2").rows.map((r) => r.id)).toEqual(["r2", "r1", "r3"]);
    const removed = removeRow(m, "r2");
    expect(removed.rows.map((r) => r.id)).toEqual(["r1", "r3"]);
    expect(insertRow(removed, row("r2"), "r1").rows.map((r) => r.id)).toEqual(["r1", "r2", "r3"]);
    expect(insertRow(m, row("r4")).rows.map((r) => r.id)).toEqual(["r1", "r2", "r3", "r4"]);
  });

  it("computes afterId for 'above that row'", () => {
    const rows = model().rows;
    expect(afterIdForBefore(rows, "r3", "r1")).toBeNull();
    expect(afterIdForBefore(rows, "r3", "r2")).toBe("r1");
    expect(afterIdForBefore(rows, "r1", "r3")).toBe("r2");
  });

  it("copies a person into their columns", () => {
    const next = patchPerson(model(), {
      id: "p1",
      name: "Sam Lee",
      roleTitle: "Tech Lead",
      roleKinds: ["TECH_LEAD"],
      kindsManual: false,
      isVacant: false,
      codingShare: 40,
      userId: null,
      version: 4,
    });
    expect(next.columns[0]).toMatchObject({
      name: "Sam Lee",
      isVacant: false,
      codingShare: 40,
      personVersion: 4,
      version: 1,
    });
  });
});

describe("cell write planning", () => {
  it("drops no-ops, normalizes letters and records the base version", () => {
    const m = model();
    expect(
      planCellWrite(m, [
        { rowId: "r1", personId: "p1", letters: "ar" },
        { rowId: "r2", personId: "p1", letters: "i" },
        { rowId: "r2", personId: "p1", letters: "c" },
      ]),
    ).toEqual([{ rowId: "r2", personId: "p1", before: "", after: "C", baseVersion: 0 }]);
  });

  it("rolls back only cells still showing our letters", () => {
    const m = patchCells(model(), [{ rowId: "r2", personId: "p1", letters: "C" }]);
    expect(
      rollbackUpdates(m, [
        { rowId: "r1", personId: "p1", before: "", after: "R" },
        { rowId: "r2", personId: "p1", before: "", after: "C" },
      ]),
    ).toEqual([{ rowId: "r2", personId: "p1", letters: "" }]);
  });
});

describe("PendingCells", () => {
  it("chains our own version bumps", () => {
    const p = new PendingCells();
    expect(p.resolveVersion("k", 3)).toBe(3);
    p.recordBump("k", 3, 4);
    p.recordBump("k", 4, 5);
    expect(p.resolveVersion("k", 3)).toBe(5);
    expect(p.resolveVersion("k", 7)).toBe(7);
  });

  it("counts writes in flight per cell", () => {
    const p = new PendingCells();
    p.begin("k", "R");
    p.begin("k", "RA");
    expect(p.end("k")).toBe(false);
    expect(p.isPending("k")).toBe(true);
    expect(p.end("k")).toBe(true);
    expect(p.isPending("k")).toBe(false);
  });

  it("lists acknowledged versions the model does not show yet", () => {
    const p = new PendingCells();
    p.acknowledge("r1|p1", "RA", 3);
    p.acknowledge("r2|p1", "C", 1);
    // r1|p1 is at version 2 in the model, r2|p1 was never written (0).
    expect(p.lateVersions(model())).toEqual([
      { key: "r1|p1", version: 3 },
      { key: "r2|p1", version: 1 },
    ]);
    expect(p.lateVersions(patchCells(model(), [{ rowId: "r1", personId: "p1", version: 3 }]))).toEqual([
      { key: "r2|p1", version: 1 },
    ]);
  });

  it("overlays in-flight letters and newer acknowledged writes on a refetch", () => {
    const p = new PendingCells();
    p.begin("r2|p1", "I");
    p.acknowledge("r1|p1", "C", 3);
    const m = p.overlay(model());
    expect(readCell(m, "r2", "p1")).toEqual({ letters: "I", version: 0 });
    expect(readCell(m, "r1", "p1")).toEqual({ letters: "C", version: 3 });
    p.end("r2|p1");
    // Once the server shows our version, the fetched value wins again.
    const fresh = patchCells(model(), [{ rowId: "r1", personId: "p1", letters: "R", version: 4 }]);
    expect(readCell(p.overlay(fresh), "r1", "p1")).toEqual({ letters: "R", version: 4 });
  });
});
