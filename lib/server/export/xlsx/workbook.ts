import "server-only";
import { columnLetter } from "@/lib/raci/import";
import { zip } from "./zip";

/**
 * A minimal XLSX (Office Open XML) writer: what the matrix export needs and nothing
 * else: several sheets, shared strings, a fixed style sheet (bold headers, rotated
 * people titles, letter fills), frozen panes, column widths and an auto filter. Every
 * cell is a typed string or number, never a formula, so no cell content can run.
 */

export type StyleName =
  | "default"
  | "header"
  | "headerRotated"
  | "wrap"
  | "letterR"
  | "letterA"
  | "letterC"
  | "letterI"
  | "error"
  | "warning"
  | "info"
  | "muted";

// Index of each style in cellXfs below.
const STYLE_INDEX: Readonly<Record<StyleName, number>> = {
  default: 0,
  header: 1,
  headerRotated: 2,
  wrap: 3,
  letterR: 4,
  letterA: 5,
  letterC: 6,
  letterI: 7,
  error: 8,
  warning: 9,
  info: 10,
  muted: 11,
};

export interface CellSpec {
  value: string | number;
  style?: StyleName;
}

export interface SheetSpec {
  name: string;
  /** Widths in characters, by column. */
  widths: number[];
  rows: { height?: number; cells: (CellSpec | null)[] }[];
  /** Rows and columns kept in view while scrolling. */
  freeze?: { rows: number; columns: number };
  autoFilter?: boolean;
}

export interface WorkbookSpec {
  title: string;
  creator: string;
  created: Date;
  sheets: SheetSpec[];
}

// Characters XML 1.0 does not allow, and lone surrogates: dropped rather than written
// as a file Excel refuses to open.
const INVALID_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

