import { describe, expect, it } from "vitest";
import { makeLargeMatrix } from "./bench-findings";
import {
  MAX_FIX_CHOICES,
  applyFix,
  applyPatches,
  cellLetters,
  computeFindings,
  findingsByColumn,
  findingsByRow,
  summarizeFindings,
} from "./findings";
import { isCanonicalLetters } from "./letters";
import { FINDING_CODES, raciSettingsSchema, type RaciSettingsInput } from "./settings";
import type { Domain, Finding, FindingCode, Letters, RaciColumn, RaciMatrix, RoleKind } from "./types";

// ---- Builders: short, readable matrices.

function col(id: string, name: string, kinds: RoleKind[] = [], codingShare: number | null = null): RaciColumn {
  return { id, name, roleTitle: "", roleKinds: kinds, isVacant: false, codingShare };
}

const TESS = col("tl", "Tess", ["TECH_LEAD"]);
const EMIL = col("em", "Emil", ["ENGINEERING_MANAGER"]);
const DANA = col("dev", "Dana");
const DEV2 = col("dev2", "Dev Two");
const BO = col("bo", "Bo", ["TECH_LEAD", "ENGINEERING_MANAGER"]);

type RowSpec = [id: string, title: string, domain: Domain | null, cells: Record<string, Letters>];

function matrix(columns: RaciColumn[], rows: RowSpec[], settings: RaciSettingsInput = {}): RaciMatrix {
  const cells: RaciMatrix["cells"] = {};
  for (const [id, , , rowCells] of rows) cells[id] = { ...rowCells };
  return {
    columns,
    rows: rows.map(([id, title, domain]) => ({ id, title, description: "", category: "", domain })),
    cells,
    settings: raciSettingsSchema.parse(settings),
  };
}

/** [code, row, person] triples: compact and order-sensitive. */
function codes(m: RaciMatrix): [FindingCode, string | undefined, string | undefined][] {
  return computeFindings(m).map((f) => [f.code, f.responsibilityId, f.personId]);
}

function only(m: RaciMatrix, code: FindingCode): Finding[] {
  return computeFindings(m).filter((f) => f.code === code);
}

