/**
 * Importing a matrix from a table: CSV, tab-separated text, a Markdown table, or the
 * cells of an XLSX sheet (read on the server). Pure: the preview, the server and the
 * tests run the same code.
 */
import { DEFAULT_SETTINGS } from "../settings";
import type { RaciColumn, RaciMatrix, RaciSettings } from "../types";
import { tableToImport } from "./build-import";
import { readTextTable, type TextFormatChoice } from "./read-table";
import { IMPORT_LIMITS, type ImportModel } from "./types";

export * from "./types";
export { tableToImport, columnLetter, MAX_LISTED_ISSUES, type SourceTable } from "./build-import";
export { detectTextFormat, readTextTable, type TextFormatChoice, type TextTable } from "./read-table";
export { parseMarkdownTable, splitMarkdownRow, stripMarkdownInline } from "./markdown-table";
export { formatColumnHeader, parseColumnHeader, type ParsedColumnHeader } from "./column-header";

/** UTF-8 byte length without allocating the encoded bytes. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function failed(
  format: ImportModel["format"],
  code: "EMPTY_INPUT" | "TOO_LARGE" | "UNREADABLE",
  message: string,
  row?: number,
): ImportModel {
  return {
    format,
    columns: [],
    rows: [],
    issues: [{ code, severity: "error", message, ...(row !== undefined ? { row } : {}) }],
    hasErrors: true,
    metaColumns: { title: 1 },
  };
}

/**
 * Reads pasted or uploaded text into an import model: detects the format (unless
 * given), reads the table and maps it. Never throws; problems are issues.
 */
export function parseImportText(text: string, choice: TextFormatChoice = "auto"): ImportModel {
  const fallbackFormat = choice === "auto" ? "csv" : choice;
  if (text.trim() === "")
    return failed(fallbackFormat, "EMPTY_INPUT", "There is nothing to import: paste a table or choose a file.");
  const bytes = utf8Length(text);
  if (bytes > IMPORT_LIMITS.maxTextBytes) {
    return failed(
      fallbackFormat,
      "TOO_LARGE",
      `The text is ${formatBytes(bytes)}; an import takes at most ${formatBytes(IMPORT_LIMITS.maxTextBytes)}.`,
    );
  }
  const table = readTextTable(text, choice);
  if ("error" in table) {
    const format = choice === "auto" ? "csv" : choice;
    return failed(format, table.code, table.line !== undefined ? `Line ${table.line}: ${table.error}` : table.error);
  }
  return tableToImport(table);
}

/** "1.2 MB", "800 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${Math.round(bytes / 100_000) / 10} MB`;
  return `${Math.max(1, Math.round(bytes / 1000))} KB`;
}

/** Column facts the rules need beyond the import (an existing person's kinds, vacancy, coding share). */
export type ColumnOverride = Partial<Pick<RaciColumn, "roleKinds" | "isVacant" | "codingShare">>;

/**
 * The import as the RACI rules see it, with stable synthetic ids (`row-1`, `col-1`, in
 * import order) so that findings can point at preview rows and columns. `overrides`
 * (same order as the columns) replace what the title said with what an existing
 * person of the team is.
 */
export function importToRaciMatrix(
  model: Pick<ImportModel, "columns" | "rows">,
  overrides: readonly (ColumnOverride | undefined)[] = [],
  settings: RaciSettings = DEFAULT_SETTINGS,
): RaciMatrix {
  const columns: RaciColumn[] = model.columns.map((c, i) => ({
    id: `col-${i + 1}`,
    name: c.name,
    roleTitle: c.roleTitle,
    roleKinds: overrides[i]?.roleKinds ?? c.roleKinds,
    isVacant: overrides[i]?.isVacant ?? false,
    codingShare: overrides[i]?.codingShare ?? null,
  }));
  const cells: RaciMatrix["cells"] = {};
  const rows = model.rows.map((r, i) => {
    const id = `row-${i + 1}`;
    const rowCells: Record<string, string> = {};
    r.letters.forEach((letters, c) => {
      if (letters) rowCells[`col-${c + 1}`] = letters;
    });
    cells[id] = rowCells;
    return { id, title: r.title, description: r.description, category: r.category, domain: r.domain };
  });
  return { columns, rows, cells, settings };
}
