import { describe, expect, it } from "vitest";
import {
  DEFAULT_SETTINGS,
  DEFAULT_SEVERITY,
  FINDING_CODES,
  RULES,
  cloneDefaults,
  isFindingCode,
  raciSettingsSchema,
  readSettings,
  ruleInfo,
} from "./settings";
import type { FindingCode, Severity } from "./types";

// The codes of the contract, written out: if a code is renamed or dropped, this fails.
const EXPECTED_SEVERITY: Record<FindingCode, Severity> = {
  NO_ACCOUNTABLE: "error",
  MULTIPLE_ACCOUNTABLE: "error",
  NO_RESPONSIBLE: "error",
  EMPTY_ROW: "error",
  TOO_MANY_RESPONSIBLE: "warning",
  TOO_MANY_CONSULTED: "warning",
  PERSON_OVERLOADED: "warning",
  PERSON_UNASSIGNED: "info",
  TLEM_ROLE_MISSING: "warning",
  TLEM_BOTH_ACCOUNTABLE: "error",
  TLEM_DOMAIN_MISMATCH: "warning",
  TLEM_SHARED_EXCLUDED: "warning",
  TLEM_NO_COVER: "warning",
  CODING_TIME_OUT_OF_RANGE: "warning",
};

describe("DEFAULT_SETTINGS", () => {
  it("has the documented values", () => {
    expect(DEFAULT_SETTINGS).toEqual({
      disabledRules: [],
      maxResponsible: 3,
      maxConsulted: 4,
      overload: { mode: "share", maxShare: 40, maxCount: 8 },
      codingRange: { techLead: { min: 30, max: 70 }, engineeringManager: { min: 0, max: 30 } },
    });
  });

  it("is deeply frozen, and cloneDefaults gives an independent copy", () => {
    expect(Object.isFrozen(DEFAULT_SETTINGS.codingRange.techLead)).toBe(true);
    expect(() => (DEFAULT_SETTINGS.disabledRules as FindingCode[]).push("EMPTY_ROW")).toThrow();
    const copy = cloneDefaults();
    expect(copy).toEqual(DEFAULT_SETTINGS);
    copy.disabledRules.push("EMPTY_ROW");
    copy.codingRange.techLead.min = 10;
    expect(DEFAULT_SETTINGS.disabledRules).toEqual([]);
    expect(DEFAULT_SETTINGS.codingRange.techLead.min).toBe(30);
  });
});

describe("rule catalog", () => {
  it("lists every code exactly once with its default severity", () => {
    expect([...FINDING_CODES].sort()).toEqual(Object.keys(EXPECTED_SEVERITY).sort());
    expect(RULES.map((r) => r.code)).toEqual(FINDING_CODES);
    for (const rule of RULES) {
      expect(rule.severity).toBe(EXPECTED_SEVERITY[rule.code]);
      expect(DEFAULT_SEVERITY[rule.code]).toBe(rule.severity);
      expect(rule.title.length).toBeGreaterThan(3);
      expect(rule.explanation).toMatch(/\.$/);
      expect(["row", "column", "matrix"]).toContain(rule.scope);
    }
  });

  it("ruleInfo and isFindingCode agree with the catalog", () => {
    expect(ruleInfo("TLEM_BOTH_ACCOUNTABLE").title).toMatch(/both accountable/);
    expect(isFindingCode("NO_ACCOUNTABLE")).toBe(true);
    expect(isFindingCode("no_accountable")).toBe(false);
    expect(isFindingCode("toString")).toBe(false);
  });
});

