/**
 * A table of strings (from CSV, TSV, Markdown or an XLSX sheet) becomes the import
 * model: responsibilities, people and letters, plus every issue found on the way, each
 * with its row and column. Liberal in what it reads, explicit in what it reports.
 */
import { restoreNeutralized } from "../csv";
import { parseLetters } from "../letters";
import type { Domain, Letters } from "../types";
import { parseColumnHeader } from "./column-header";
import { stripMarkdownInline } from "./markdown-table";
import {
  IMPORT_LIMITS,
  type ImportColumn,
  type ImportFormat,
  type ImportIssue,
  type ImportIssueCode,
  type ImportModel,
  type ImportRow,
} from "./types";

/** At most this many issues are listed; the rest are counted in one closing line. */
export const MAX_LISTED_ISSUES = 200;

/** Input of {@link tableToImport}. */
export interface SourceTable {
  format: ImportFormat;
  rows: readonly (readonly string[])[];
  /** The 1-based source line of each row, for text formats (messages then name the line too). */
  lines?: readonly number[];
}

type MetaKind = "category" | "domain" | "description";

// Header names of the optional columns (compared lower-case, without a trailing colon).
const META_HEADERS: ReadonlyMap<string, MetaKind> = new Map<string, MetaKind>([
  ["category", "category"],
  ["categories", "category"],
  ["domain", "domain"],
  ["description", "description"],
]);

// A Map, so that "constructor" or "__proto__" in a cell cannot reach Object.prototype.
const DOMAIN_WORDS: ReadonlyMap<string, Domain> = new Map<string, Domain>([
  ["system", "SYSTEM"],
  ["people", "PEOPLE"],
  ["shared", "SHARED"],
]);