function one(m: RaciMatrix, code: FindingCode): Finding {
  const found = only(m, code);
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** A healthy TL/EM pair: one System row, one People row, one Shared row. */
function healthy(): RowSpec[] {
  return [
    ["sys", "Architecture and System Integration", "SYSTEM", { tl: "RA", em: "I" }],
    ["ppl", "One on Ones", "PEOPLE", { tl: "C", em: "RA" }],
    ["shr", "System Roadmap", "SHARED", { tl: "RA", em: "R" }],
  ];
}

describe("a healthy matrix", () => {
  it("has no findings", () => {
    expect(computeFindings(matrix([TESS, EMIL], healthy()))).toEqual([]);
  });
});

describe("NO_ACCOUNTABLE", () => {
  it("fires when nobody is A, as an error naming the row", () => {
    const m = matrix([TESS, EMIL, DANA], [["r1", "Code Reviews and Feedback", "SYSTEM", { dev: "R", em: "C" }]]);
    const f = one(m, "NO_ACCOUNTABLE");
    expect(f.severity).toBe("error");
    expect(f.responsibilityId).toBe("r1");
    expect(f.message).toContain("Code Reviews and Feedback");
  });

  it("offers one fix per column, the domain owner first, then whoever is R", () => {
    const m = matrix([EMIL, DANA, TESS], [["r1", "Code Reviews and Feedback", "SYSTEM", { dev: "R", em: "C" }]]);
    const f = one(m, "NO_ACCOUNTABLE");
    expect(f.fix?.map((x) => x.label)).toEqual([
      "Make Tess accountable",
      "Make Dana accountable",
      "Make Emil accountable",
    ]);
    // Existing letters are kept; the result is canonical.
    expect(f.fix?.[1]?.patches).toEqual([{ responsibilityId: "r1", personId: "dev", letters: "RA" }]);
    expect(f.fix?.[2]?.patches).toEqual([{ responsibilityId: "r1", personId: "em", letters: "AC" }]);
    expect(only(applyFix(m, f.fix![0]!), "NO_ACCOUNTABLE")).toEqual([]);
  });

  it("puts the Engineering Manager first on a People row", () => {
    const m = matrix([TESS, DANA, EMIL], [["r1", "One on Ones", "PEOPLE", { tl: "R" }]]);
    expect(one(m, "NO_ACCOUNTABLE").fix?.[0]?.label).toBe("Make Emil accountable");
  });

  it("does not fire when someone is A", () => {
    const m = matrix([DANA], [["r1", "Item", null, { dev: "RA" }]]);
    expect(only(m, "NO_ACCOUNTABLE")).toEqual([]);
  });

  it("offers at most MAX_FIX_CHOICES fixes on a wide matrix", () => {
    const many = Array.from({ length: 20 }, (_, i) => col(`p${i}`, `P${i}`));
    const m = matrix(many, [["r1", "Item", null, { p0: "R" }]]);
    expect(one(m, "NO_ACCOUNTABLE").fix).toHaveLength(MAX_FIX_CHOICES);
  });
});

describe("MULTIPLE_ACCOUNTABLE", () => {
  it("fires once when more than one column is A, naming them", () => {
    const m = matrix([DANA, DEV2], [["r1", "Release Notes", null, { dev: "RA", dev2: "A" }]]);
    const f = one(m, "MULTIPLE_ACCOUNTABLE");
    expect(f.severity).toBe("error");
    expect(f.message).toContain("Release Notes");
    expect(f.message).toContain("Dana and Dev Two");
  });

  it("offers 'Keep X as the only A', the others dropping A or becoming C", () => {
    const m = matrix([DANA, DEV2], [["r1", "Release Notes", null, { dev: "RA", dev2: "A" }]]);
    const f = one(m, "MULTIPLE_ACCOUNTABLE");
    expect(f.fix?.map((x) => x.label)).toEqual([
      "Keep Dana as the only A (Dev Two becomes C)",
      "Keep Dev Two as the only A (Dana keeps R)",
    ]);
    expect(f.fix?.[0]?.patches).toEqual([{ responsibilityId: "r1", personId: "dev2", letters: "C" }]);
    expect(f.fix?.[1]?.patches).toEqual([{ responsibilityId: "r1", personId: "dev", letters: "R" }]);
    for (const fix of f.fix!) expect(only(applyFix(m, fix), "MULTIPLE_ACCOUNTABLE")).toEqual([]);
  });

  it("summarises the others when there are many A's", () => {
    const many = Array.from({ length: 6 }, (_, i) => col(`p${i}`, `P${i}`));
    const cells = Object.fromEntries(many.map((c) => [c.id, "RA"]));
    const m = matrix(many, [["r1", "Item", null, cells]], { maxResponsible: 10 });
    const f = one(m, "MULTIPLE_ACCOUNTABLE");
    expect(f.message).toContain("6 people accountable");
    expect(f.fix?.[0]?.label).toBe(
      "Keep P0 as the only A (the 5 others drop A; anyone left without letters becomes C)",
    );
    expect(f.fix?.[0]?.patches).toHaveLength(5);
  });

  it("does not fire with exactly one A", () => {
    const m = matrix([DANA, DEV2], [["r1", "Item", null, { dev: "RA", dev2: "R" }]]);
    expect(only(m, "MULTIPLE_ACCOUNTABLE")).toEqual([]);
  });
});

describe("NO_RESPONSIBLE", () => {
  it("fires when nobody is R, saying that an A alone does the work only by accident", () => {
    const m = matrix([TESS, EMIL], [["r1", "Code Reviews and Feedback", "SYSTEM", { tl: "A", em: "C" }]]);
    const f = one(m, "NO_RESPONSIBLE");
    expect(f.severity).toBe("error");
    expect(f.message).toContain("Code Reviews and Feedback");
    expect(f.message).toContain("Tess is accountable");
    expect(f.message).toContain("only by accident");
  });

  it("offers to make the A responsible first, then others", () => {
    const m = matrix([TESS, EMIL], [["r1", "Code Reviews and Feedback", "SYSTEM", { tl: "A", em: "C" }]]);
    const f = one(m, "NO_RESPONSIBLE");
    expect(f.fix?.map((x) => x.label)).toEqual(["Make the A (Tess) also responsible", "Make Emil responsible"]);
    expect(f.fix?.[0]?.patches).toEqual([{ responsibilityId: "r1", personId: "tl", letters: "RA" }]);
    expect(f.fix?.[1]?.patches).toEqual([{ responsibilityId: "r1", personId: "em", letters: "RC" }]);
    for (const fix of f.fix!) expect(only(applyFix(m, fix), "NO_RESPONSIBLE")).toEqual([]);
  });

  it("still fires (without the 'the A' fix) when there is no A either", () => {
    const m = matrix([DANA], [["r1", "Item", null, { dev: "C" }]]);
    const f = one(m, "NO_RESPONSIBLE");
    expect(f.message).toContain("only by accident");
    expect(f.fix?.map((x) => x.label)).toEqual(["Make Dana responsible"]);
    expect(codes(m).map(([c]) => c)).toEqual(["NO_ACCOUNTABLE", "NO_RESPONSIBLE"]);
  });

  it("does not fire when someone is R", () => {
    const m = matrix([DANA, DEV2], [["r1", "Item", null, { dev: "A", dev2: "R" }]]);
    expect(only(m, "NO_RESPONSIBLE")).toEqual([]);
  });
});

describe("EMPTY_ROW", () => {
  it("replaces NO_ACCOUNTABLE and NO_RESPONSIBLE on a row without letters", () => {
    const m = matrix([TESS, EMIL], [["r1", "Technical Spikes and Experiments", "SYSTEM", {}], ...healthy()]);
    expect(codes(m)).toEqual([["EMPTY_ROW", "r1", undefined]]);
    const f = one(m, "EMPTY_ROW");
    expect(f.severity).toBe("error");
    expect(f.message).toContain("Technical Spikes and Experiments");
  });

  it("counts empty strings and missing cells as empty", () => {
    const m = matrix([TESS, EMIL], [["r1", "Item", null, { tl: "", em: "" }]]);
    m.rows.push({ id: "r2", title: "No cells at all", description: "", category: "", domain: null });
    expect(codes(m).filter(([c]) => c !== "PERSON_UNASSIGNED")).toEqual([
      ["EMPTY_ROW", "r1", undefined],
      ["EMPTY_ROW", "r2", undefined],
    ]);
  });

  it("suggests making the domain owner R/A first, and the fix clears the row's errors", () => {
    const m = matrix([TESS, EMIL], [["r1", "One on Ones", "PEOPLE", {}]]);
    const f = one(m, "EMPTY_ROW");
    expect(f.fix?.map((x) => x.label)).toEqual(["Make Emil R/A", "Make Tess R/A"]);
    expect(f.fix?.[0]?.patches).toEqual([{ responsibilityId: "r1", personId: "em", letters: "RA" }]);
    const fixed = computeFindings(applyFix(m, f.fix![0]!));
    expect(fixed.filter((x) => x.severity === "error")).toEqual([]);
  });

  it("does not shadow a SHARED-row exclusion when not empty", () => {
    const m = matrix([TESS, EMIL], [["r1", "Development Process", "SHARED", { tl: "RA" }]]);
    expect(only(m, "EMPTY_ROW")).toEqual([]);
  });

  it("gives the general rules back when switched off", () => {
    const m = matrix([DANA], [["r1", "Item", null, {}]], { disabledRules: ["EMPTY_ROW"] });
    expect(codes(m).map(([c]) => c)).toEqual(["NO_ACCOUNTABLE", "NO_RESPONSIBLE", "PERSON_UNASSIGNED"]);
    const silent = matrix([DANA], [["r1", "Item", null, {}]], {
      disabledRules: ["EMPTY_ROW", "NO_ACCOUNTABLE", "NO_RESPONSIBLE", "PERSON_UNASSIGNED"],
    });
    expect(computeFindings(silent)).toEqual([]);
  });
});

describe("TOO_MANY_RESPONSIBLE and TOO_MANY_CONSULTED", () => {
  const people = Array.from({ length: 7 }, (_, i) => col(`p${i}`, `P${i}`));

  function rowWith(r: number, c: number): Record<string, Letters> {
    const cells: Record<string, Letters> = { p0: "A" };
    for (let i = 1; i <= r; i++) cells[`p${i}`] = "R";
    for (let i = 1; i <= c; i++) cells[`p${i}`] = (cells[`p${i}`] ?? "") + "C";
    return cells;
  }

  it("warns above maxResponsible (3), not at it", () => {
    expect(only(matrix(people, [["r1", "Item", null, rowWith(3, 0)]]), "TOO_MANY_RESPONSIBLE")).toEqual([]);
    const f = one(matrix(people, [["r1", "Item", null, rowWith(4, 0)]]), "TOO_MANY_RESPONSIBLE");
    expect(f.severity).toBe("warning");
    expect(f.message).toContain("4 people responsible (P1, P2, P3 and P4)");
  });

  it("warns above maxConsulted (4), not at it, and says decisions slow down", () => {
    expect(only(matrix(people, [["r1", "Item", null, rowWith(1, 4)]]), "TOO_MANY_CONSULTED")).toEqual([]);
    const f = one(matrix(people, [["r1", "Item", null, rowWith(1, 5)]]), "TOO_MANY_CONSULTED");
    expect(f.severity).toBe("warning");
    expect(f.message).toContain("consults 5 people");
    expect(f.message).toContain("slow");
  });

  it("lists many names briefly", () => {
    const f = one(matrix(people, [["r1", "Item", null, rowWith(1, 6)]]), "TOO_MANY_CONSULTED");
    expect(f.message).toContain("(P1, P2, P3, P4 and 2 others)");
  });

  it("follows the configured thresholds", () => {
    expect(
      only(matrix(people, [["r1", "Item", null, rowWith(4, 0)]], { maxResponsible: 4 }), "TOO_MANY_RESPONSIBLE"),
    ).toEqual([]);
    expect(
      only(matrix(people, [["r1", "Item", null, rowWith(2, 0)]], { maxResponsible: 1 }), "TOO_MANY_RESPONSIBLE"),
    ).toHaveLength(1);
    expect(
      only(matrix(people, [["r1", "Item", null, rowWith(1, 2)]], { maxConsulted: 1 }), "TOO_MANY_CONSULTED"),
    ).toHaveLength(1);
  });
});

describe("PERSON_OVERLOADED", () => {
  /** `n` rows, where person i is A on `aCounts[i]` of them (in order); everyone else holds an I. */
  function loads(aCounts: number[], n: number, settings: RaciSettingsInput = {}): RaciMatrix {
    const people = aCounts.map((_, i) => col(`p${i}`, `P${i}`));
    const owners: number[] = aCounts.flatMap((count, i) => Array<number>(count).fill(i));
    const rows: RowSpec[] = [];
    for (let r = 0; r < n; r++) {
      const cells: Record<string, Letters> = {};
      for (let i = 0; i < people.length; i++) cells[`p${i}`] = "I";
      const owner = owners[r] ?? 0;
      cells[`p${owner}`] = "RA";
      rows.push([`r${r}`, `Item ${r}`, null, cells]);
    }
    return matrix(people, rows, settings);
  }

  it("share mode: warns above 40% with enough people, not at 40%", () => {
    const over = loads([5, 2, 1, 1, 1], 10);
    const f = one(over, "PERSON_OVERLOADED");
    expect(f.personId).toBe("p0");
    expect(f.severity).toBe("warning");
    expect(f.message).toContain("P0 is accountable for 5 of 10 items (50%)");
    expect(only(loads([4, 3, 1, 1, 1], 10), "PERSON_OVERLOADED")).toEqual([]);
  });

  it("share mode: a Tech Lead / Engineering Manager pair splitting the rows is not overloaded", () => {
    expect(only(loads([5, 5], 10), "PERSON_OVERLOADED")).toEqual([]);
    expect(only(loads([7, 3], 10), "PERSON_OVERLOADED")).toEqual([]);
  });

  it("share mode: with two people the limit is 75%, and the message says it was raised", () => {
    const f = one(loads([8, 2], 10), "PERSON_OVERLOADED");
    expect(f.message).toContain("(80%)");
    expect(f.message).toContain("75% limit (raised from 40% because only 2 people hold letters here)");
  });

  it("share mode: with three people the limit is 50%", () => {
    expect(only(loads([5, 3, 2], 10), "PERSON_OVERLOADED")).toEqual([]);
    expect(one(loads([6, 2, 2], 10), "PERSON_OVERLOADED").personId).toBe("p0");
  });

  it("share mode: a single person is never overloaded", () => {
    expect(only(loads([10], 10), "PERSON_OVERLOADED")).toEqual([]);
  });

  it("share mode: needs at least 5 rows", () => {
    expect(only(loads([4, 0, 0, 0, 0], 4), "PERSON_OVERLOADED")).toEqual([]);
    expect(one(loads([5, 0, 0, 0, 0], 5), "PERSON_OVERLOADED").personId).toBe("p0");
  });

  it("share mode: follows maxShare", () => {
    expect(only(loads([5, 2, 1, 1, 1], 10, { overload: { maxShare: 50 } }), "PERSON_OVERLOADED")).toEqual([]);
    expect(one(loads([4, 3, 1, 1, 1], 10, { overload: { maxShare: 30 } }), "PERSON_OVERLOADED").personId).toBe("p0");
  });

  it("count mode: warns above maxCount, whatever the team size or row count", () => {
    expect(only(loads([8, 1], 9, { overload: { mode: "count" } }), "PERSON_OVERLOADED")).toEqual([]);
    const f = one(loads([9], 9, { overload: { mode: "count" } }), "PERSON_OVERLOADED");
    expect(f.message).toContain("accountable for 9 items, more than the limit of 8");
    expect(one(loads([3, 1], 4, { overload: { mode: "count", maxCount: 2 } }), "PERSON_OVERLOADED").personId).toBe(
      "p0",
    );
  });
});

describe("PERSON_UNASSIGNED", () => {
  it("notes a column with no letters at all", () => {
    const m = matrix([DANA, DEV2], [["r1", "Item", null, { dev: "RA", dev2: "" }]]);
    const f = one(m, "PERSON_UNASSIGNED");
    expect(f.severity).toBe("info");
    expect(f.personId).toBe("dev2");
    expect(f.message).toContain("Dev Two");
  });

  it("does not fire for anyone holding a letter, or when there are no rows", () => {
    expect(only(matrix([DANA, DEV2], [["r1", "Item", null, { dev: "RA", dev2: "I" }]]), "PERSON_UNASSIGNED")).toEqual(
      [],
    );
    expect(computeFindings(matrix([DANA, DEV2], []))).toEqual([]);
  });
});

describe("TLEM_ROLE_MISSING", () => {
  it("warns when a matrix with TL/EM domains has no Engineering Manager", () => {
    const m = matrix([TESS, DANA], [["r1", "Architecture and System Integration", "SYSTEM", { tl: "RA", dev: "C" }]]);
    const f = one(m, "TLEM_ROLE_MISSING");
    expect(f.severity).toBe("warning");
    expect(f.message).toContain("no Engineering Manager");
    expect(f.message).toContain("Tess");
  });

  it("warns when there is no Tech Lead", () => {
    const m = matrix([EMIL, DANA], [["r1", "One on Ones", "PEOPLE", { em: "RA", dev: "I" }]]);
    expect(one(m, "TLEM_ROLE_MISSING").message).toContain("no Tech Lead");
  });

  it("warns when there is neither", () => {
    const m = matrix([DANA], [["r1", "System Roadmap", "SHARED", { dev: "RA" }]]);
    const f = one(m, "TLEM_ROLE_MISSING");
    expect(f.severity).toBe("warning");
    expect(f.message).toContain("no Tech Lead and no Engineering Manager");
  });

  it("is only a note when one person holds both roles", () => {
    const m = matrix([BO, DANA], [["r1", "Architecture and System Integration", "SYSTEM", { bo: "RA", dev: "R" }]]);
    const f = one(m, "TLEM_ROLE_MISSING");
    expect(f.severity).toBe("info");
    expect(f.personId).toBe("bo");
    expect(f.message).toContain("Bo is both the Tech Lead and the Engineering Manager");
    expect(f.message).toContain("small team");
  });

  it("is silent with a separate Tech Lead and Engineering Manager", () => {
    expect(only(matrix([TESS, EMIL], healthy()), "TLEM_ROLE_MISSING")).toEqual([]);
  });

  it("is silent when no row uses a TL/EM domain", () => {
    const m = matrix([DANA], [["r1", "Item", null, { dev: "RA" }]]);
    expect(computeFindings(m)).toEqual([]);
  });

  it("is reported last, after row and column findings", () => {
    const m = matrix([TESS, DANA], [["r1", "Architecture and System Integration", "SYSTEM", { tl: "A", dev: "" }]]);
    const list = codes(m).map(([c]) => c);
    expect(list).toEqual(["NO_RESPONSIBLE", "PERSON_UNASSIGNED", "TLEM_ROLE_MISSING"]);
  });
});

describe("TLEM_BOTH_ACCOUNTABLE", () => {
  it("reports the TL and the EM both A once, in those words, and not as MULTIPLE_ACCOUNTABLE", () => {
    const m = matrix([TESS, EMIL], [["r1", "Code Reviews and Feedback", "SYSTEM", { tl: "RA", em: "A" }]]);
    expect(codes(m)).toEqual([["TLEM_BOTH_ACCOUNTABLE", "r1", undefined]]);
    const f = one(m, "TLEM_BOTH_ACCOUNTABLE");
    expect(f.severity).toBe("error");
    expect(f.message).toContain("The Tech Lead (Tess) and the Engineering Manager (Emil) are both accountable");
    expect(f.message).toContain("Code Reviews and Feedback");
  });

  it("offers to keep either one as the only A", () => {
    const m = matrix([TESS, EMIL], [["r1", "Code Reviews and Feedback", "SYSTEM", { tl: "RA", em: "A" }]]);
    const f = one(m, "TLEM_BOTH_ACCOUNTABLE");
    expect(f.fix?.map((x) => x.label)).toEqual([
      "Keep Tess as the only A (Emil becomes C)",
      "Keep Emil as the only A (Tess keeps R)",
    ]);
    const kept = applyFix(m, f.fix![0]!);
    expect(cellLetters(kept, "r1", "em")).toBe("C");
    expect(computeFindings(kept)).toEqual([]);
  });

  it("mentions any other A as well, still once", () => {
    const m = matrix([TESS, EMIL, DANA], [["r1", "System Roadmap", "SHARED", { tl: "RA", em: "A", dev: "A" }]]);
    expect(codes(m)).toEqual([["TLEM_BOTH_ACCOUNTABLE", "r1", undefined]]);
    expect(one(m, "TLEM_BOTH_ACCOUNTABLE").message).toContain("Dana is also A");
  });

  it("falls back to MULTIPLE_ACCOUNTABLE when switched off", () => {
    const m = matrix([TESS, EMIL], [["r1", "Code Reviews and Feedback", "SYSTEM", { tl: "RA", em: "A" }]], {
      disabledRules: ["TLEM_BOTH_ACCOUNTABLE"],
    });
    expect(codes(m)).toEqual([["MULTIPLE_ACCOUNTABLE", "r1", undefined]]);
  });

  it("never calls one dual-role person 'both accountable'", () => {
    const alone = matrix([BO, DANA], [["r1", "Item", "SYSTEM", { bo: "RA", dev: "C" }]]);
    expect(only(alone, "TLEM_BOTH_ACCOUNTABLE")).toEqual([]);
    expect(only(alone, "MULTIPLE_ACCOUNTABLE")).toEqual([]);
    // A dual-role A next to a plain engineer's A is two A's, not a TL/EM conflict.
    const withDev = matrix([BO, DANA], [["r1", "Item", "SYSTEM", { bo: "RA", dev: "A" }]]);
    expect(codes(withDev).map(([c]) => c)).toEqual(["MULTIPLE_ACCOUNTABLE", "TLEM_ROLE_MISSING"]);
  });

  it("does count a dual-role A against a separate Tech Lead's A", () => {
    const m = matrix([TESS, BO], [["r1", "Item", "SYSTEM", { tl: "RA", bo: "A" }]]);
    expect(one(m, "TLEM_BOTH_ACCOUNTABLE").message).toContain(
      "The Tech Lead (Tess) and the Engineering Manager (Bo) are both accountable",
    );
  });
});

describe("TLEM_DOMAIN_MISMATCH", () => {
  it("warns on a System row owned by the Engineering Manager, naming the principle", () => {
    const m = matrix(
      [TESS, EMIL],
      [["r1", "Production Issues Escalation", "SYSTEM", { tl: "C", em: "RA" }], ...healthy()],
    );
    const f = one(m, "TLEM_DOMAIN_MISMATCH");
    expect(f.severity).toBe("warning");
    expect(f.responsibilityId).toBe("r1");
    expect(f.personId).toBe("em");
    expect(f.message).toContain("Production Issues Escalation");
    expect(f.message).toContain("the Engineering Manager (Emil) is accountable");
    expect(f.message).toContain("The Tech Lead is in charge of the System, the Engineering Manager of the People");
  });

  it("moves A to the Tech Lead; the old holder keeps other letters", () => {
    const m = matrix([TESS, EMIL], [["r1", "Production Issues Escalation", "SYSTEM", { tl: "C", em: "RA" }]]);
    const f = one(m, "TLEM_DOMAIN_MISMATCH");
    expect(f.fix?.map((x) => x.label)).toEqual(["Move A to the Tech Lead (Tess); Emil keeps R"]);
    expect(f.fix?.[0]?.patches).toEqual([
      { responsibilityId: "r1", personId: "tl", letters: "AC" },
      { responsibilityId: "r1", personId: "em", letters: "R" },
    ]);
    expect(only(applyFix(m, f.fix![0]!), "TLEM_DOMAIN_MISMATCH")).toEqual([]);
  });

  it("moves A to the Engineering Manager on a People row; an old holder left empty becomes C", () => {
    const m = matrix([TESS, EMIL, DANA], [["r1", "One on Ones", "PEOPLE", { tl: "A", dev: "R" }]]);
    const f = one(m, "TLEM_DOMAIN_MISMATCH");
    expect(f.personId).toBe("tl");
    expect(f.message).toContain("the Tech Lead (Tess) is accountable while there is an Engineering Manager (Emil)");
    expect(f.fix?.map((x) => x.label)).toEqual(["Move A to the Engineering Manager (Emil); Tess becomes C"]);
    expect(f.fix?.[0]?.patches).toEqual([
      { responsibilityId: "r1", personId: "em", letters: "A" },
      { responsibilityId: "r1", personId: "tl", letters: "C" },
    ]);
  });

  it("is silent without a Tech Lead to move to, for dual-role owners, and off TL/EM domains", () => {
    expect(only(matrix([EMIL], [["r1", "Item", "SYSTEM", { em: "RA" }]]), "TLEM_DOMAIN_MISMATCH")).toEqual([]);
    expect(only(matrix([BO, TESS], [["r1", "Item", "PEOPLE", { bo: "RA", tl: "C" }]]), "TLEM_DOMAIN_MISMATCH")).toEqual(
      [],
    );
    expect(
      only(matrix([TESS, EMIL], [["r1", "Item", "SHARED", { tl: "C", em: "RA" }]]), "TLEM_DOMAIN_MISMATCH"),
    ).toEqual([]);
    expect(only(matrix([TESS, EMIL], [["r1", "Item", null, { tl: "C", em: "RA" }]]), "TLEM_DOMAIN_MISMATCH")).toEqual(
      [],
    );
    expect(only(matrix([TESS, EMIL], healthy()), "TLEM_DOMAIN_MISMATCH")).toEqual([]);
  });

  it("is not added on top of an accountability error", () => {
    const m = matrix([TESS, EMIL, DANA], [["r1", "Item", "SYSTEM", { em: "RA", dev: "A" }]]);
    expect(only(m, "TLEM_DOMAIN_MISMATCH")).toEqual([]);
    expect(only(m, "MULTIPLE_ACCOUNTABLE")).toHaveLength(1);
  });
});

describe("TLEM_SHARED_EXCLUDED", () => {
  it("warns when the Engineering Manager has no letter on a Shared row, with an 'Add as C' fix", () => {
    const m = matrix([TESS, EMIL], [["r1", "Development Process", "SHARED", { tl: "RA" }], ...healthy()]);
    const f = one(m, "TLEM_SHARED_EXCLUDED");
    expect(f.severity).toBe("warning");
    expect(f.responsibilityId).toBe("r1");
    expect(f.personId).toBe("em");
    expect(f.message).toContain("Development Process");
    expect(f.message).toContain("the Engineering Manager (Emil) has no letter");
    expect(f.fix).toEqual([
      { label: "Add Emil as C", patches: [{ responsibilityId: "r1", personId: "em", letters: "C" }] },
    ]);
    expect(computeFindings(applyFix(m, f.fix![0]!))).toEqual([]);
  });

  it("warns for the Tech Lead too, one finding each", () => {
    const m = matrix([TESS, EMIL, DANA], [["r1", "Team Visibility and Recognition", "SHARED", { dev: "RA" }]]);
    expect(only(m, "TLEM_SHARED_EXCLUDED").map((f) => f.personId)).toEqual(["tl", "em"]);
  });

  it("is satisfied by any letter, including I", () => {
    const m = matrix([TESS, EMIL], [["r1", "Development Process", "SHARED", { tl: "RA", em: "I" }]]);
    expect(only(m, "TLEM_SHARED_EXCLUDED")).toEqual([]);
  });

  it("reports a dual-role person once, and is satisfied by their one letter", () => {
    const missing = matrix([BO, DANA], [["r1", "System Roadmap", "SHARED", { dev: "RA" }]]);
    const f = one(missing, "TLEM_SHARED_EXCLUDED");
    expect(f.personId).toBe("bo");
    expect(f.message).toContain("the Tech Lead and Engineering Manager (Bo) has no letter");
    const present = matrix([BO, DANA], [["r1", "System Roadmap", "SHARED", { bo: "C", dev: "RA" }]]);
    expect(only(present, "TLEM_SHARED_EXCLUDED")).toEqual([]);
  });

  it("only applies to Shared rows", () => {
    const m = matrix(
      [TESS, EMIL],
      [
        ["r1", "Item", "SYSTEM", { tl: "RA" }],
        ["r2", "Other", "PEOPLE", { em: "RA", tl: "I" }],
      ],
    );
    expect(only(m, "TLEM_SHARED_EXCLUDED")).toEqual([]);
  });
});

describe("TLEM_NO_COVER", () => {
  it("warns when the Engineering Manager has no letter on any System row", () => {
    const m = matrix(
      [TESS, EMIL],
      [
        ["s1", "Architecture and System Integration", "SYSTEM", { tl: "RA" }],
        ["s2", "Code Reviews and Feedback", "SYSTEM", { tl: "RA" }],
        ["p1", "One on Ones", "PEOPLE", { tl: "I", em: "RA" }],
      ],
    );
    const f = one(m, "TLEM_NO_COVER");
    expect(f.personId).toBe("em");
    expect(f.severity).toBe("warning");
    expect(f.message).toContain("Emil");
    expect(f.message).toContain("cannot act as Tech Lead when required");
  });

  it("warns when the Tech Lead has no letter on any People row", () => {
    const m = matrix(
      [TESS, EMIL],
      [
        ["s1", "Architecture and System Integration", "SYSTEM", { tl: "RA", em: "I" }],
        ["p1", "One on Ones", "PEOPLE", { em: "RA" }],
      ],
    );
    const f = one(m, "TLEM_NO_COVER");
    expect(f.personId).toBe("tl");
    expect(f.message).toContain("cannot act as Engineering Manager when required");
  });

  it("needs rows of the other domain to exist", () => {
    const m = matrix([TESS, EMIL], [["s1", "Architecture and System Integration", "SYSTEM", { tl: "RA", em: "I" }]]);
    expect(only(m, "TLEM_NO_COVER")).toEqual([]);
  });

  it("is satisfied by one letter on one row, and never asked of a dual-role person", () => {
    expect(only(matrix([TESS, EMIL], healthy()), "TLEM_NO_COVER")).toEqual([]);
    const dual = matrix(
      [BO, TESS],
      [
        ["s1", "Item", "SYSTEM", { tl: "RA" }],
        ["p1", "Other", "PEOPLE", { bo: "RA", tl: "I" }],
      ],
    );
    expect(only(dual, "TLEM_NO_COVER")).toEqual([]);
  });
});

describe("CODING_TIME_OUT_OF_RANGE", () => {
  function withShares(tl: number | null, em: number | null, extra: RaciColumn[] = []): RaciMatrix {
    return matrix(
      [col("tl", "Tess", ["TECH_LEAD"], tl), col("em", "Emil", ["ENGINEERING_MANAGER"], em), ...extra],
      healthy(),
    );
  }

  it("warns when the Tech Lead codes outside 30–70%", () => {
    const low = one(withShares(20, 10), "CODING_TIME_OUT_OF_RANGE");
    expect(low.personId).toBe("tl");
    expect(low.message).toContain("20%");
    expect(low.message).toContain("below the 30% to 70% range");
    expect(one(withShares(80, 10), "CODING_TIME_OUT_OF_RANGE").message).toContain("above");
  });

  it("accepts the Tech Lead at the bounds and inside", () => {
    for (const share of [30, 50, 70]) expect(only(withShares(share, 0), "CODING_TIME_OUT_OF_RANGE")).toEqual([]);
  });

  it("warns when the Engineering Manager codes above 30%", () => {
    const f = one(withShares(50, 40), "CODING_TIME_OUT_OF_RANGE");
    expect(f.personId).toBe("em");
    expect(f.message).toContain("above the 30% maximum");
    expect(only(withShares(50, 30), "CODING_TIME_OUT_OF_RANGE")).toEqual([]);
    expect(only(withShares(50, 0), "CODING_TIME_OUT_OF_RANGE")).toEqual([]);
  });

  it("ignores unknown shares and people who are neither", () => {
    expect(only(withShares(null, null), "CODING_TIME_OUT_OF_RANGE")).toEqual([]);
    expect(only(withShares(50, 10, [col("dev", "Dana", [], 100)]), "CODING_TIME_OUT_OF_RANGE")).toEqual([]);
  });

  it("checks a dual-role person against the union of both ranges", () => {
    const dual = (share: number) =>
      matrix([col("bo", "Bo", ["TECH_LEAD", "ENGINEERING_MANAGER"], share)], [["r1", "Item", null, { bo: "RA" }]]);
    for (const share of [0, 20, 50, 70]) expect(only(dual(share), "CODING_TIME_OUT_OF_RANGE")).toEqual([]);
    expect(one(dual(80), "CODING_TIME_OUT_OF_RANGE").message).toContain("both Tech Lead and Engineering Manager");
  });

  it("follows the configured ranges", () => {
    const m = withShares(25, 10);
    m.settings = raciSettingsSchema.parse({ codingRange: { techLead: { min: 20 }, engineeringManager: { max: 5 } } });
    expect(only(m, "CODING_TIME_OUT_OF_RANGE").map((f) => f.personId)).toEqual(["em"]);
  });
});

describe("disabled rules", () => {
  /** A matrix that triggers every rule but TLEM_ROLE_MISSING. */
  function everything(disabledRules: FindingCode[] = []): RaciMatrix {
    const people = [
      col("tl", "Tess", ["TECH_LEAD"], 90),
      col("em", "Emil", ["ENGINEERING_MANAGER"], 50),
      ...Array.from({ length: 6 }, (_, i) => col(`p${i}`, `P${i}`)),
    ];
    const crowd = { p0: "R", p1: "R", p2: "RC", p3: "RC", p4: "C", p5: "C" };
    const rows: RowSpec[] = [
      ["empty", "Empty", null, {}],
      ["noA", "No A", null, { p0: "R" }],
      ["multi", "Multi", null, { p0: "RA", p1: "A" }],
      ["noR", "No R", null, { p0: "A" }],
      ["crowd", "Crowd", null, { ...crowd, p0: "RA", p5: "C" }],
      ["both", "Both", null, { tl: "RA", em: "A" }],
      ["mismatch", "Mismatch", "SYSTEM", { tl: "C", p0: "R", em: "A" }],
      ["shared", "Shared", "SHARED", { tl: "RA", p0: "R" }],
      ["people", "People", "PEOPLE", { em: "RA", p0: "R" }],
    ];
    for (let i = 0; i < 6; i++) rows.push([`load${i}`, `Load ${i}`, null, { p0: "RA", em: "I" }]);
    const m = matrix(people, rows, { disabledRules, maxConsulted: 3 });
    m.columns.push(col("idle", "Idle"));
    return m;
  }

  function roleMissing(disabledRules: FindingCode[] = []): RaciMatrix {
    return matrix([TESS], [["r1", "Item", "SYSTEM", { tl: "RA" }]], { disabledRules });
  }

  it("the fixtures fire every rule", () => {
    const fired = new Set([...computeFindings(everything()), ...computeFindings(roleMissing())].map((f) => f.code));
    expect([...fired].sort()).toEqual([...FINDING_CODES].sort());
  });

  it.each(FINDING_CODES.map((c) => [c]))("%s can be switched off", (code) => {
    const before = [...computeFindings(everything()), ...computeFindings(roleMissing())];
    const after = [...computeFindings(everything([code])), ...computeFindings(roleMissing([code]))];
    expect(after.filter((f) => f.code === code)).toEqual([]);
    // Nothing else disappears; only the documented fallbacks appear.
    const key = (f: Finding) => `${f.code}|${f.responsibilityId ?? ""}|${f.personId ?? ""}`;
    const afterKeys = new Set(after.map(key));
    for (const f of before) if (f.code !== code) expect(afterKeys.has(key(f))).toBe(true);
    const beforeKeys = new Set(before.map(key));
    const added = after.filter((f) => !beforeKeys.has(key(f))).map((f) => f.code);
    const fallback: Partial<Record<FindingCode, FindingCode[]>> = {
      EMPTY_ROW: ["NO_ACCOUNTABLE", "NO_RESPONSIBLE"],
      TLEM_BOTH_ACCOUNTABLE: ["MULTIPLE_ACCOUNTABLE"],
    };
    expect(added).toEqual(fallback[code] ?? []);
  });

  it("switching everything off yields nothing", () => {
    expect(computeFindings(everything([...FINDING_CODES]))).toEqual([]);
    expect(computeFindings(roleMissing([...FINDING_CODES]))).toEqual([]);
  });
});

describe("totality and edge cases", () => {
  it("handles an empty matrix", () => {
    expect(computeFindings(matrix([], []))).toEqual([]);
  });

  it("handles rows without columns as empty rows", () => {
    expect(codes(matrix([], [["r1", "Item", null, {}]]))).toEqual([["EMPTY_ROW", "r1", undefined]]);
  });

  it("handles a single column", () => {
    const m = matrix(
      [DANA],
      [
        ["r1", "Item", null, { dev: "RA" }],
        ["r2", "Other", null, { dev: "C" }],
      ],
    );
    expect(codes(m)).toEqual([
      ["NO_ACCOUNTABLE", "r2", undefined],
      ["NO_RESPONSIBLE", "r2", undefined],
    ]);
  });

  it("treats rows with duplicate titles as distinct rows", () => {
    const m = matrix(
      [DANA],
      [
        ["r1", "Same", null, { dev: "R" }],
        ["r2", "Same", null, { dev: "R" }],
      ],
    );
    expect(codes(m)).toEqual([
      ["NO_ACCOUNTABLE", "r1", undefined],
      ["NO_ACCOUNTABLE", "r2", undefined],
    ]);
  });

  it("uses the first of duplicate row or column ids", () => {
    const m = matrix([DANA, { ...DEV2, id: "dev" }], [["r1", "Item", null, { dev: "RA" }]]);
    m.rows.push({ id: "r1", title: "Again", description: "", category: "", domain: null });
    expect(computeFindings(m)).toEqual([]);
  });

  it("ignores cells of unknown rows and columns", () => {
    const m = matrix([DANA], [["r1", "Item", null, { dev: "RA", ghost: "A" }]]);
    m.cells["ghost-row"] = { dev: "" };
    expect(computeFindings(m)).toEqual([]);
  });

  it("reads non-canonical letters and ignores non-string cells", () => {
    const m = matrix([DANA, DEV2], [["r1", "Item", null, { dev: "ar", dev2: "i" }]]);
    expect(computeFindings(m)).toEqual([]);
    const junk = matrix([DANA, DEV2], [["r1", "Item", null, {}]]);
    (junk.cells.r1 as Record<string, unknown>).dev = 42;
    (junk.cells.r1 as Record<string, unknown>).dev2 = null;
    expect(codes(junk).map(([c]) => c)).toContain("EMPTY_ROW");
  });

  it("uses defaults for missing or malformed settings", () => {
    const m = matrix([DANA], [["r1", "Item", null, { dev: "RA" }]]);
    for (const settings of [undefined, null, {}, { maxResponsible: "3", overload: 5, codingRange: null }]) {
      expect(computeFindings({ ...m, settings } as unknown as RaciMatrix)).toEqual([]);
    }
  });

  it("never throws on garbage", () => {
    const garbage: unknown[] = [
      null,
      undefined,
      42,
      "matrix",
      [],
      {},
      { columns: null, rows: null, cells: null },
      { columns: [null, 1, { id: 3 }], rows: [null, "r", { id: null }], cells: [] },
      { columns: [{ id: "a", roleKinds: "TECH_LEAD" }], rows: [{ id: "r" }], cells: { r: "RA" } },
      {
        columns: [{ id: "a", name: 5, roleKinds: [null] }],
        rows: [{ id: "r", title: 7, domain: "MOON" }],
        cells: { r: { a: "A" } },
      },
      { columns: [{ id: "toString" }], rows: [{ id: "constructor" }, { id: "__proto__" }], cells: {} },
    ];
    for (const input of garbage) expect(() => computeFindings(input as RaciMatrix)).not.toThrow();
  });

  it("is deterministic and orders rows, then columns, then the matrix", () => {
    const m = matrix(
      [TESS, DANA, DEV2],
      [
        ["r1", "First", "SYSTEM", { tl: "A" }],
        ["r2", "Second", null, { dev: "R" }],
      ],
    );
    const first = computeFindings(m);
    expect(computeFindings(m)).toEqual(first);
    expect(first.map((f) => f.code)).toEqual([
      "NO_RESPONSIBLE",
      "NO_ACCOUNTABLE",
      "PERSON_UNASSIGNED",
      "TLEM_ROLE_MISSING",
    ]);
  });

  it("does not depend on the key order inside a row's cells", () => {
    const a = matrix([TESS, EMIL, DANA], [["r1", "Item", "SYSTEM", { tl: "A", em: "A", dev: "A" }]]);
    const b = matrix([TESS, EMIL, DANA], [["r1", "Item", "SYSTEM", { dev: "A", em: "A", tl: "A" }]]);
    expect(computeFindings(b)).toEqual(computeFindings(a));
  });

  it("does not mutate its input", () => {
    const m = makeLargeMatrix(30, 8, 0.4, 7);
    const snapshot = JSON.stringify(m);
    computeFindings(m);
    expect(JSON.stringify(m)).toBe(snapshot);
  });
});

describe("fixes on random matrices", () => {
  const ROW_CODES: FindingCode[] = [
    "NO_ACCOUNTABLE",
    "MULTIPLE_ACCOUNTABLE",
    "TLEM_BOTH_ACCOUNTABLE",
    "NO_RESPONSIBLE",
    "EMPTY_ROW",
    "TLEM_DOMAIN_MISMATCH",
  ];

  it.each([1, 2, 3, 4, 5])("every patch is canonical and every fix removes its finding (seed %i)", (seed) => {
    const m = makeLargeMatrix(40, 7, 0.35, seed);
    const findings = computeFindings(m);
    let checked = 0;
    for (const f of findings) {
      for (const fix of f.fix ?? []) {
        expect(fix.patches.length).toBeGreaterThan(0);
        for (const p of fix.patches) {
          expect(isCanonicalLetters(p.letters)).toBe(true);
          expect(p.letters).not.toBe("");
          expect(m.rows.some((r) => r.id === p.responsibilityId)).toBe(true);
          expect(m.columns.some((c) => c.id === p.personId)).toBe(true);
        }
        const after = computeFindings(applyFix(m, fix));
        const same = (x: Finding) =>
          x.code === f.code &&
          x.responsibilityId === f.responsibilityId &&
          (ROW_CODES.includes(f.code) || x.personId === f.personId);
        expect(after.some(same)).toBe(false);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});

describe("large matrix", () => {
  it("computes a 1000 × 100 matrix with bounded fix lists", () => {
    const m = makeLargeMatrix(1000, 100, 0.3, 42);
    const findings = computeFindings(m);
    expect(findings.length).toBeGreaterThan(1000);
    for (const f of findings) expect((f.fix ?? []).length).toBeLessThanOrEqual(MAX_FIX_CHOICES);
  });
});

describe("summarizeFindings", () => {
  const f = (code: FindingCode, severity: Finding["severity"]): Finding => ({ code, severity, message: code });

  it("says no problems for an empty list", () => {
    const s = summarizeFindings([]);
    expect(s.health).toBe("No problems found");
    expect(s.total).toBe(0);
    expect(s.bySeverity).toEqual({ error: 0, warning: 0, info: 0 });
    expect(Object.keys(s.byCode).sort()).toEqual([...FINDING_CODES].sort());
    expect(Object.values(s.byCode).every((n) => n === 0)).toBe(true);
  });

  it("counts by severity and by code", () => {
    const list = [
      f("NO_ACCOUNTABLE", "error"),
      f("NO_ACCOUNTABLE", "error"),
      f("EMPTY_ROW", "error"),
      ...Array.from({ length: 5 }, () => f("TOO_MANY_CONSULTED", "warning")),
    ];
    const s = summarizeFindings(list);
    expect(s.health).toBe("3 errors, 5 warnings");
    expect(s.byCode.NO_ACCOUNTABLE).toBe(2);
    expect(s.byCode.TOO_MANY_CONSULTED).toBe(5);
    expect(s.byCode.PERSON_OVERLOADED).toBe(0);
    expect(s.total).toBe(8);
  });

  it("uses singulars and calls info findings notes", () => {
    expect(summarizeFindings([f("EMPTY_ROW", "error")]).health).toBe("1 error");
    expect(summarizeFindings([f("TLEM_NO_COVER", "warning")]).health).toBe("1 warning");
    expect(summarizeFindings([f("EMPTY_ROW", "error"), f("PERSON_UNASSIGNED", "info")]).health).toBe("1 error, 1 note");
    expect(summarizeFindings([f("PERSON_UNASSIGNED", "info"), f("TLEM_ROLE_MISSING", "info")]).health).toBe(
      "No problems found (2 notes)",
    );
  });

  it("agrees with computeFindings on a real matrix", () => {
    const m = matrix(
      [TESS, EMIL],
      [
        ["r1", "Code Reviews and Feedback", "SYSTEM", { tl: "RA", em: "A" }],
        ["r2", "X", null, {}],
      ],
    );
    expect(summarizeFindings(computeFindings(m)).health).toBe("2 errors");
  });
});

describe("findingsByRow / findingsByColumn", () => {
  it("index findings by row and by person, keeping order", () => {
    const m = matrix(
      [TESS, EMIL, DANA],
      [
        ["r1", "Production Issues Escalation", "SYSTEM", { tl: "C", em: "RA" }],
        ["r2", "Item", null, { dev: "R" }],
        ["r3", "Development Process", "SHARED", { tl: "RA", dev: "R" }],
      ],
    );
    const findings = computeFindings(m);
    const byRow = findingsByRow(findings);
    expect(byRow.get("r1")?.map((f) => f.code)).toEqual(["TLEM_DOMAIN_MISMATCH"]);
    expect(byRow.get("r2")?.map((f) => f.code)).toEqual(["NO_ACCOUNTABLE"]);
    expect(byRow.get("r3")?.map((f) => f.code)).toEqual(["TLEM_SHARED_EXCLUDED"]);
    const byColumn = findingsByColumn(findings);
    expect(byColumn.get("em")?.map((f) => f.code)).toEqual(["TLEM_DOMAIN_MISMATCH", "TLEM_SHARED_EXCLUDED"]);
    expect(byColumn.has("dev")).toBe(false);
    const total = [...byRow.values()].reduce((n, l) => n + l.length, 0);
    expect(total).toBe(findings.filter((f) => f.responsibilityId !== undefined).length);
  });
});

describe("applyPatches", () => {
  it("returns new cells, normalizes letters and leaves the input alone", () => {
    const cells = { r1: { a: "R" }, r2: { a: "C" } };
    const next = applyPatches(cells, [
      { responsibilityId: "r1", personId: "b", letters: "ar" },
      { responsibilityId: "r3", personId: "a", letters: "I" },
    ]);
    expect(next).toEqual({ r1: { a: "R", b: "RA" }, r2: { a: "C" }, r3: { a: "I" } });
    expect(cells).toEqual({ r1: { a: "R" }, r2: { a: "C" } });
    expect(next.r2).toBe(cells.r2);
  });

  it("cellLetters reads canonical letters or empty", () => {
    const m = matrix([DANA], [["r1", "Item", null, { dev: "ar" }]]);
    expect(cellLetters(m, "r1", "dev")).toBe("RA");
    expect(cellLetters(m, "r1", "nobody")).toBe("");
    expect(cellLetters(m, "toString", "dev")).toBe("");
  });
});
