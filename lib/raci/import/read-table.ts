/**
 * From pasted or uploaded text to a table of strings: format detection (Markdown
 * table, tab-separated, CSV with comma or semicolon) and reading.
 */
import { parseDelimited } from "../csv";
import { hasMarkdownTable, parseMarkdownTable } from "./markdown-table";
import { IMPORT_LIMITS, type ImportFormat } from "./types";

/** A text format, or "auto" to detect it. */
export type TextFormatChoice = "auto" | "csv" | "tsv" | "markdown";

/** A table read from text, ready for {@link tableToImport}. */
export interface TextTable {
  format: Exclude<ImportFormat, "xlsx">;
  /** For CSV: the delimiter found ("," or ";"). */
  delimiter?: string;
  rows: string[][];
  /** The 1-based source line of each row. */
  lines: number[];
}

export interface ReadTableError {
  error: string;
  /** TOO_LARGE when the row limit was hit; UNREADABLE otherwise. */
  code: "TOO_LARGE" | "UNREADABLE";
  line?: number;
}

// Excel writes a "sep=;" first line into CSVs for regions that use semicolons.
const SEP_LINE = /^\uFEFF?sep=(.)\r?\n/iu;

function firstLine(text: string): string {
  for (const line of text.split(/\r\n|\n|\r/, 20)) if (line.trim() !== "") return line;
  return "";
}

/** Commas and semicolons outside quotes on the header line: the more frequent one is the delimiter. */
function csvDelimiter(text: string): string {
  const line = firstLine(text);
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ",") commas++;
    else if (!quoted && ch === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

/**
 * The format of a text: a Markdown table wherever it is in the text, else tab-separated
 * when the first line has a tab (what a spreadsheet puts on the clipboard), else CSV.
 */
export function detectTextFormat(text: string): Exclude<ImportFormat, "xlsx"> {
  if (hasMarkdownTable(text)) return "markdown";
  if (firstLine(text.replace(SEP_LINE, "")).includes("\t")) return "tsv";
  return "csv";
}

/** Reads text as a table, detecting the format unless one is given. */
export function readTextTable(text: string, choice: TextFormatChoice = "auto"): TextTable | ReadTableError {
  const format = choice === "auto" ? detectTextFormat(text) : choice;
  // Enough records for the row limit plus blank lines; more is refused as too large.
  const maxRecords = IMPORT_LIMITS.maxRows * 2 + 10;
  if (format === "markdown") {
    const table = parseMarkdownTable(text);
    if (!table) {
      return {
        code: "UNREADABLE",
        error:
          "No Markdown table was found: it needs a header row like “| Responsibility | Ana |” followed by a line like “|---|---|”.",
      };
    }
    return { format, rows: table.rows, lines: table.lines };
  }
  let body = text;
  let delimiter = format === "tsv" ? "\t" : undefined;
  let lineOffset = 0;
  const sep = SEP_LINE.exec(text);
  if (sep) {
    body = text.slice(sep[0].length);
    lineOffset = 1;
    if (format === "csv") delimiter = sep[1];
  }
  delimiter ??= csvDelimiter(body);
  const parsed = parseDelimited(body, { delimiter, maxRecords });
  if (parsed.error && parsed.rows.length >= maxRecords) {
    return {
      code: "TOO_LARGE",
      error: `The table has more than ${IMPORT_LIMITS.maxRows} rows; an import takes at most ${IMPORT_LIMITS.maxRows} responsibilities.`,
    };
  }
  if (parsed.error) return { code: "UNREADABLE", error: parsed.error.message, line: parsed.error.line + lineOffset };
  return {
    format,
    ...(format === "csv" ? { delimiter } : {}),
    rows: parsed.rows,
    lines: parsed.lines.map((l) => l + lineOffset),
  };
}
