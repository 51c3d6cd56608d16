import { describe, expect, it } from "vitest";
import type { Finding, RaciColumn, RaciRow } from "./types";
import {
  UNCATEGORIZED_LABEL,
  assignmentsByLetter,
  categoryKey,
  filterView,
  groupRowsByCategory,
  personAssignments,
  type NamedMatrix,
} from "./view";

function row(id: string, category: string, domain: RaciRow["domain"] = null): RaciRow {
  return { id, title: `Title ${id}`, description: "", category, domain };
}

function column(id: string): RaciColumn {
  return { id, name: id.toUpperCase(), roleTitle: "", roleKinds: [], isVacant: false, codingShare: null };
}

describe("groupRowsByCategory", () => {
  it("groups in order of first appearance, keeping row order, uncategorized last", () => {
    const rows = [row("1", "Ops"), row("2", ""), row("3", "People"), row("4", "Ops "), row("5", "  "), row("6", "ops")];
    const groups = groupRowsByCategory(rows);
    expect(groups.map((g) => [g.category, g.label, g.rows.map((r) => r.id)])).toEqual([
      ["Ops", "Ops", ["1", "4"]],
      ["People", "People", ["3"]],
      ["ops", "ops", ["6"]],
      ["", UNCATEGORIZED_LABEL, ["2", "5"]],
    ]);
  });

  it("returns no groups for no rows, and no uncategorized group when every row has a category", () => {
    expect(groupRowsByCategory([])).toEqual([]);
    expect(groupRowsByCategory([row("1", "A")]).map((g) => g.label)).toEqual(["A"]);
  });

  it("categoryKey trims and tolerates missing values", () => {
    expect(categoryKey("  Ops ")).toBe("Ops");
    expect(categoryKey(undefined)).toBe("");
    expect(categoryKey(null)).toBe("");
  });
});

describe("filterView", () => {
  const rows = [row("s", "Tech", "SYSTEM"), row("p", "Team", "PEOPLE"), row("x", "", "SHARED"), row("n", "Tech", null)];
  const columns = [column("a"), column("b"), column("c")];
  const findings: Finding[] = [
    { code: "NO_ACCOUNTABLE", severity: "error", responsibilityId: "p", message: "" },
    { code: "PERSON_UNASSIGNED", severity: "info", personId: "c", message: "" },
  ];

  it("shows everything without a filter or with empty lists", () => {
    expect(filterView({ rows, columns })).toEqual({ rows, columns });
    expect(filterView({ rows, columns }, { categories: [], domains: [], columnIds: [] })).toEqual({ rows, columns });
  });

  it("filters by category, including uncategorized", () => {
    expect(filterView({ rows, columns }, { categories: ["Tech "] }).rows.map((r) => r.id)).toEqual(["s", "n"]);
    expect(filterView({ rows, columns }, { categories: [""] }).rows.map((r) => r.id)).toEqual(["x"]);
  });

  it("filters by domain, null meaning no domain", () => {
    expect(filterView({ rows, columns }, { domains: ["SYSTEM", "SHARED"] }).rows.map((r) => r.id)).toEqual(["s", "x"]);
    expect(filterView({ rows, columns }, { domains: [null] }).rows.map((r) => r.id)).toEqual(["n"]);
  });

  it("filters columns by id, keeping column order", () => {
    expect(filterView({ rows, columns }, { columnIds: ["c", "a"] }).columns.map((c) => c.id)).toEqual(["a", "c"]);
  });

  it("keeps only rows with a finding when asked", () => {
    expect(filterView({ rows, columns }, { onlyWithFindings: true }, findings).rows.map((r) => r.id)).toEqual(["p"]);
    expect(filterView({ rows, columns }, { onlyWithFindings: true }).rows).toEqual([]);
    expect(filterView({ rows, columns }, { onlyWithFindings: false }, findings).rows).toEqual(rows);
  });

  it("combines dimensions", () => {
    const out = filterView({ rows, columns }, { categories: ["Tech"], domains: ["SYSTEM"], columnIds: ["b"] });
    expect(out.rows.map((r) => r.id)).toEqual(["s"]);
    expect(out.columns.map((c) => c.id)).toEqual(["b"]);
  });
});

describe("personAssignments", () => {
  const matrices: NamedMatrix[] = [
    {
      id: "m1",
      name: "Tech Lead vs Engineering Manager",
      rows: [row("r1", "Tech", "SYSTEM"), row("r2", "Team", "PEOPLE"), row("r3", "Team", "PEOPLE")],
      cells: { r1: { ana: "RA", ben: "I" }, r2: { ana: "c" }, r3: { ana: "", ben: "RA" }, ghost: { ana: "A" } },
    },
    { id: "m2", name: "Incident response", rows: [row("q1", "Ops")], cells: { q1: { ana: "I" } } },
    { id: "m3", name: "Empty", rows: [], cells: {} },
  ];

  it("lists what a person holds, in matrix then row order, skipping empty cells and unknown rows", () => {
    expect(personAssignments(matrices, "ana")).toEqual([
      {
        matrixId: "m1",
        matrixName: "Tech Lead vs Engineering Manager",
        rowId: "r1",
        rowTitle: "Title r1",
        category: "Tech",
        domain: "SYSTEM",
        letters: "RA",
      },
      {
        matrixId: "m1",
        matrixName: "Tech Lead vs Engineering Manager",
        rowId: "r2",
        rowTitle: "Title r2",
        category: "Team",
        domain: "PEOPLE",
        letters: "C",
      },
      {
        matrixId: "m2",
        matrixName: "Incident response",
        rowId: "q1",
        rowTitle: "Title q1",
        category: "Ops",
        domain: null,
        letters: "I",
      },
    ]);
  });

  it("returns nothing for someone with no letters", () => {
    expect(personAssignments(matrices, "zoe")).toEqual([]);
    expect(personAssignments(matrices, "toString")).toEqual([]);
  });

  it("splits by letter, an RA cell counting for both", () => {
    const byLetter = assignmentsByLetter(personAssignments(matrices, "ana"));
    expect(byLetter.R.map((a) => a.rowId)).toEqual(["r1"]);
    expect(byLetter.A.map((a) => a.rowId)).toEqual(["r1"]);
    expect(byLetter.C.map((a) => a.rowId)).toEqual(["r2"]);
    expect(byLetter.I.map((a) => a.rowId)).toEqual(["q1"]);
  });
});