/** "A", …, "Z", "AA", …: the spreadsheet name of a 1-based column. */
export function columnLetter(column: number): string {
  let n = column;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function quote(s: string): string {
  return `“${s.length > 60 ? `${s.slice(0, 57)}…` : s}”`;
}

/**
 * Text of a cell as a value: apostrophes added by a formula-safe export are removed,
 * Markdown markup is stripped for Markdown sources, and white space (line breaks,
 * non-breaking spaces) collapses to single spaces.
 */
function cleanText(raw: string | undefined, isMarkdown: boolean): string {
  if (raw === undefined) return "";
  let s = raw.trim();
  if (isMarkdown) s = stripMarkdownInline(s);
  s = s.replace(/\s+/gu, " ").trim();
  return restoreNeutralized(s);
}

function metaKindOf(header: string): MetaKind | undefined {
  return META_HEADERS.get(header.toLowerCase().replace(/:$/u, "").trim());
}

class IssueList {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  private dropped = { error: 0, warning: 0 };

  add(issue: ImportIssue): void {
    const list = issue.severity === "error" ? this.errors : this.warnings;
    if (this.errors.length + this.warnings.length >= MAX_LISTED_ISSUES) this.dropped[issue.severity]++;
    else list.push(issue);
  }

  get hasErrors(): boolean {
    return this.errors.length > 0 || this.dropped.error > 0;
  }

  all(): ImportIssue[] {
    const out = [...this.errors, ...this.warnings];
    const more = this.dropped.error + this.dropped.warning;
    if (more > 0) {
      out.push({
        code: "MORE_ISSUES",
        severity: this.dropped.error > 0 ? "error" : "warning",
        message: `…and ${more} more ${more === 1 ? "issue" : "issues"} like the ones above. Fix those first; the rest will show again.`,
      });
    }
    return out;
  }
}

/** Builds the import model of a table whose first non-blank row is the header. */
export function tableToImport(source: SourceTable): ImportModel {
  const { format } = source;
  const md = format === "markdown";
  const issues = new IssueList();
  const model = (columns: ImportColumn[], rows: ImportRow[], metaColumns: ImportModel["metaColumns"]): ImportModel => ({
    format,
    columns,
    rows,
    issues: issues.all(),
    hasErrors: issues.hasErrors,
    metaColumns,
  });
  const fail = (code: ImportIssueCode, message: string, at: Partial<ImportIssue> = {}): ImportModel => {
    issues.add({ code, severity: "error", message, ...at });
    return model([], [], { title: 1 });
  };

  const table = source.rows;
  const isBlank = (row: readonly string[] | undefined) => !row || row.every((c) => c.trim() === "");
  let headerIndex = 0;
  while (headerIndex < table.length && isBlank(table[headerIndex])) headerIndex++;
  const headerRow = table[headerIndex];
  if (!headerRow) return fail("EMPTY_INPUT", "There is nothing to import: paste a table or choose a file.");

  /** "Row 4, column D (“Ben”)", naming the source line when it differs from the row. */
  const rowNumber = (index: number) => index + 1;
  const lineOf = (index: number) => source.lines?.[index];
  const where = (index: number, column?: number, header?: string): string => {
    const line = lineOf(index);
    let s = `Row ${rowNumber(index)}`;
    if (line !== undefined && line !== rowNumber(index)) s += ` (line ${line})`;
    if (column !== undefined) s += `, column ${columnLetter(column)}${header ? ` (${quote(header)})` : ""}`;
    return s;
  };
  const cellAt = (index: number, column: number) => ({
    row: rowNumber(index),
    column,
    ref: `${columnLetter(column)}${rowNumber(index)}`,
  });

  // ---- Header: the responsibility column, the optional columns, the people.
  const headers = headerRow.map((h) => cleanText(h, md));
  const meta: { category?: number; domain?: number; description?: number } = {};
  let titleIndex = -1;
  const personIndexes: number[] = [];
  headers.forEach((h, i) => {
    const kind = metaKindOf(h);
    if (kind && meta[kind] === undefined) {
      meta[kind] = i;
      return;
    }
    if (kind) {
      issues.add({
        code: "DUPLICATE_META_COLUMN",
        severity: "warning",
        message: `Column ${columnLetter(i + 1)} is a second ${quote(h)} column and was ignored.`,
        column: i + 1,
        ref: columnLetter(i + 1),
      });
      return;
    }
    if (titleIndex < 0) titleIndex = i;
    else personIndexes.push(i);
  });
  if (titleIndex < 0) {
    return fail(
      "NO_COLUMNS",
      "The first row has no column for the responsibilities: it should start with a column of titles, then one column per person or role.",
      { row: rowNumber(headerIndex) },
    );
  }

  const dataIndexes: number[] = [];
  for (let i = headerIndex + 1; i < table.length; i++) if (!isBlank(table[i])) dataIndexes.push(i);
  if (dataIndexes.length > IMPORT_LIMITS.maxRows) {
    return fail(
      "TOO_LARGE",
      `The table has ${dataIndexes.length} responsibilities; an import takes at most ${IMPORT_LIMITS.maxRows}. Split it into several matrices.`,
    );
  }

  // People columns: an untitled column is skipped when empty (spreadsheets copy those),
  // and an error when it holds letters.
  const columns: ImportColumn[] = [];
  const columnIndexes: number[] = [];
  const seenNames = new Map<string, number>();
  for (const i of personIndexes) {
    const header = headers[i] ?? "";
    const col = i + 1;
    if (header === "") {
      const used = dataIndexes.find((r) => (table[r]?.[i] ?? "").trim() !== "");
      if (used !== undefined) {
        issues.add({
          code: "MISSING_COLUMN_NAME",
          severity: "error",
          message: `Column ${columnLetter(col)} has letters (first on row ${rowNumber(used)}) but no name in the first row. Add the person’s name or role.`,
          column: col,
          ref: columnLetter(col),
        });
      }
      continue;
    }
    const parsed = parseColumnHeader(header);
    if (parsed.name.length > IMPORT_LIMITS.maxNameLength) {
      issues.add({
        code: "TOO_LONG",
        severity: "error",
        message: `Column ${columnLetter(col)}: the name ${quote(parsed.name)} is longer than ${IMPORT_LIMITS.maxNameLength} characters.`,
        column: col,
        ref: columnLetter(col),
      });
    } else if (parsed.roleTitle.length > IMPORT_LIMITS.maxRoleTitleLength) {
      issues.add({
        code: "TOO_LONG",
        severity: "error",
        message: `Column ${columnLetter(col)}: the role title ${quote(parsed.roleTitle)} is longer than ${IMPORT_LIMITS.maxRoleTitleLength} characters.`,
        column: col,
        ref: columnLetter(col),
      });
    }
    const key = parsed.name.toLocaleLowerCase();
    const first = seenNames.get(key);
    if (first !== undefined) {
      issues.add({
        code: "DUPLICATE_COLUMN",
        severity: "error",
        message: `Columns ${columnLetter(first)} and ${columnLetter(col)} are both ${quote(parsed.name)}. Each person or role can have one column: rename or merge one of them.`,
        column: col,
        ref: columnLetter(col),
      });
      continue;
    }
    seenNames.set(key, col);
    columns.push({
      header,
      name: parsed.name,
      roleTitle: parsed.roleTitle,
      roleKinds: parsed.roleKinds,
      sourceColumn: col,
    });
    columnIndexes.push(i);
  }
  if (columns.length > IMPORT_LIMITS.maxColumns) {
    return fail(
      "TOO_LARGE",
      `The table has ${columns.length} people and roles; an import takes at most ${IMPORT_LIMITS.maxColumns} columns of them.`,
    );
  }
  const metaColumns: ImportModel["metaColumns"] = {
    title: titleIndex + 1,
    ...(meta.category !== undefined ? { category: meta.category + 1 } : {}),
    ...(meta.domain !== undefined ? { domain: meta.domain + 1 } : {}),
    ...(meta.description !== undefined ? { description: meta.description + 1 } : {}),
  };
  if (columns.length === 0 && !issues.hasErrors) {
    issues.add({
      code: "NO_COLUMNS",
      severity: "error",
      message:
        "The table has no person or role columns: after the responsibility column (and the optional Category, Domain and Description columns), add one column per person or role.",
      row: rowNumber(headerIndex),
    });
  }

  // ---- Rows.
  const rows: ImportRow[] = [];
  const titleRows = new Map<string, number>();
  const tooLong = (index: number, column: number, what: string, value: string, max: number) =>
    issues.add({
      code: "TOO_LONG",
      severity: "error",
      message: `${where(index, column)}: the ${what} ${quote(value)} is longer than ${max} characters.`,
      ...cellAt(index, column),
    });

  for (const index of dataIndexes) {
    const raw = table[index] ?? [];
    const extra = raw.slice(headers.length).findIndex((c) => c.trim() !== "");
    if (extra >= 0) {
      const col = headers.length + extra + 1;
      issues.add({
        code: "EXTRA_CELLS",
        severity: "error",
        message: `${where(index, col)}: this row has text beyond the last titled column (${columnLetter(headers.length)}). Add a title for that column or remove the text.`,
        ...cellAt(index, col),
      });
    }
    const title = cleanText(raw[titleIndex], md);
    const category = meta.category !== undefined ? cleanText(raw[meta.category], md) : "";
    const description = meta.description !== undefined ? cleanText(raw[meta.description], md) : "";
    const domainText = meta.domain !== undefined ? cleanText(raw[meta.domain], md) : "";

    const letters: Letters[] = [];
    columnIndexes.forEach((i, c) => {
      const column = columns[c];
      const cell = cleanText(raw[i], md);
      const parsed = parseLetters(cell);
      letters.push(parsed.letters);
      if (parsed.unknown.length > 0 && column) {
        const kept = parsed.letters ? ` Kept ${parsed.letters.split("").join("/")}.` : "";
        issues.add({
          code: "UNKNOWN_LETTERS",
          severity: "warning",
          message: `${where(index, column.sourceColumn, column.name)}: ${parsed.unknown.map(quote).join(", ")} ${parsed.unknown.length === 1 ? "is not a RACI letter" : "are not RACI letters"} (R, A, C or I) and ${parsed.unknown.length === 1 ? "was" : "were"} left out.${kept}`,
          ...cellAt(index, column.sourceColumn),
        });
      }
    });

    if (title === "") {
      issues.add({
        code: "MISSING_TITLE",
        severity: "error",
        message: `${where(index, titleIndex + 1)}: this row has no responsibility title. Add one, or clear the row.`,
        ...cellAt(index, titleIndex + 1),
      });
      continue;
    }
    if (title.length > IMPORT_LIMITS.maxTitleLength)
      tooLong(index, titleIndex + 1, "title", title, IMPORT_LIMITS.maxTitleLength);
    if (meta.category !== undefined && category.length > IMPORT_LIMITS.maxCategoryLength) {
      tooLong(index, meta.category + 1, "category", category, IMPORT_LIMITS.maxCategoryLength);
    }
    if (meta.description !== undefined && description.length > IMPORT_LIMITS.maxDescriptionLength) {
      tooLong(index, meta.description + 1, "description", description, IMPORT_LIMITS.maxDescriptionLength);
    }

    let domain: Domain | null = null;
    if (domainText !== "" && meta.domain !== undefined) {
      domain = DOMAIN_WORDS.get(domainText.toLowerCase()) ?? null;
      if (domain === null && !["-", "—", "–", "n/a", "none"].includes(domainText.toLowerCase())) {
        issues.add({
          code: "UNKNOWN_DOMAIN",
          severity: "warning",
          message: `${where(index, meta.domain + 1)}: the domain ${quote(domainText)} is not System, People or Shared and was left empty.`,
          ...cellAt(index, meta.domain + 1),
        });
      }
    }

    const key = title.toLocaleLowerCase();
    const firstRow = titleRows.get(key);
    if (firstRow !== undefined) {
      issues.add({
        code: "DUPLICATE_TITLE",
        severity: "warning",
        message: `${where(index, titleIndex + 1)}: ${quote(title)} is also on row ${firstRow}. Both are imported; merge them if they are the same responsibility.`,
        ...cellAt(index, titleIndex + 1),
      });
    } else titleRows.set(key, rowNumber(index));

    rows.push({ title, description, category, domain, letters, sourceRow: rowNumber(index) });
  }

  if (rows.length === 0 && !issues.hasErrors) {
    issues.add({
      code: "NO_ROWS",
      severity: "error",
      message: "The table has a header row but no responsibilities under it.",
      row: rowNumber(headerIndex) + 1,
    });
  }
  return model(columns, rows, metaColumns);
}
