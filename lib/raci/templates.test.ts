import { describe, expect, it } from "vitest";
import { computeFindings } from "./findings";
import { isCanonicalLetters, lettersToMask } from "./letters";
import { recognizeRoleKinds } from "./role-kinds";
import { TEMPLATES, findTemplate, templateToMatrix, type MatrixTemplate } from "./templates";
import type { Domain } from "./types";

// Copied by hand from /work/shared/seeds/engineering-ladders-tl-vs-em.txt (Engineering
// Ladders, "Tech Lead vs Engineering Manager"), not from the template, so a typo in the
// template fails here.
const SEED_TECH_LEAD = [
  "Technical Excellence and Innovation",
  "Architecture and System Integration",
  "Tech Mentoring, Adoption and Alignment",
  "Technical Spikes and Experiments",
  "Code Reviews and Feedback",
  "System Design Presentations",
  "Technical Capacity Planning",
  "Production Issues Escalation",
  "System SLAs, Metrics & Monitoring",
  "Platform Direction, Patterns and Practices",
  "Alignment with other Tech Leads",
  "Hands-On Coding 30% to 70% of the Time",
  "Ability to Act as Engineering Manager when Required",
];
const SEED_ENGINEERING_MANAGER = [
  "Career Planning, Promotions and Coaching",
  "Headcount Planning and Hiring",
  "Team Planning and Delivery",
  "Objectives, Performance and Feedback",
  "One on Ones",
  "Participation in Technical Decisions",
  "Cascading Communications",
  "Team Building Activities and Culture",
  "Team Protection and Happiness",
  "Team Productivity and Metrics",
  "Alignment with other Dev Managers",
  "Hands-On Coding 0% to 30% of the Time",
  "Ability to Act as Tech Lead when Required",
];
const SEED_SHARED = ["System Roadmap", "Development Process", "Team Visibility and Recognition"];

function tlVsEm(): MatrixTemplate {
  const t = findTemplate("tl-vs-em");
  if (!t) throw new Error("tl-vs-em template missing");
  return t;
}

describe("tl-vs-em template", () => {
  it("comes first and is named for the split", () => {
    expect(TEMPLATES[0]?.id).toBe("tl-vs-em");
    expect(tlVsEm().name).toBe("Tech Lead vs Engineering Manager");
  });

  it("contains every seed item, with exactly the seed's title and its domain, and nothing else", () => {
    const expected = new Map<string, Domain>([
      ...SEED_TECH_LEAD.map((t) => [t, "SYSTEM"] as const),
      ...SEED_ENGINEERING_MANAGER.map((t) => [t, "PEOPLE"] as const),
      ...SEED_SHARED.map((t) => [t, "SHARED"] as const),
    ]);
    const actual = new Map(tlVsEm().rows.map((r) => [r.title, r.domain]));
    expect(actual).toEqual(expected);
    expect(tlVsEm().rows).toHaveLength(29);
  });

  it("has a vacant Tech Lead role and a vacant Engineering Manager role", () => {
    expect(tlVsEm().columns).toEqual([
      {
        key: "tl",
        name: "Tech Lead",
        roleTitle: "Tech Lead",
        roleKinds: ["TECH_LEAD"],
        isVacant: true,
        codingShare: null,
      },
      {
        key: "em",
        name: "Engineering Manager",
        roleTitle: "Engineering Manager",
        roleKinds: ["ENGINEERING_MANAGER"],
        isVacant: true,
        codingShare: null,
      },
    ]);
  });

  it("makes the Tech Lead R/A for System items and the Engineering Manager R/A for People items", () => {
    for (const row of tlVsEm().rows) {
      if (row.domain === "SYSTEM") expect(row.cells.tl, row.title).toBe("RA");
      if (row.domain === "PEOPLE") expect(row.cells.em, row.title).toBe("RA");
    }
  });

  it("gives shared items one A, and the other role R or C", () => {
    for (const row of tlVsEm().rows.filter((r) => r.domain === "SHARED")) {
      const tl = lettersToMask(row.cells.tl ?? "");
      const em = lettersToMask(row.cells.em ?? "");
      const aCount = (tl & 2 ? 1 : 0) + (em & 2 ? 1 : 0);
      expect(aCount, row.title).toBe(1);
      const other = tl & 2 ? em : tl;
      expect(other & (1 | 4), row.title).not.toBe(0);
    }
  });

  it("keeps each role involved in the other's domain", () => {
    const rows = tlVsEm().rows;
    expect(rows.some((r) => r.domain === "SYSTEM" && (r.cells.em ?? "") !== "")).toBe(true);
    expect(rows.some((r) => r.domain === "PEOPLE" && (r.cells.tl ?? "") !== "")).toBe(true);
  });

  it("produces no findings at all with the default settings", () => {
    const findings = computeFindings(templateToMatrix(tlVsEm()));
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(findings).toEqual([]);
  });
});

