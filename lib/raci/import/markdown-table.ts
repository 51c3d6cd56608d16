/**
 * Markdown tables (GitHub-flavoured), as copied from a wiki, a README or a chat: the
 * first table in the text is read, prose around it is ignored.
 */

/** A table found in Markdown text: its rows (header first) and the 1-based line of each. */
export interface MarkdownTable {
  rows: string[][];
  lines: number[];
}

// A delimiter row cell: "---", ":--", "--:", ":-:" (spaces around allowed).
const DELIMITER_CELL = /^\s*:?-+:?\s*$/;

/**
 * Splits one table line into cells: outer pipes are optional, `\|` is a literal pipe
 * (also inside code spans, as GFM says), cells are trimmed.
 */
export function splitMarkdownRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith("|")) s = s.slice(1);
  if (s.endsWith("|") && !s.endsWith("\\|")) s = s.slice(0, -1);
  const cells: string[] = [];
  let cur = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === "\\" && s[i + 1] === "|") {
      cur += "|";
      i++;
    } else if (ch === "|") {
      cells.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  cells.push(cur.trim());
  return cells;
}

function isDelimiterRow(line: string): boolean {
  if (!line.includes("-")) return false;
  const cells = splitMarkdownRow(line);
  return cells.length > 0 && cells.every((c) => DELIMITER_CELL.test(c)) && (line.includes("|") || cells.length > 1);
}

/** True when the text holds a Markdown table: a header line with pipes followed by a delimiter row. */
export function hasMarkdownTable(text: string): boolean {
  return findTable(text.split(/\r\n|\n|\r/)) !== null;
}

function findTable(lines: readonly string[]): number | null {
  for (let i = 0; i + 1 < lines.length; i++) {
    const header = lines[i] ?? "";
    if (header.includes("|") && isDelimiterRow(lines[i + 1] ?? "")) return i;
  }
  return null;
}

/**
 * The first Markdown table in `text`, or null when there is none. Body rows run until
 * a blank line or a line without a pipe. Cells are raw Markdown (see
 * {@link stripMarkdownInline}); the delimiter row is dropped.
 */
export function parseMarkdownTable(text: string): MarkdownTable | null {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  const start = findTable(lines);
  if (start === null) return null;
  const rows: string[][] = [splitMarkdownRow(lines[start] ?? "")];
  const lineNumbers = [start + 1];
  for (let i = start + 2; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.trim() === "" || !line.includes("|")) break;
    rows.push(splitMarkdownRow(line));
    lineNumbers.push(i + 1);
  }
  return { rows, lines: lineNumbers };
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  "#39": "'",
};

/**
 * Plain text of a Markdown cell: emphasis (`**bold**`, `__bold__`, `*it*`, `_it_`,
 * `~~struck~~`), code spans, links and images lose their markup, `<br>` becomes a
 * space, backslash escapes and the common HTML entities are resolved. Underscores
 * inside words ("on_call") are kept.
 */
export function stripMarkdownInline(input: string): string {
  let s = input.replace(/<br\s*\/?>/giu, " ");
  s = s.replace(/!?\[([^\]]*)\]\([^)]*\)/gu, "$1");
  s = s.replace(/`+([^`]*?)`+/gu, "$1");
  s = s.replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/gu, "$2");
  s = s.replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([\s\S]*?\S)\*(?![\p{L}\p{N}*])/gu, "$1$2");
  s = s.replace(/(^|[^\p{L}\p{N}_])_(?=\S)([\s\S]*?\S)_(?![\p{L}\p{N}_])/gu, "$1$2");
  s = s.replace(/~~(?=\S)([\s\S]*?\S)~~/gu, "$1");
  s = s.replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/gu, "$1");
  s = s.replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/gu, (_m, name: string) => ENTITIES[name] ?? "");
  return s;
}
