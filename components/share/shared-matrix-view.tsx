"use client";
import { useCallback, useMemo, useRef } from "react";
import { toRaciMatrix } from "@/lib/matrix/dto";
import { sharedToModel, type SharedMatrix } from "@/lib/matrix/shared";
import { computeFindings, findingsByRow, summarizeFindings } from "@/lib/raci/findings";
import type { Finding } from "@/lib/raci/types";
import { buildGridItems } from "@/components/matrix/grid/grid-items";
import { MatrixGrid, type GridHandle } from "@/components/matrix/grid/matrix-grid";
import { SEVERITIES, severityCount, severityLabel } from "@/components/matrix/panels/findings-groups";
import { SeverityIcon } from "@/components/matrix/panels/severity-icon";

const noop = () => {};

/**
 * A matrix behind a read-only share link: the same grid as in the app, read-only, and
 * its findings as a plain list (no fixes, no settings, nothing that leads elsewhere).
 */
export function SharedMatrixView({ shared }: { shared: SharedMatrix }) {
  const model = useMemo(() => sharedToModel(shared), [shared]);
  const findings = useMemo(() => computeFindings(toRaciMatrix(model)), [model]);
  const summary = useMemo(() => summarizeFindings(findings), [findings]);
  const rowFindings = useMemo(() => findingsByRow(findings), [findings]);
  const columnFindings = useMemo(() => {
    const map = new Map<string, Finding[]>();
    for (const f of findings) {
      if (f.personId === undefined || f.responsibilityId !== undefined) continue;
      map.set(f.personId, [...(map.get(f.personId) ?? []), f]);
    }
    return map;
  }, [findings]);
  const items = useMemo(() => buildGridItems(model.rows), [model.rows]);
  const gridRef = useRef<GridHandle>(null);
  const lettersOf = useCallback(
    (rowId: string, personId: string) => model.cells.get(`${rowId}|${personId}`)?.letters ?? "",
    [model.cells],
  );
  const sorted = useMemo(() => SEVERITIES.flatMap((s) => findings.filter((f) => f.severity === s)), [findings]);

  return (
    <div className="flex flex-col gap-4 lg:h-[calc(100dvh-9rem)] lg:flex-row">
      <MatrixGrid
        handleRef={gridRef}
        className="h-[70dvh] min-w-0 flex-1 lg:h-auto"
        label={model.name}
        items={items}
        columns={model.columns}
        cells={model.cells}
        rowFindings={rowFindings}
        columnFindings={columnFindings}
        canEdit={false}
        onEdit={noop}
        lettersOf={lettersOf}
        onRowAction={noop}
        onColumnAction={noop}
        onRenameRow={noop}
        onDropRow={noop}
      />
      <section
        aria-labelledby="shared-findings"
        className="flex min-h-0 flex-col rounded-xl border border-slate-200 bg-white shadow-sm lg:w-80 lg:shrink-0 dark:border-slate-800 dark:bg-slate-900"
      >
        <div className="space-y-2 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
          <h2 id="shared-findings" className="text-base font-semibold">
            Findings
          </h2>
          <ul aria-label="Findings by severity" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {SEVERITIES.map((s) => (
              <li key={s} className="inline-flex items-center gap-1.5">
                <SeverityIcon severity={s} />
                {severityCount(s, summary.bySeverity[s])}
              </li>
            ))}
          </ul>
        </div>
        {sorted.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600 dark:text-slate-400">
            {model.rows.length ? "All clear: no findings." : "This matrix has no rows yet."}
          </p>
        ) : (
          <ul
            aria-label="Findings"
            className="min-h-0 flex-1 divide-y divide-slate-200 overflow-y-auto dark:divide-slate-800"
          >
            {sorted.map((f, i) => (
              <li
                key={`${f.code}-${f.responsibilityId ?? ""}-${f.personId ?? ""}-${i}`}
                className="flex gap-2 px-4 py-2.5 text-sm"
              >
                <SeverityIcon severity={f.severity} className="mt-0.5" />
                <span>
                  <span className="sr-only">{severityLabel(f.severity)}: </span>
                  {f.message}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