export function xmlEscape(s: string): string {
  return s
    .replace(INVALID_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const STYLES = `${XML_HEAD}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<fonts count="10">
<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>
<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>
<font><b/><sz val="11"/><color rgb="FF00509D"/><name val="Calibri"/><family val="2"/></font>
<font><b/><sz val="11"/><color rgb="FF5D15A2"/><name val="Calibri"/><family val="2"/></font>
<font><b/><sz val="11"/><color rgb="FF8A3E00"/><name val="Calibri"/><family val="2"/></font>
<font><b/><sz val="11"/><color rgb="FF005F51"/><name val="Calibri"/><family val="2"/></font>
<font><b/><sz val="11"/><color rgb="FFC81E1E"/><name val="Calibri"/><family val="2"/></font>
<font><b/><sz val="11"/><color rgb="FFB45309"/><name val="Calibri"/><family val="2"/></font>
<font><b/><sz val="11"/><color rgb="FF2563EB"/><name val="Calibri"/><family val="2"/></font>
<font><sz val="11"/><color rgb="FF64748B"/><name val="Calibri"/><family val="2"/></font>
</fonts>
<fills count="7">
<fill><patternFill patternType="none"/></fill>
<fill><patternFill patternType="gray125"/></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFF1F5F9"/><bgColor indexed="64"/></patternFill></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFE3F1FD"/><bgColor indexed="64"/></patternFill></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFF1E6FE"/><bgColor indexed="64"/></patternFill></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFFDEBDC"/><bgColor indexed="64"/></patternFill></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFE0F3EE"/><bgColor indexed="64"/></patternFill></fill>
</fills>
<borders count="2">
<border><left/><right/><top/><bottom/><diagonal/></border>
<border><left/><right/><top/><bottom style="thin"><color rgb="FF94A3B8"/></bottom><diagonal/></border>
</borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="12">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="bottom" wrapText="1"/></xf>
<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="bottom" textRotation="90" wrapText="1"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="0" fontId="2" fillId="3" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>
<xf numFmtId="0" fontId="3" fillId="4" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>
<xf numFmtId="0" fontId="4" fillId="5" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>
<xf numFmtId="0" fontId="5" fillId="6" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>
<xf numFmtId="0" fontId="6" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="0" fontId="7" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="0" fontId="8" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="0" fontId="9" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

/** Shared strings: each distinct text is stored once and cells refer to it by index. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  count = 0;

  add(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }

  xml(): string {
    const items = this.list.map((s) => `<si><t xml:space="preserve">${xmlEscape(s)}</t></si>`).join("");
    return `${XML_HEAD}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

function sheetXml(sheet: SheetSpec, strings: SharedStrings, isFirst: boolean): string {
  const nCols = Math.max(sheet.widths.length, ...sheet.rows.map((r) => r.cells.length), 1);
  const lastRef = `${columnLetter(nCols)}${Math.max(sheet.rows.length, 1)}`;
  let pane = "";
  const f = sheet.freeze;
  if (f && (f.rows > 0 || f.columns > 0)) {
    const topLeft = `${columnLetter(f.columns + 1)}${f.rows + 1}`;
    const active = f.rows > 0 && f.columns > 0 ? "bottomRight" : f.rows > 0 ? "bottomLeft" : "topRight";
    pane =
      `<pane${f.columns > 0 ? ` xSplit="${f.columns}"` : ""}${f.rows > 0 ? ` ySplit="${f.rows}"` : ""} topLeftCell="${topLeft}" activePane="${active}" state="frozen"/>` +
      `<selection pane="${active}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
  }
  const views = `<sheetViews><sheetView${isFirst ? ' tabSelected="1"' : ""} workbookViewId="0">${pane}</sheetView></sheetViews>`;
  const cols = sheet.widths.length
    ? `<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`
    : "";
  const rows: string[] = [];
  sheet.rows.forEach((row, r) => {
    const cells: string[] = [];
    row.cells.forEach((cell, c) => {
      if (!cell || cell.value === "") {
        if (cell?.style && cell.style !== "default")
          cells.push(`<c r="${columnLetter(c + 1)}${r + 1}" s="${STYLE_INDEX[cell.style]}"/>`);
        return;
      }
      const ref = `${columnLetter(c + 1)}${r + 1}`;
      const s = cell.style && cell.style !== "default" ? ` s="${STYLE_INDEX[cell.style]}"` : "";
      if (typeof cell.value === "number") cells.push(`<c r="${ref}"${s}><v>${cell.value}</v></c>`);
      else cells.push(`<c r="${ref}"${s} t="s"><v>${strings.add(cell.value)}</v></c>`);
    });
    const ht = row.height ? ` ht="${row.height}" customHeight="1"` : "";
    rows.push(`<row r="${r + 1}"${ht}>${cells.join("")}</row>`);
  });
  const filter = sheet.autoFilter && sheet.rows.length > 0 ? `<autoFilter ref="A1:${lastRef}"/>` : "";
  return (
    `${XML_HEAD}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<dimension ref="A1:${lastRef}"/>${views}<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${rows.join("")}</sheetData>${filter}` +
    `<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/><pageSetup orientation="landscape" fitToHeight="0"/></worksheet>`
  );
}

/** Sheet names: at most 31 characters, none of []:*?/\ (Excel's rules), unique. */
function sheetName(name: string, taken: Set<string>): string {
  let base =
    name
      .replace(/[[\]:*?/\\]/g, " ")
      .trim()
      .slice(0, 31) || "Sheet";
  let n = 2;
  let candidate = base;
  while (taken.has(candidate.toLowerCase())) {
    const suffix = ` (${n++})`;
    base = base.slice(0, 31 - suffix.length);
    candidate = base + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** The .xlsx file of a workbook. */
export function writeWorkbook(spec: WorkbookSpec): Buffer {
  const strings = new SharedStrings();
  const taken = new Set<string>();
  const names = spec.sheets.map((s) => sheetName(s.name, taken));
  const sheets = spec.sheets.map((s, i) => sheetXml(s, strings, i === 0));
  const iso = spec.created.toISOString().replace(/\.\d{3}Z$/, "Z");
  const n = spec.sheets.length;
  const range = (f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join("");

  return zip(
    [
      {
        name: "[Content_Types].xml",
        data:
          `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
          `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
          range(
            (i) =>
              `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          ) +
          `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
          `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
          `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
          `<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
      },
      {
        name: "_rels/.rels",
        data:
          `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
          `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
          `<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`,
      },
      {
        name: "docProps/core.xml",
        data:
          `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
          `<dc:title>${xmlEscape(spec.title)}</dc:title><dc:creator>${xmlEscape(spec.creator)}</dc:creator>` +
          `<dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified></cp:coreProperties>`,
      },
      {
        name: "docProps/app.xml",
        data: `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Remit</Application></Properties>`,
      },
      {
        name: "xl/workbook.xml",
        data:
          `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
          `<bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
          range(
            (i) => `<sheet name="${xmlEscape(names[i] ?? `Sheet${i + 1}`)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
          ) +
          `</sheets>` +
          (spec.sheets.some((s) => s.autoFilter)
            ? `<definedNames>${range((i) =>
                spec.sheets[i]?.autoFilter
                  ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${xmlEscape((names[i] ?? "").replace(/'/g, "''"))}'!$A$1:$${columnLetter(Math.max(spec.sheets[i]?.widths.length ?? 1, 1))}$${Math.max(spec.sheets[i]?.rows.length ?? 1, 1)}</definedName>`
                  : "",
              )}</definedNames>`
            : "") +
          `</workbook>`,
      },
      {
        name: "xl/_rels/workbook.xml.rels",
        data:
          `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          range(
            (i) =>
              `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          ) +
          `<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
          `<Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      },
      { name: "xl/styles.xml", data: STYLES },
      ...sheets.map((data, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data })),
      // Written last: the sheets fill it.
      { name: "xl/sharedStrings.xml", data: strings.xml() },
    ],
    spec.created,
  );
}
