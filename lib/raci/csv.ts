/**
 * The CSV codec: an RFC 4180 reader (also used for tab-separated text pasted from a
 * spreadsheet), a writer, formula neutralisation, and the table a matrix exports as.
 * Pure: the export route, the importer and the tests share it, so that what the export
 * writes is exactly what the import reads back.
 */
import { formatLetters } from "./letters";
import { formatColumnHeader } from "./import/column-header";
import type { Domain, Letters } from "./types";

/** Prepended to CSV downloads so that Excel reads them as UTF-8. */
export const CSV_BOM = "\uFEFF";

/** The fixed leading columns of an exported matrix, in order. */
export const CSV_META_HEADERS = ["Responsibility", "Category", "Domain"] as const;

/** How a domain is written in a table cell. */
export const DOMAIN_LABELS: Readonly<Record<Domain, string>> = { SYSTEM: "System", PEOPLE: "People", SHARED: "Shared" };

/** A reading error, with the 1-based line where the problem starts. */
export interface DelimitedError {
  line: number;
  message: string;
}

/** Result of {@link parseDelimited}. */
export interface DelimitedTable {
  /** Records as read: fields are not trimmed (the importer decides what spaces mean). */
  rows: string[][];
  /** The 1-based source line on which each record starts (a quoted field may span lines). */
  lines: number[];
  error?: DelimitedError;
}

export interface ParseDelimitedOptions {
  delimiter?: string;
  /** Stop after this many records and report it (bounds the work on hostile input). */
  maxRecords?: number;
}

const QUOTE = 34; // "
const CR = 13;
const LF = 10;
const SPACE = 32;
const TAB = 9;

/**
 * Reads delimited text per RFC 4180: quoted fields may hold the delimiter, line breaks
 * and doubled quotes; records end at CRLF, LF or CR. Liberal where spreadsheets are:
 * a BOM is skipped, spaces before an opening quote and after a closing one are allowed,
 * a stray quote inside an unquoted field is kept as text, a final line break is
 * optional. An unterminated quote is the one error, reported at the line it opened.
 */
export function parseDelimited(text: string, options: ParseDelimitedOptions = {}): DelimitedTable {
  const delimiter = options.delimiter ?? ",";
  if (delimiter.length !== 1) throw new Error("The delimiter must be one character.");
  const delim = delimiter.charCodeAt(0);
  const maxRecords = options.maxRecords ?? Infinity;
  const rows: string[][] = [];
  const lines: number[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let line = 1;
  let record: string[] = [];
  let recordLine = 1;

  const endRecord = (): boolean => {
    rows.push(record);
    lines.push(recordLine);
    record = [];
    return rows.length >= maxRecords;
  };

  while (i < n) {
    // ---- One field.
    let start = i;
    // Whitespace before an opening quote (never the delimiter itself, e.g. for TSV).
    while (
      start < n &&
      (text.charCodeAt(start) === SPACE || text.charCodeAt(start) === TAB) &&
      text.charCodeAt(start) !== delim
    )
      start++;
    let value: string;
    if (start < n && text.charCodeAt(start) === QUOTE) {
      const openLine = line;
      let j = start + 1;
      let out = "";
      let chunk = j;
      for (;;) {
        if (j >= n)
          return {
            rows,
            lines,
            error: {
              line: openLine,
              message: `A quoted field that starts on line ${openLine} is never closed (a " is missing).`,
            },
          };
        const c = text.charCodeAt(j);
        if (c === QUOTE) {
          if (text.charCodeAt(j + 1) === QUOTE) {
            out += text.slice(chunk, j + 1);
            j += 2;
            chunk = j;
            continue;
          }
          out += text.slice(chunk, j);
          j++;
          break;
        }
        if (c === LF || (c === CR && text.charCodeAt(j + 1) !== LF)) line++;
        j++;
      }
      // After the closing quote: spaces are dropped; any other text up to the delimiter
      // is kept, as spreadsheets do with `"a"b`.
      let k = j;
      while (k < n && (text.charCodeAt(k) === SPACE || text.charCodeAt(k) === TAB) && text.charCodeAt(k) !== delim) k++;
      let tailEnd = k;
      while (
        tailEnd < n &&
        text.charCodeAt(tailEnd) !== delim &&
        text.charCodeAt(tailEnd) !== CR &&
        text.charCodeAt(tailEnd) !== LF
      )
        tailEnd++;
      value = tailEnd > k ? out + text.slice(j, tailEnd) : out;
      i = tailEnd;
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === delim || c === CR || c === LF) break;
        j++;
      }
      value = text.slice(i, j);
      i = j;
    }
    record.push(value);

    // ---- What ends the field.
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === delim) {
      i++;
      // A delimiter at the very end of the text still opens one last (empty) field.
      if (i >= n) record.push("");
      continue;
    }
    // A line break ends the record.
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    if (endRecord()) return { rows, lines, error: i < n ? tooMany(maxRecords, line) : undefined };
    recordLine = line;
  }
  if (record.length > 0) endRecord();
  return { rows, lines };
}

