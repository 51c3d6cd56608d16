import { describe, expect, it } from "vitest";
import {
  TEMPLATES,
  cloneDefaults,
  computeFindings,
  summarizeFindings,
  type Finding,
  type RaciMatrix,
} from "@/lib/raci";
import {
  EXPAND_ALL_LIMIT,
  findingLocation,
  groupFindings,
  healthOf,
  healthParts,
  isInitiallyExpanded,
  keyFindings,
  severityCount,
} from "./findings-groups";

/** The Tech Lead vs Engineering Manager template as a matrix, rows keyed by title. */
function templateMatrix(): RaciMatrix {
  const t = TEMPLATES.find((x) => x.id === "tl-vs-em");
  if (!t) throw new Error("template tl-vs-em is missing");
  const cells: RaciMatrix["cells"] = {};
  for (const r of t.rows) cells[r.title] = { ...r.cells };
  return {
    columns: t.columns.map((c) => ({
      id: c.key,
      name: c.name,
      roleTitle: c.roleTitle,
      roleKinds: [...c.roleKinds],
      isVacant: c.isVacant,
      codingShare: c.codingShare,
    })),
    rows: t.rows.map((r) => ({
      id: r.title,
      title: r.title,
      description: r.description,
      category: r.category,
      domain: r.domain,
    })),
    cells,
    settings: cloneDefaults(),
  };
}

function set(m: RaciMatrix, row: string, col: string, letters: string): void {
  const cells = m.cells[row];
  if (!cells) throw new Error(`no row ${row}`);
  cells[col] = letters;
}

const f = (code: Finding["code"], severity: Finding["severity"], extra: Partial<Finding> = {}): Finding => ({
  code,
  severity,
  message: `${code} message`,
  ...extra,
});

describe("the e2e scenario on the tl-vs-em template (what the panel must show)", () => {
  it("starts with no findings at all", () => {
    expect(computeFindings(templateMatrix())).toEqual([]);
  });

  it("reports exactly NO_ACCOUNTABLE, TLEM_BOTH_ACCOUNTABLE and TLEM_SHARED_EXCLUDED for the three edits", () => {
    const m = templateMatrix();
    set(m, "Architecture and System Integration", "tl", "R"); // the Tech Lead's A removed
    set(m, "Code Reviews and Feedback", "em", "A"); // the EM made accountable too
    set(m, "System Roadmap", "em", ""); // the EM removed from a shared item
    const findings = computeFindings(m);
    expect(findings.map((x) => [x.code, x.responsibilityId])).toEqual([
      ["NO_ACCOUNTABLE", "Architecture and System Integration"],
      // Both A's: the specific TL/EM rule replaces MULTIPLE_ACCOUNTABLE, and with two A's
      // no domain mismatch is reported on top.
      ["TLEM_BOTH_ACCOUNTABLE", "Code Reviews and Feedback"],
      ["TLEM_SHARED_EXCLUDED", "System Roadmap"],
    ]);
    expect(summarizeFindings(findings).health).toBe("2 errors, 1 warning");
    // The fix labels the spec clicks.
    expect(findings[0]?.fix?.map((x) => x.label)).toEqual([
      "Make Tech Lead accountable",
      "Make Engineering Manager accountable",
    ]);
    expect(findings[1]?.fix?.map((x) => x.label)).toEqual([
      "Keep Tech Lead as the only A (Engineering Manager becomes C)",
      "Keep Engineering Manager as the only A (Tech Lead keeps R)",
    ]);
    expect(findings[2]?.fix?.map((x) => x.label)).toEqual(["Add Engineering Manager as C"]);

    // Applying the first fix of each leaves a clean matrix.
    for (const finding of findings)
      for (const p of finding.fix?.[0]?.patches ?? []) set(m, p.responsibilityId, p.personId, p.letters);
    expect(computeFindings(m)).toEqual([]);
  });

  it("drops a rule's findings when the rule is switched off", () => {
    const m = templateMatrix();
    set(m, "System Roadmap", "em", "");
    expect(computeFindings(m).map((x) => x.code)).toEqual(["TLEM_SHARED_EXCLUDED"]);
    m.settings.disabledRules = ["TLEM_SHARED_EXCLUDED"];
    expect(computeFindings(m)).toEqual([]);
  });
});

