import "server-only";
import { parseImportText, tableToImport, type ImportModel } from "@/lib/raci/import";
import type { ImportSource } from "./read-import-request";
import { readXlsx } from "./read-xlsx";

/** The import model of what was sent; never throws (problems are issues in the model). */
export function parseImportSource(source: ImportSource): ImportModel {
  if (source.kind === "text") return parseImportText(source.text, source.format);
  const sheet = readXlsx(source.bytes);
  if (!sheet.ok) {
    return {
      format: "xlsx",
      columns: [],
      rows: [],
      issues: [{ code: sheet.tooLarge ? "TOO_LARGE" : "UNREADABLE", severity: "error", message: sheet.message }],
      hasErrors: true,
      metaColumns: { title: 1 },
    };
  }
  const model = tableToImport({ format: "xlsx", rows: sheet.rows });
  // Remit's own export adds a "Findings" sheet: reading past it is expected, not worth a warning.
  const others = sheet.otherSheets.filter((n) => n.toLowerCase() !== "findings");
  if (others.length > 0) {
    model.issues.push({
      code: "OTHER_SHEETS_IGNORED",
      severity: "warning",
      message: `Only the first sheet, “${sheet.sheetName}”, was read; ${others.length === 1 ? `“${others[0]}” was` : `${others.length} other sheets were`} left out.`,
    });
  }
  return model;
}
