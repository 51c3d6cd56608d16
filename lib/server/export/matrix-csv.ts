import "server-only";
import { matrixToCsv } from "@/lib/raci/csv";
import type { ExportView } from "./export-view";

/** The matrix as CSV (RFC 4180, UTF-8 with BOM, formulas neutralised): what the importer reads back. */
export function renderMatrixCsv(view: ExportView): string {
  return matrixToCsv(view.rows, view.columns, (r, c) => {
    const row = view.rows[r];
    const col = view.columns[c];
    return row && col ? view.letters(row.id, col.personId) : "";
  });
}
