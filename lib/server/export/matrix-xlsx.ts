import "server-only";
import { matrixTable } from "@/lib/raci/csv";
import { lettersToMask } from "@/lib/raci/letters";
import { ruleInfo } from "@/lib/raci/settings";
import type { Severity } from "@/lib/raci/types";
import type { ExportView } from "./export-view";
import { writeWorkbook, type CellSpec, type SheetSpec, type StyleName } from "./xlsx/workbook";

const LETTER_STYLE: readonly (StyleName | undefined)[] = Array.from({ length: 16 }, (_, m) =>
  m & 2 ? "letterA" : m & 1 ? "letterR" : m & 4 ? "letterC" : m & 8 ? "letterI" : undefined,
);
const SEVERITY_NAMES: Readonly<Record<Severity, string>> = { error: "Error", warning: "Warning", info: "Note" };
const META_COLUMNS = 3;

/**
 * The matrix as an Excel workbook: a "Matrix" sheet with exactly the CSV's table (the
 * importer reads it back), frozen on the header row and the responsibility column,
 * letter cells coloured like the app; and a "Findings" sheet listing what the rules
 * found, by severity.
 */
export function renderMatrixXlsx(view: ExportView, exportedAt: Date): Buffer {
  const table = matrixTable(view.rows, view.columns, (r, c) => {
    const row = view.rows[r];
    const col = view.columns[c];
    return row && col ? view.letters(row.id, col.personId) : "";
  });
  const longestTitle = Math.max(14, ...view.rows.map((r) => r.title.length));
  const longestCategory = Math.max(10, ...view.rows.map((r) => r.category.length));
  const matrix: SheetSpec = {
    name: "Matrix",
    widths: [Math.min(60, longestTitle + 2), Math.min(30, longestCategory + 2), 10, ...view.columns.map(() => 6.5)],
    freeze: { rows: 1, columns: 1 },
    autoFilter: true,
    rows: table.map((record, r) => ({
      ...(r === 0 && view.columns.length > 0 ? { height: headerHeight(record.slice(META_COLUMNS)) } : {}),
      cells: record.map((value, c): CellSpec => {
        if (r === 0) return { value, style: c < META_COLUMNS ? "header" : "headerRotated" };
        if (c === 0) return { value, style: "wrap" };
        if (c < META_COLUMNS) return { value };
        return { value, style: LETTER_STYLE[lettersToMask(value)] ?? "default" };
      }),
    })),
  };

  const rowTitles = new Map(view.rows.map((r) => [r.id, r]));
  const names = new Map(view.columns.map((c) => [c.personId, c.name]));
  const findings: SheetSpec = {
    name: "Findings",
    widths: [10, 36, 26, 40, 18, 24, 90],
    freeze: { rows: 1, columns: 0 },
    autoFilter: true,
    rows: [
      {
        cells: ["Severity", "Rule", "Code", "Responsibility", "Category", "Person", "Message"].map((value) => ({
          value,
          style: "header" as const,
        })),
      },
      ...(["error", "warning", "info"] as const).flatMap((severity) =>
        view.findings
          .filter((f) => f.severity === severity)
          .map((f) => {
            const row = f.responsibilityId ? rowTitles.get(f.responsibilityId) : undefined;
            return {
              cells: [
                { value: SEVERITY_NAMES[severity], style: severity },
                { value: ruleInfo(f.code).title, style: "wrap" as const },
                { value: f.code, style: "muted" as const },
                { value: row?.title ?? "", style: "wrap" as const },
                { value: row?.category ?? "" },
                { value: f.personId ? (names.get(f.personId) ?? "") : "" },
                { value: f.message, style: "wrap" as const },
              ],
            };
          }),
      ),
    ],
  };
  if (findings.rows.length === 1) findings.rows.push({ cells: [{ value: "" }, { value: "No problems found." }] });

  return writeWorkbook({
    title: view.matrix.name,
    creator: `Remit — ${view.team.name}`,
    created: exportedAt,
    sheets: [matrix, findings],
  });
}

/** Points for the rotated people titles: about 6 points per character, within reason. */
function headerHeight(titles: readonly string[]): number {
  const longest = Math.max(8, ...titles.map((t) => t.length));
  return Math.min(220, Math.round(longest * 6 + 12));
}
