/**
 * The import model: what a pasted or uploaded table becomes before anything is saved.
 * The preview shows it (rows, columns, letters, issues, findings) and the server saves
 * exactly it, in one transaction.
 */
import type { FindingsSummary } from "../findings";
import type { Domain, Finding, Letters, RoleKind } from "../types";

/** A source format. "xlsx" tables are read on the server and enter as cells, not text. */
export type ImportFormat = "csv" | "tsv" | "markdown" | "xlsx";

/** Human names of the formats, for the preview ("Detected: Markdown table"). */
export const IMPORT_FORMAT_NAMES: Readonly<Record<ImportFormat, string>> = {
  csv: "CSV",
  tsv: "Tab-separated (copied from a spreadsheet)",
  markdown: "Markdown table",
  xlsx: "Excel workbook (XLSX)",
};

/**
 * Bounds on what one import may hold, stated in the errors that enforce them. Rows and
 * columns match what the grid and the findings engine are measured for (1000 × 100).
 */
export const IMPORT_LIMITS = {
  /** Pasted or uploaded text, in UTF-8 bytes. */
  maxTextBytes: 1_000_000,
  /** An uploaded file (an XLSX is compressed, so it may be larger than its text). */
  maxFileBytes: 5_000_000,
  /** Everything an XLSX expands to when unzipped (zip-bomb guard). */
  maxUnzippedBytes: 30_000_000,
  maxRows: 1000,
  /** People and roles (the Responsibility, Category, Domain and Description columns do not count). */
  maxColumns: 100,
  maxTitleLength: 200,
  maxDescriptionLength: 2000,
  maxCategoryLength: 80,
  maxNameLength: 120,
  maxRoleTitleLength: 120,
  maxMatrixNameLength: 120,
} as const;

/**
 * Issue codes. Errors block saving; warnings are shown in the preview and the import
 * goes ahead with what could be read.
 */
export type ImportIssueCode =
  /** Nothing to import (error). */
  | "EMPTY_INPUT"
  /** Bytes, rows or columns above {@link IMPORT_LIMITS} (error). */
  | "TOO_LARGE"
  /** The text is not a readable table: unterminated quote, no Markdown table, bad XLSX (error). */
  | "UNREADABLE"
  /** A header row without any person or role column (error). */
  | "NO_COLUMNS"
  /** A header row but no responsibilities under it (error). */
  | "NO_ROWS"
  /** A column with letters but no title (error). */
  | "MISSING_COLUMN_NAME"
  /** Two columns name the same person (error). */
  | "DUPLICATE_COLUMN"
  /** A row with letters but no responsibility title (error). */
  | "MISSING_TITLE"
  /** A row with more cells than the header has columns, and text in them (error). */
  | "EXTRA_CELLS"
  /** A title, name or category longer than allowed (error). */
  | "TOO_LONG"
  /** Text in a cell that is not R, A, C or I, e.g. RASCI's S (warning: left out). */
  | "UNKNOWN_LETTERS"
  /** A Domain cell that is not System, People or Shared (warning: left empty). */
  | "UNKNOWN_DOMAIN"
  /** Two responsibilities with the same title (warning: both are imported). */
  | "DUPLICATE_TITLE"
  /** A second Category/Domain/Description column (warning: it is read as a person). */
  | "DUPLICATE_META_COLUMN"
  /** A workbook with several sheets (warning: the first one is read). */
  | "OTHER_SHEETS_IGNORED"
  /** Closes a capped list: how many more issues there are (error when any of them is). */
  | "MORE_ISSUES";

export type ImportIssueSeverity = "error" | "warning";

export interface ImportIssue {
  code: ImportIssueCode;
  severity: ImportIssueSeverity;
  /** Written for people, with the row and column when there is one. */
  message: string;
  /** 1-based table row (the header is row 1), when the issue is about a row or cell. */
  row?: number;
  /** 1-based table column, when the issue is about a column or cell. */
  column?: number;
  /** The spreadsheet-style reference of the cell or column ("D4", "D"). */
  ref?: string;
}

/** A person or role column of the import. */
export interface ImportColumn {
  /** The title as written (emphasis stripped). */
  header: string;
  name: string;
  roleTitle: string;
  /** Recognised from the title. */
  roleKinds: RoleKind[];
  /** 1-based column in the source table. */
  sourceColumn: number;
}

/** A responsibility of the import, with its letters by column (same order as `columns`). */
export interface ImportRow {
  title: string;
  description: string;
  category: string;
  domain: Domain | null;
  letters: Letters[];
  /** 1-based row in the source table (the header is row 1). */
  sourceRow: number;
}

export interface ImportModel {
  format: ImportFormat;
  columns: ImportColumn[];
  rows: ImportRow[];
  /** Errors first, then warnings; each kind in table order. */
  issues: ImportIssue[];
  /** True when an issue blocks saving. */
  hasErrors: boolean;
  /** Which optional columns were found, by their 1-based source column. */
  metaColumns: { title: number; category?: number; domain?: number; description?: number };
}

/** A column of the preview: the import's column and, when the team has them, the person it will reuse. */
export interface ImportPreviewColumn extends ImportColumn {
  /** The team's existing person this column becomes, or null for a new person. */
  existingPersonId: string | null;
}

/**
 * What POST …/matrices/import?preview=1 answers: the table as it will be saved, every
 * issue, and the findings of the matrix it would make (row ids `row-1`…, column ids
 * `col-1`… in preview order). Nothing is saved.
 */
export interface ImportPreview {
  format: ImportFormat;
  /** The name the matrix gets when none is given (the file's name), or null. */
  suggestedName: string | null;
  columns: ImportPreviewColumn[];
  rows: ImportRow[];
  issues: ImportIssue[];
  hasErrors: boolean;
  findings: Finding[];
  summary: FindingsSummary;
}
