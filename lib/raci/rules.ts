import { deepFreeze } from "./deep-freeze";
import type { FindingCode, RaciSettings, Severity } from "./types";

// The rule catalog and the default settings, without zod: the findings engine runs in
// the browser, and this keeps the settings schema (settings.ts) out of its bundle.

/** What a rule looks at: one row, one column (person), or the matrix as a whole. */
export type RuleScope = "row" | "column" | "matrix";

/** A rule as shown in the settings panel and the docs. */
export interface RuleInfo {
  code: FindingCode;
  /** Default severity; TLEM_ROLE_MISSING drops to "info" when one person holds both roles. */
  severity: Severity;
  scope: RuleScope;
  title: string;
  explanation: string;
}

// A Record keyed by FindingCode: the compiler fails here when a code is added to types.ts
// without a catalog entry. Key order is the display order.
const RULE_TABLE = {
  NO_ACCOUNTABLE: {
    severity: "error",
    scope: "row",
    title: "Nobody accountable",
    explanation: "Every item needs exactly one A: the person who owns the outcome and signs it off.",
  },
  MULTIPLE_ACCOUNTABLE: {
    severity: "error",
    scope: "row",
    title: "More than one accountable",
    explanation: "When two people are A, each can assume the other decides. Keep one A; the others can be R or C.",
  },
  NO_RESPONSIBLE: {
    severity: "error",
    scope: "row",
    title: "Nobody responsible",
    explanation: "Someone must do the work (R). An A with no R gets it done only by accident.",
  },
  EMPTY_ROW: {
    severity: "error",
    scope: "row",
    title: "Empty item",
    explanation: "An item with no letters at all is owned by nobody. Reported instead of the three checks above.",
  },
  TOO_MANY_RESPONSIBLE: {
    severity: "warning",
    scope: "row",
    title: "Too many responsible",
    explanation: "With many R's the work tends to fall between people. The limit is configurable.",
  },
  TOO_MANY_CONSULTED: {
    severity: "warning",
    scope: "row",
    title: "Too many consulted",
    explanation:
      "Every C is a conversation before a decision; too many slow decisions down. The limit is configurable.",
  },
  PERSON_OVERLOADED: {
    severity: "warning",
    scope: "column",
    title: "Person overloaded",
    explanation: "One person is accountable for too large a share (or too many) of the items and becomes a bottleneck.",
  },
  PERSON_UNASSIGNED: {
    severity: "info",
    scope: "column",
    title: "Person without letters",
    explanation: "A person in the matrix has no letter on any item.",
  },
  TLEM_ROLE_MISSING: {
    severity: "warning",
    scope: "matrix",
    title: "Tech Lead or Engineering Manager missing",
    explanation:
      "The matrix has System, People or Shared items but no Tech Lead or no Engineering Manager. When one person holds both roles this is only a note: fine for a small team, worth splitting as it grows.",
  },
  TLEM_BOTH_ACCOUNTABLE: {
    severity: "error",
    scope: "row",
    title: "Tech Lead and Engineering Manager both accountable",
    explanation: "The Tech Lead and the Engineering Manager must know who owns what; when both are A, neither does.",
  },
  TLEM_DOMAIN_MISMATCH: {
    severity: "warning",
    scope: "row",
    title: "Accountable outside their domain",
    explanation:
      "The Tech Lead is in charge of the System, the Engineering Manager of the People. Flags a System item owned by the Engineering Manager, or a People item owned by the Tech Lead.",
  },
  TLEM_SHARED_EXCLUDED: {
    severity: "warning",
    scope: "row",
    title: "Shared item without both roles",
    explanation:
      "System Roadmap, Development Process and similar shared items need both the Tech Lead and the Engineering Manager involved.",
  },
  TLEM_NO_COVER: {
    severity: "warning",
    scope: "column",
    title: "Cannot cover for the other role",
    explanation:
      "An Engineering Manager with no letter on any System item cannot act as Tech Lead when required, and a Tech Lead with none on any People item cannot act as Engineering Manager.",
  },
  CODING_TIME_OUT_OF_RANGE: {
    severity: "warning",
    scope: "column",
    title: "Hands-on coding time out of range",
    explanation: "A Tech Lead codes about 30% to 70% of the time, an Engineering Manager 0% to 30% (configurable).",
  },
} as const satisfies Record<FindingCode, Omit<RuleInfo, "code">>;

/** Every finding code, in catalog order. */
export const FINDING_CODES = Object.keys(RULE_TABLE) as FindingCode[];

/** Default severity of every code (TLEM_ROLE_MISSING may be lowered to "info", see its explanation). */
export const DEFAULT_SEVERITY: Readonly<Record<FindingCode, Severity>> = deepFreeze(
  Object.fromEntries(FINDING_CODES.map((code) => [code, RULE_TABLE[code].severity])) as Record<FindingCode, Severity>,
);

/** The rule catalog: code, default severity, scope, title, explanation. */
export const RULES: readonly RuleInfo[] = FINDING_CODES.map((code) => ({ code, ...RULE_TABLE[code] }));

/** Catalog entry of a code. */
export function ruleInfo(code: FindingCode): RuleInfo {
  return { code, ...RULE_TABLE[code] };
}

/** True when `value` is a known finding code. */
export function isFindingCode(value: unknown): value is FindingCode {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(RULE_TABLE, value);
}

/**
 * Defaults (deeply frozen: copy with {@link cloneDefaults} to edit). `overload.maxShare` and the coding ranges are percentages (0–100), like
 * `RaciColumn.codingShare`.
 */
export const DEFAULT_SETTINGS: RaciSettings = deepFreeze<RaciSettings>({
  disabledRules: [],
  maxResponsible: 3,
  maxConsulted: 4,
  overload: { mode: "share", maxShare: 40, maxCount: 8 },
  codingRange: {
    techLead: { min: 30, max: 70 },
    engineeringManager: { min: 0, max: 30 },
  },
});

/** A fresh, mutable copy of {@link DEFAULT_SETTINGS}. */
export function cloneDefaults(): RaciSettings {
  return {
    disabledRules: [...DEFAULT_SETTINGS.disabledRules],
    maxResponsible: DEFAULT_SETTINGS.maxResponsible,
    maxConsulted: DEFAULT_SETTINGS.maxConsulted,
    overload: { ...DEFAULT_SETTINGS.overload },
    codingRange: {
      techLead: { ...DEFAULT_SETTINGS.codingRange.techLead },
      engineeringManager: { ...DEFAULT_SETTINGS.codingRange.engineeringManager },
    },
  };
}