describe("groupFindings", () => {
  it("puts errors first, then warnings, then notes, catalog order within a severity", () => {
    const groups = groupFindings([
      f("PERSON_UNASSIGNED", "info", { personId: "p1" }),
      f("TLEM_SHARED_EXCLUDED", "warning", { responsibilityId: "r1" }),
      f("TLEM_BOTH_ACCOUNTABLE", "error", { responsibilityId: "r2" }),
      f("NO_ACCOUNTABLE", "error", { responsibilityId: "r3" }),
      f("NO_ACCOUNTABLE", "error", { responsibilityId: "r1" }),
    ]);
    expect(groups.map((g) => g.code)).toEqual([
      "NO_ACCOUNTABLE",
      "TLEM_BOTH_ACCOUNTABLE",
      "TLEM_SHARED_EXCLUDED",
      "PERSON_UNASSIGNED",
    ]);
    // Engine order is kept inside a group.
    expect(groups[0]?.entries.map((e) => e.finding.responsibilityId)).toEqual(["r3", "r1"]);
    expect(groups[0]?.title).toBe("Nobody accountable");
    expect(groups[0]?.explanation).toMatch(/exactly one A/);
  });

  it("takes the most severe finding as the group's severity", () => {
    const [group] = groupFindings([
      f("TLEM_ROLE_MISSING", "info"),
      f("TLEM_ROLE_MISSING", "warning", { personId: "x" }),
    ]);
    expect(group?.severity).toBe("warning");
  });

  it("returns nothing for no findings", () => {
    expect(groupFindings([])).toEqual([]);
  });
});

describe("keyFindings", () => {
  it("keys by rule, row and person, so keys survive other findings coming and going", () => {
    const a = f("NO_ACCOUNTABLE", "error", { responsibilityId: "r1" });
    const b = f("TLEM_SHARED_EXCLUDED", "warning", { responsibilityId: "r2", personId: "p1" });
    const before = keyFindings([a, b]).map((e) => e.key);
    const after = keyFindings([b]).map((e) => e.key);
    expect(after[0]).toBe(before[1]);
  });

  it("makes exact duplicates unique", () => {
    const keys = keyFindings([f("TLEM_ROLE_MISSING", "warning"), f("TLEM_ROLE_MISSING", "warning")]).map((e) => e.key);
    expect(new Set(keys).size).toBe(2);
  });
});

describe("findingLocation", () => {
  const rows = new Map([["r1", "System Roadmap"]]);
  const people = new Map([["p1", "Engineering Manager"]]);
  it("names the item and the person", () => {
    expect(
      findingLocation(f("TLEM_SHARED_EXCLUDED", "warning", { responsibilityId: "r1", personId: "p1" }), rows, people),
    ).toBe("System Roadmap · Engineering Manager");
  });
  it("falls back to the whole matrix, never to raw ids", () => {
    expect(findingLocation(f("TLEM_ROLE_MISSING", "warning"), rows, people)).toBe("Whole matrix");
    expect(findingLocation(f("NO_ACCOUNTABLE", "error", { responsibilityId: "gone" }), rows, people)).toBe(
      "Whole matrix",
    );
  });
});

describe("health line", () => {
  const cases: Finding[][] = [
    [],
    [f("PERSON_UNASSIGNED", "info")],
    [f("PERSON_UNASSIGNED", "info"), f("PERSON_UNASSIGNED", "info", { personId: "b" })],
    [f("NO_ACCOUNTABLE", "error")],
    [
      f("NO_ACCOUNTABLE", "error"),
      f("NO_ACCOUNTABLE", "error", { responsibilityId: "x" }),
      f("TLEM_NO_COVER", "warning"),
    ],
    [f("TLEM_NO_COVER", "warning"), f("PERSON_UNASSIGNED", "info")],
  ];
  it.each(cases)("reads exactly like summarizeFindings().health (%#)", (...findings) => {
    expect(healthOf(findings).text).toBe(summarizeFindings(findings).health);
  });

  it("is clean without errors and warnings, and draws an all-clear part", () => {
    const h = healthParts(summarizeFindings([f("PERSON_UNASSIGNED", "info")]));
    expect(h.isClean).toBe(true);
    expect(h.parts.map((p) => p.kind)).toEqual(["ok", "severity"]);
  });

  it("counts with singular and plural words", () => {
    expect(severityCount("error", 1)).toBe("1 error");
    expect(severityCount("warning", 0)).toBe("0 warnings");
    expect(severityCount("info", 2)).toBe("2 notes");
  });
});

describe("isInitiallyExpanded", () => {
  it("expands every group when findings are few, the first three when many", () => {
    expect(isInitiallyExpanded(10, EXPAND_ALL_LIMIT)).toBe(true);
    expect(isInitiallyExpanded(2, EXPAND_ALL_LIMIT + 1)).toBe(true);
    expect(isInitiallyExpanded(3, EXPAND_ALL_LIMIT + 1)).toBe(false);
  });
});