function tooMany(max: number, line: number): DelimitedError {
  return { line, message: `The text has more than ${max} rows.` };
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Makes a value safe to open in a spreadsheet: one that would run as a formula (it
 * starts with =, +, -, @, a tab or a carriage return) gets a leading apostrophe, which
 * spreadsheets read as "this is text". Values already starting with an apostrophe get
 * one too, so {@link restoreNeutralized} can undo it exactly.
 */
export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) || value.startsWith("'") ? `'${value}` : value;
}

/** Undoes {@link neutralizeFormula}: an apostrophe before a formula character or another apostrophe is dropped. */
export function restoreNeutralized(value: string): string {
  return value.length > 1 && value.startsWith("'") && (FORMULA_START.test(value.slice(1)) || value[1] === "'")
    ? value.slice(1)
    : value;
}

/** One field as RFC 4180 wants it: quoted when it holds the delimiter, a quote, a line break or edge spaces. */
export function formatField(value: string, delimiter = ","): string {
  const needsQuotes =
    value.includes(delimiter) ||
    value.includes('"') ||
    value.includes("\n") ||
    value.includes("\r") ||
    /^\s|\s$/.test(value);
  return needsQuotes ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Writes records as CSV (RFC 4180: CRLF line ends, quotes doubled). Every value is
 * neutralised first (see {@link neutralizeFormula}); pass `neutralize: false` only for
 * text that no spreadsheet will open.
 */
export function formatCsv(
  rows: readonly (readonly string[])[],
  options: { delimiter?: string; neutralize?: boolean } = {},
): string {
  const delimiter = options.delimiter ?? ",";
  const neutralize = options.neutralize ?? true;
  let out = "";
  for (const row of rows) {
    out += row.map((v) => formatField(neutralize ? neutralizeFormula(v) : v, delimiter)).join(delimiter);
    out += "\r\n";
  }
  return out;
}

/** What a matrix export needs of a column. */
export interface TableColumn {
  name: string;
  roleTitle: string;
}

/** What a matrix export needs of a row. */
export interface TableRow {
  id: string;
  title: string;
  category: string;
  domain: Domain | null;
}

/**
 * The matrix as a table: the header `Responsibility, Category, Domain, <people…>`, then
 * one record per responsibility with its letters joined by "/" in R/A/C/I order. This
 * is the shape of the CSV and of the XLSX "Matrix" sheet, and what the importer reads.
 * `lettersAt(rowIndex, columnIndex)` gives a cell's letters.
 */
export function matrixTable(
  rows: readonly TableRow[],
  columns: readonly TableColumn[],
  lettersAt: (rowIndex: number, columnIndex: number) => Letters,
): string[][] {
  const header = [...CSV_META_HEADERS, ...columns.map((c) => formatColumnHeader(c.name, c.roleTitle))];
  const out: string[][] = [header];
  rows.forEach((row, r) => {
    const record = [row.title, row.category, row.domain ? DOMAIN_LABELS[row.domain] : ""];
    for (let c = 0; c < columns.length; c++) record.push(formatLetters(lettersAt(r, c)));
    out.push(record);
  });
  return out;
}

/** The matrix as a CSV download: BOM, neutralised values, CRLF. */
export function matrixToCsv(
  rows: readonly TableRow[],
  columns: readonly TableColumn[],
  lettersAt: (rowIndex: number, columnIndex: number) => Letters,
): string {
  return CSV_BOM + formatCsv(matrixTable(rows, columns, lettersAt));
}
