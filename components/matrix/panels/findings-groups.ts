/**
 * Pure helpers of the findings panel and the health summary: grouping by rule, stable
 * keys, where a finding points, and the words of the counts. Kept out of the components
 * so they are unit-tested and cheap to memoise.
 */
import { summarizeFindings, type FindingsSummary } from "@/lib/raci/findings";
import { FINDING_CODES, ruleInfo } from "@/lib/raci/rules";
import type { Finding, FindingCode, Severity } from "@/lib/raci/types";

/** Most severe first. */
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const CATALOG_INDEX = new Map<FindingCode, number>(FINDING_CODES.map((c, i) => [c, i]));

/** The word for a count of one severity, matching summarizeFindings' health line. */
export function severityCount(severity: Severity, n: number): string {
  const [one, many] = SEVERITY_WORDS[severity];
  return `${n} ${n === 1 ? one : many}`;
}

/** What each severity is called on screen ("info" findings are notes). */
export const SEVERITY_WORDS: Readonly<Record<Severity, readonly [string, string]>> = {
  error: ["error", "errors"],
  warning: ["warning", "warnings"],
  info: ["note", "notes"],
};

/** The label of a severity on its own ("Error", "Warning", "Note"). */
export function severityLabel(severity: Severity): string {
  const word = SEVERITY_WORDS[severity][0];
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A finding with a key that is stable while the matrix changes around it. */
export interface FindingEntry {
  key: string;
  finding: Finding;
}

/** All findings of one rule, as the panel shows them. */
export interface FindingGroup {
  code: FindingCode;
  title: string;
  explanation: string;
  /** The most severe finding in the group (TLEM_ROLE_MISSING may be a note or a warning). */
  severity: Severity;
  entries: FindingEntry[];
}

/**
 * Keys from what a finding is about (rule, row, person) rather than its position, so a
 * fix that removes one finding does not remount, and lose focus in, the ones after it.
 * The rare exact duplicate gets a counter.
 */
export function keyFindings(findings: readonly Finding[]): FindingEntry[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const base = `${finding.code}|${finding.responsibilityId ?? ""}|${finding.personId ?? ""}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { key: n === 0 ? base : `${base}#${n}`, finding };
  });
}

/**
 * Groups findings by rule: errors first, then warnings, then notes; rules of equal
 * severity in catalog order (the order of the rule settings). Inside a group findings
 * keep the engine's order, which is matrix order.
 */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<FindingCode, FindingGroup>();
  for (const entry of keyFindings(findings)) {
    const { code, severity } = entry.finding;
    let group = groups.get(code);
    if (!group) {
      const info = ruleInfo(code);
      group = { code, title: info.title, explanation: info.explanation, severity, entries: [] };
      groups.set(code, group);
    } else if (SEVERITY_RANK[severity] < SEVERITY_RANK[group.severity]) {
      group.severity = severity;
    }
    group.entries.push(entry);
  }
  return [...groups.values()].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (CATALOG_INDEX.get(a.code) ?? 0) - (CATALOG_INDEX.get(b.code) ?? 0),
  );
}

/**
 * Where a finding points, for the line under its message: the item and/or the person.
 * Unknown ids (a row deleted a moment ago) are left out rather than shown as ids.
 */
export function findingLocation(
  finding: Finding,
  rowTitles: ReadonlyMap<string, string>,
  personNames: ReadonlyMap<string, string>,
): string {
  const parts: string[] = [];
  const row = finding.responsibilityId === undefined ? undefined : rowTitles.get(finding.responsibilityId);
  const person = finding.personId === undefined ? undefined : personNames.get(finding.personId);
  if (row) parts.push(row);
  if (person) parts.push(person);
  return parts.length > 0 ? parts.join(" · ") : "Whole matrix";
}

/** One piece of the health line: a count with its severity (for the icon), or the all-clear. */
export type HealthPart = { kind: "severity"; severity: Severity; text: string } | { kind: "ok"; text: string };

/**
 * The health line as pieces to draw with icons. Joined with ", " (after the all-clear: a
 * space, notes in parentheses) the texts read exactly like `summarizeFindings().health`,
 * so the UI, the API summary and the PDF say the same thing.
 */
export function healthParts(summary: FindingsSummary): { isClean: boolean; parts: HealthPart[]; text: string } {
  const { error, warning, info } = summary.bySeverity;
  const parts: HealthPart[] = [];
  const isClean = error === 0 && warning === 0;
  if (isClean) {
    parts.push({ kind: "ok", text: "No problems found" });
    if (info > 0) parts.push({ kind: "severity", severity: "info", text: `(${severityCount("info", info)})` });
    return { isClean, parts, text: parts.map((p) => p.text).join(" ") };
  }
  for (const severity of SEVERITIES) {
    const n = summary.bySeverity[severity];
    if (n > 0) parts.push({ kind: "severity", severity, text: severityCount(severity, n) });
  }
  return { isClean, parts, text: parts.map((p) => p.text).join(", ") };
}

/** {@link healthParts} straight from findings. */
export function healthOf(findings: readonly Finding[]) {
  return healthParts(summarizeFindings(findings));
}

/** How many findings of a group are drawn before "Show all": keeps hundreds of findings fast. */
export const INITIAL_VISIBLE = 8;

/** Above this many findings, only the first groups start expanded. */
export const EXPAND_ALL_LIMIT = 40;

/** How many groups start expanded when there are many findings. */
export const EXPANDED_GROUPS_WHEN_MANY = 3;

/** Whether a group starts expanded, by its position and the total number of findings. */
export function isInitiallyExpanded(groupIndex: number, total: number): boolean {
  return total <= EXPAND_ALL_LIMIT || groupIndex < EXPANDED_GROUPS_WHEN_MANY;
}
