import "server-only";
import { IMPORT_LIMITS } from "@/lib/raci/import";
import { openZip, UnzipError, type ZipReader } from "./unzip";

/** The first sheet of a workbook as a table of strings, or why it could not be read. */
export type XlsxTable =
  | { ok: true; rows: string[][]; sheetName: string; otherSheets: string[] }
  | { ok: false; message: string; tooLarge: boolean };

const MAX_ENTRIES = 2000;
// More rows or columns than this are refused while reading (the importer's limits, with
// room for blank rows and the optional columns), so a huge sheet costs no memory.
const MAX_ROWS = IMPORT_LIMITS.maxRows * 2 + 10;
const MAX_COLUMNS = IMPORT_LIMITS.maxColumns + 20;

const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g;
const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML text to a string: the five predefined entities and character references only. */
function unescapeXml(s: string): string {
  return s.replace(ENTITY, (_m, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name] ?? "";
    const cp = dec ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? "0", 16);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : "";
  });
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m?.[1] !== undefined ? unescapeXml(m[1]) : undefined;
}

/** All text of `<t>` elements inside `xml` (rich text runs are joined; phonetic runs skipped). */
function textOf(xml: string): string {
  let out = "";
  const withoutPhonetic = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  for (const m of withoutPhonetic.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) out += unescapeXml(m[1] ?? "");
  return out;
}

function readText(zip: ZipReader, name: string): string | undefined {
  const bytes = zip.read(name);
  if (!bytes) return undefined;
  const text = bytes.toString("utf8");
  // Spreadsheets never need a DTD; refusing one rules out entity-expansion tricks.
  if (/<!DOCTYPE|<!ENTITY/i.test(text))
    throw new UnzipError("This file contains XML declarations spreadsheets do not use.");
  return text;
}

/** "AB12" → column 28 (1-based); 0 when the reference is not a cell. */
function columnOf(ref: string): number {
  let col = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else break;
  }
  return col;
}

function resolveTarget(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = `xl/${target}`.split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

/**
 * Reads the first sheet of an .xlsx workbook into a table of display strings (numbers
 * as written, booleans as TRUE/FALSE, formulas as their cached result). Bounded in
 * unpacked size, parts, rows and columns; never evaluates anything.
 */
export function readXlsx(data: Buffer): XlsxTable {
  try {
    const zip = openZip(data, { maxTotalBytes: IMPORT_LIMITS.maxUnzippedBytes, maxEntries: MAX_ENTRIES });
    const workbook = readText(zip, "xl/workbook.xml");
    if (!workbook)
      return { ok: false, message: "This is not an Excel workbook (.xlsx): it has no workbook part.", tooLarge: false };
    const sheets = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => ({
      name: attr(m[0], "name") ?? "Sheet",
      rid: attr(m[0], "r:id") ?? "",
      state: attr(m[0], "state") ?? "visible",
    }));
    const visible = sheets.filter((s) => s.state === "visible");
    const first = visible[0] ?? sheets[0];
    if (!first) return { ok: false, message: "This workbook has no sheets.", tooLarge: false };

    const rels = readText(zip, "xl/_rels/workbook.xml.rels") ?? "";
    let sheetPath = "xl/worksheets/sheet1.xml";
    let stringsPath = "xl/sharedStrings.xml";
    for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      const id = attr(m[0], "Id");
      const target = attr(m[0], "Target") ?? "";
      const type = attr(m[0], "Type") ?? "";
      if (id === first.rid) sheetPath = resolveTarget(target);
      if (type.endsWith("/sharedStrings")) stringsPath = resolveTarget(target);
    }

    const shared: string[] = [];
    const sst = readText(zip, stringsPath);
    if (sst) for (const m of sst.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) shared.push(textOf(m[1] ?? ""));

    const sheet = readText(zip, sheetPath);
    if (!sheet)
      return { ok: false, message: `The sheet “${first.name}” could not be found in this file.`, tooLarge: false };

    const rows: string[][] = [];
    for (const rowMatch of sheet.matchAll(/<row\b([^>]*)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
      const rowNumber = Number(attr(rowMatch[0].slice(0, rowMatch[0].indexOf(">") + 1), "r") ?? rows.length + 1);
      // Rows with formatting but no value (Excel writes those) are not rows of the table.
      if (!Number.isInteger(rowNumber) || rowNumber < 1 || !/<v>|<is>/.test(rowMatch[2] ?? "")) continue;
      if (rowNumber > MAX_ROWS) {
        return {
          ok: false,
          message: `The sheet has more than ${IMPORT_LIMITS.maxRows} rows; an import takes at most ${IMPORT_LIMITS.maxRows} responsibilities.`,
          tooLarge: true,
        };
      }
      const cells: string[] = [];
      let next = 1;
      for (const c of (rowMatch[2] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const open = `<c${c[1] ?? ""}>`;
        const ref = attr(open, "r");
        const col = ref ? columnOf(ref) : next;
        next = col + 1;
        if (col < 1) continue;
        if (col > MAX_COLUMNS) {
          const body = c[2] ?? "";
          if (/<v>|<is>/.test(body)) {
            return {
              ok: false,
              message: `The sheet has more than ${IMPORT_LIMITS.maxColumns} columns of people; an import takes at most ${IMPORT_LIMITS.maxColumns}.`,
              tooLarge: true,
            };
          }
          continue;
        }
        const type = attr(open, "t") ?? "n";
        const body = c[2] ?? "";
        let value = "";
        if (type === "inlineStr") value = textOf(body);
        else {
          const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
          if (v !== undefined) {
            const raw = unescapeXml(v);
            if (type === "s") value = shared[Number(raw)] ?? "";
            else if (type === "b") value = raw === "1" ? "TRUE" : "FALSE";
            else value = raw;
          }
        }
        while (cells.length < col - 1) cells.push("");
        cells[col - 1] = value;
      }
      while (rows.length < rowNumber - 1) rows.push([]);
      rows[rowNumber - 1] = cells;
    }
    const otherSheets = sheets.filter((s) => s !== first && s.state === "visible").map((s) => s.name);
    return { ok: true, rows, sheetName: first.name, otherSheets };
  } catch (e) {
    if (e instanceof UnzipError) return { ok: false, message: e.message, tooLarge: e.tooLarge };
    return { ok: false, message: "This file could not be read as an Excel workbook (.xlsx).", tooLarge: false };
  }
}