describe("raciSettingsSchema", () => {
  it("fills every default from an empty object or undefined", () => {
    expect(raciSettingsSchema.parse({})).toEqual(DEFAULT_SETTINGS);
    expect(raciSettingsSchema.parse(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  it("merges partial nested objects with defaults", () => {
    const s = raciSettingsSchema.parse({
      maxResponsible: 2,
      overload: { mode: "count" },
      codingRange: { techLead: { max: 60 } },
    });
    expect(s.maxResponsible).toBe(2);
    expect(s.maxConsulted).toBe(4);
    expect(s.overload).toEqual({ mode: "count", maxShare: 40, maxCount: 8 });
    expect(s.codingRange).toEqual({ techLead: { min: 30, max: 60 }, engineeringManager: { min: 0, max: 30 } });
  });

  it("stores disabled rules in catalog order without duplicates", () => {
    const s = raciSettingsSchema.parse({ disabledRules: ["TLEM_NO_COVER", "EMPTY_ROW", "TLEM_NO_COVER"] });
    expect(s.disabledRules).toEqual(["EMPTY_ROW", "TLEM_NO_COVER"]);
  });

  it.each([
    [{ bogus: 1 }, "unknown top-level key"],
    [{ overload: { mode: "share", extra: true } }, "unknown nested key"],
    [{ codingRange: { techLead: { min: 1, max: 2, avg: 1 } } }, "unknown range key"],
    [{ disabledRules: ["NOT_A_RULE"] }, "unknown rule code"],
    [{ disabledRules: "EMPTY_ROW" }, "codes not in a list"],
    [{ maxResponsible: 0 }, "maxResponsible below 1"],
    [{ maxResponsible: 2.5 }, "fractional maxResponsible"],
    [{ maxConsulted: 1000 }, "maxConsulted too large"],
    [{ overload: { maxShare: 0 } }, "maxShare 0"],
    [{ overload: { maxShare: 101 } }, "maxShare above 100"],
    [{ overload: { maxCount: 0 } }, "maxCount 0"],
    [{ overload: { mode: "ratio" } }, "unknown overload mode"],
    [{ codingRange: { techLead: { min: 80, max: 20 } } }, "min above max"],
    [{ codingRange: { engineeringManager: { max: 120 } } }, "percentage above 100"],
    [{ codingRange: { techLead: { min: -5 } } }, "negative percentage"],
    [{ maxResponsible: Number.NaN }, "NaN"],
    [{ maxResponsible: "3" }, "number as string"],
    [[], "an array"],
    [null, "null"],
  ] as [unknown, string][])("rejects %j (%s)", (input) => {
    expect(raciSettingsSchema.safeParse(input).success).toBe(false);
  });

  it("accepts boundary values", () => {
    const s = raciSettingsSchema.parse({
      maxResponsible: 1,
      maxConsulted: 100,
      overload: { maxShare: 100, maxCount: 1 },
      codingRange: { techLead: { min: 50, max: 50 }, engineeringManager: { min: 0, max: 0 } },
    });
    expect(s.codingRange.techLead).toEqual({ min: 50, max: 50 });
  });
});

describe("readSettings", () => {
  it("reads the stored JSON string", () => {
    expect(readSettings("{}")).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
    expect(readSettings("")).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
    const r = readSettings('{"maxConsulted":6,"disabledRules":["PERSON_UNASSIGNED"]}');
    expect(r.ok).toBe(true);
    expect(r.settings.maxConsulted).toBe(6);
    expect(r.settings.disabledRules).toEqual(["PERSON_UNASSIGNED"]);
  });

  it("reads objects, null and undefined", () => {
    expect(readSettings({ maxResponsible: 5 }).settings.maxResponsible).toBe(5);
    expect(readSettings(null).settings).toEqual(DEFAULT_SETTINGS);
    expect(readSettings(undefined).settings).toEqual(DEFAULT_SETTINGS);
  });

  it("falls back to defaults with an error instead of throwing", () => {
    const bad = readSettings("{not json");
    expect(bad.ok).toBe(false);
    expect(bad.settings).toEqual(DEFAULT_SETTINGS);
    const invalid = readSettings('{"maxResponsible":-1}');
    expect(invalid.ok).toBe(false);
    expect(invalid.settings).toEqual(DEFAULT_SETTINGS);
    if (!invalid.ok) expect(invalid.error).toMatch(/maxResponsible/);
  });

  it("returns settings that can be edited without touching the defaults", () => {
    const r = readSettings("{}");
    r.settings.disabledRules.push("EMPTY_ROW");
    expect(DEFAULT_SETTINGS.disabledRules).toEqual([]);
    const bad = readSettings("nope");
    bad.settings.overload.maxCount = 99;
    expect(DEFAULT_SETTINGS.overload.maxCount).toBe(8);
  });
});
