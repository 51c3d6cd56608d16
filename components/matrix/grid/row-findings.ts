import type { Finding, Severity } from "@/lib/raci/types";

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** The most severe level among findings, or null when there are none. */
export function worst(findings: readonly Finding[]): Severity | null {
  let best: Severity | null = null;
  for (const f of findings) if (!best || RANK[f.severity] > RANK[best]) best = f.severity;
  return best;
}

export interface RowFindingSummary {
  count: number;
  severity: Severity | null;
  /** Findings that name one person on this row (e.g. a domain mismatch), by person id. */
  byPerson: Map<string, { count: number; severity: Severity }>;
}

/**
 * Per-row counts for the grid: the row header shows every finding of the row, a cell
 * only those that point at its person. Computed once per findings change, so the cells
 * get primitives (count, severity) and stay memoized.
 */
export function summarizeRowFindings(byRow: ReadonlyMap<string, readonly Finding[]>): Map<string, RowFindingSummary> {
  const out = new Map<string, RowFindingSummary>();
  for (const [rowId, list] of byRow) {
    const byPerson = new Map<string, { count: number; severity: Severity }>();
    for (const f of list) {
      if (f.personId === undefined) continue;
      const prev = byPerson.get(f.personId);
      byPerson.set(f.personId, {
        count: (prev?.count ?? 0) + 1,
        severity: prev && RANK[prev.severity] >= RANK[f.severity] ? prev.severity : f.severity,
      });
    }
    out.set(rowId, { count: list.length, severity: worst(list), byPerson });
  }
  return out;
}