describe("every template", () => {
  it("has a unique id and findTemplate finds it", () => {
    const ids = TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of TEMPLATES) expect(findTemplate(t.id)).toBe(t);
    expect(findTemplate("nope")).toBeUndefined();
    expect(TEMPLATES.length).toBeGreaterThanOrEqual(3);
  });

  describe.each(TEMPLATES.map((t) => [t.id, t] as const))("%s", (_id, t) => {
    it("has a name, a summary and a sensible size", () => {
      expect(t.name.length).toBeGreaterThan(3);
      expect(t.summary).toMatch(/\.$/);
      if (t.id !== "tl-vs-em") {
        expect(t.columns.length).toBeGreaterThanOrEqual(4);
        expect(t.columns.length).toBeLessThanOrEqual(6);
        expect(t.rows.length).toBeGreaterThanOrEqual(10);
        expect(t.rows.length).toBeLessThanOrEqual(20);
      }
    });

    it("has a Tech Lead and an Engineering Manager column whose titles match their kinds", () => {
      expect(t.columns.some((c) => c.roleKinds.includes("TECH_LEAD"))).toBe(true);
      expect(t.columns.some((c) => c.roleKinds.includes("ENGINEERING_MANAGER"))).toBe(true);
      for (const c of t.columns) expect(recognizeRoleKinds(c.roleTitle), c.roleTitle).toEqual(c.roleKinds);
      const keys = t.columns.map((c) => c.key);
      expect(new Set(keys).size).toBe(keys.length);
    });

    it("has unique titles, a category, a domain or null, and a one-sentence description per row", () => {
      const titles = t.rows.map((r) => r.title);
      expect(new Set(titles).size).toBe(titles.length);
      for (const r of t.rows) {
        expect(r.category.trim(), r.title).not.toBe("");
        expect([null, "SYSTEM", "PEOPLE", "SHARED"]).toContain(r.domain);
        expect(r.description, r.title).toMatch(/^[A-Z].*\.$/);
        expect(r.description.split(/\.\s/).length, r.title).toBe(1);
        expect(r.description.length, r.title).toBeLessThan(140);
      }
    });

    it("uses canonical letters on known columns only", () => {
      const keys = new Set(t.columns.map((c) => c.key));
      for (const r of t.rows) {
        for (const [key, letters] of Object.entries(r.cells)) {
          expect(keys.has(key), `${r.title}/${key}`).toBe(true);
          expect(isCanonicalLetters(letters) && letters !== "", `${r.title}/${key}`).toBe(true);
        }
      }
    });

    it("groups rows in contiguous categories", () => {
      const seen: string[] = [];
      for (const r of t.rows) {
        if (seen[seen.length - 1] !== r.category) {
          expect(seen, `category ${r.category} appears twice`).not.toContain(r.category);
          seen.push(r.category);
        }
      }
      expect(seen.length).toBeGreaterThan(2);
    });

    it("produces no error findings (and none at all) with the default settings", () => {
      const findings = computeFindings(templateToMatrix(t));
      expect(findings.filter((f) => f.severity === "error")).toEqual([]);
      expect(findings.map((f) => f.message)).toEqual([]);
    });
  });

  it("is deeply frozen", () => {
    expect(Object.isFrozen(TEMPLATES)).toBe(true);
    expect(Object.isFrozen(TEMPLATES[0]?.rows[0]?.cells)).toBe(true);
    expect(() => {
      (TEMPLATES[0]!.rows as unknown[]).push({});
    }).toThrow();
  });
});

describe("templateToMatrix", () => {
  it("keys columns by template key and rows by position, copying cells", () => {
    const t = tlVsEm();
    const m = templateToMatrix(t);
    expect(m.columns.map((c) => c.id)).toEqual(["tl", "em"]);
    expect(m.rows[0]).toEqual({
      id: "row-1",
      title: t.rows[0]!.title,
      description: t.rows[0]!.description,
      category: t.rows[0]!.category,
      domain: t.rows[0]!.domain,
    });
    expect(m.cells["row-1"]).toEqual(t.rows[0]!.cells);
    m.cells["row-1"]!.tl = "I";
    expect(t.rows[0]!.cells.tl).toBe("RA");
  });
});
