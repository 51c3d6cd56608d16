import { describe, expect, it } from "vitest";
import {
  CSV_BOM,
  formatCsv,
  formatField,
  matrixTable,
  matrixToCsv,
  neutralizeFormula,
  parseDelimited,
  restoreNeutralized,
  type TableColumn,
  type TableRow,
} from "./csv";
import { parseImportText } from "./import";
import type { Letters } from "./types";

describe("parseDelimited (RFC 4180)", () => {
  it("reads plain records with CRLF, LF and CR line ends", () => {
    expect(parseDelimited("a,b\r\nc,d\ne,f\rg,h").rows).toEqual([
      ["a", "b"],
      ["c", "d"],
      ["e", "f"],
      ["g", "h"],
    ]);
  });

  it("reads quoted fields holding delimiters, doubled quotes and line breaks", () => {
    const { rows, lines } = parseDelimited(
      'title,note\r\n"Deploy, then verify","say ""done"""\r\n"two\r\nlines",x\r\nlast,y\r\n',
    );
    expect(rows).toEqual([
      ["title", "note"],
      ["Deploy, then verify", 'say "done"'],
      ["two\r\nlines", "x"],
      ["last", "y"],
    ]);
    // The record after the two-line field starts on line 5.
    expect(lines).toEqual([1, 2, 3, 5]);
  });

  it("skips a BOM and does not add a record for the final line break", () => {
    expect(parseDelimited(`${CSV_BOM}a,b\n1,2\n`).rows).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("keeps empty fields, including a trailing delimiter", () => {
    expect(parseDelimited(",a,,\n").rows).toEqual([["", "a", "", ""]]);
  });

  it("allows spaces around a quoted field and keeps text after a closing quote", () => {
    expect(parseDelimited('  "a, b"  ,"x"y, c ').rows).toEqual([["a, b", "xy", " c "]]);
  });

  it("keeps a stray quote inside an unquoted field as text", () => {
    expect(parseDelimited('5" screen,ok').rows).toEqual([['5" screen', "ok"]]);
  });

  it("reports an unterminated quote at the line where it opened", () => {
    const result = parseDelimited('a,b\n1,2\n"open,3\n4,5\n');
    expect(result.error).toEqual({ line: 3, message: expect.stringContaining("line 3") });
  });

  it("reads tab-separated text with Excel's quoting", () => {
    expect(parseDelimited('Title\tAna\n"Multi\nline"\tR/A\n', { delimiter: "\t" }).rows).toEqual([
      ["Title", "Ana"],
      ["Multi\nline", "R/A"],
    ]);
  });

  it("does not skip a leading tab as white space when tab is the delimiter", () => {
    expect(parseDelimited('\t"x"\n', { delimiter: "\t" }).rows).toEqual([["", "x"]]);
  });

  it("stops at maxRecords and says so when more follows", () => {
    const result = parseDelimited("1\n2\n3\n4\n", { maxRecords: 2 });
    expect(result.rows).toHaveLength(2);
    expect(result.error).toBeDefined();
    expect(parseDelimited("1\n2\n", { maxRecords: 2 }).error).toBeUndefined();
  });
});

describe("formula neutralisation", () => {
  it.each(["=SUM(A1:A9)", "+1", "-5 on-call", "@here", "\tindent", "\rx", "'quoted"])(
    "neutralises %j and restores it",
    (value) => {
      const safe = neutralizeFormula(value);
      expect(safe.startsWith("'")).toBe(true);
      expect(restoreNeutralized(safe)).toBe(value);
    },
  );

  it.each(["Code reviews", "R/A", "", "a=b", "Zoë", "'"])("leaves %j alone", (value) => {
    expect(restoreNeutralized(neutralizeFormula(value))).toBe(value);
  });

  it("does not strip an apostrophe that no export added", () => {
    expect(restoreNeutralized("'til done")).toBe("'til done");
  });
});

describe("formatCsv", () => {
  it("quotes only what needs it and ends every record with CRLF", () => {
    expect(formatCsv([["a", "b, c", 'say "hi"', "two\nlines", " pad"]])).toBe(
      'a,"b, c","say ""hi""","two\nlines"," pad"\r\n',
    );
  });

  it("neutralises formulas in every field", () => {
    expect(formatCsv([["=1+1", "@cmd", "ok"]])).toBe("'=1+1,'@cmd,ok\r\n");
  });

  it("reads back what it writes", () => {
    const rows = [['=HYPERLINK("http://x")', "a,b", 'q"q', "multi\r\nline", "-", "'"]];
    const parsed = parseDelimited(formatCsv(rows)).rows.map((r) => r.map(restoreNeutralized));
    expect(parsed).toEqual(rows);
  });

  it("formats single fields", () => {
    expect(formatField("a;b", ";")).toBe('"a;b"');
    expect(formatField("a;b", ",")).toBe("a;b");
  });
});

const columns: TableColumn[] = [
  { name: "Zoë Ødegård", roleTitle: "Tech Lead" },
  { name: "李雷", roleTitle: "Engineering Manager" },
  { name: "Engineering Manager (hiring)", roleTitle: "Engineering Manager" },
  { name: "Tech Lead", roleTitle: "Tech Lead" },
  { name: "Sam", roleTitle: "" },
];
const rows: TableRow[] = [
  { id: "r1", title: "Code reviews, merges", category: "Delivery", domain: "SYSTEM" },
  { id: "r2", title: 'The "on-call" rota', category: "Operations", domain: null },
  { id: "r3", title: "=SUM(A1) is not a formula", category: "", domain: "PEOPLE" },
  { id: "r4", title: "-5% attrition", category: "People", domain: "SHARED" },
  { id: "r5", title: "@channel etiquette", category: "People", domain: "PEOPLE" },
  { id: "r6", title: "Code reviews, merges", category: "Delivery", domain: "SYSTEM" },
];
const letters: Letters[][] = [
  ["A", "C", "", "R", "I"],
  ["RA", "", "I", "", ""],
  ["", "A", "R", "CI", ""],
  ["RACI", "RA", "", "", "C"],
  ["", "", "", "", ""],
  ["I", "A", "R", "C", "RA"],
];
const at = (r: number, c: number) => letters[r]?.[c] ?? "";

describe("matrixTable / matrixToCsv", () => {
  it("writes the documented header and one record per responsibility", () => {
    const table = matrixTable(rows.slice(0, 2), columns.slice(0, 2), at);
    expect(table).toEqual([
      ["Responsibility", "Category", "Domain", "Zoë Ødegård (Tech Lead)", "李雷 (Engineering Manager)"],
      ["Code reviews, merges", "Delivery", "System", "A", "C"],
      ['The "on-call" rota', "Operations", "", "R/A", ""],
    ]);
  });

  it("starts with a BOM and neutralises formula-like titles", () => {
    const csv = matrixToCsv(rows, columns, at);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv).toContain("\r\n'=SUM(A1) is not a formula,");
    expect(csv).toContain("\r\n'-5% attrition,");
    expect(csv).toContain("\r\n'@channel etiquette,");
    expect(csv).toContain("R/A/C/I");
  });

  it("round-trips through the importer: titles, categories, domains, columns and letters", () => {
    const model = parseImportText(matrixToCsv(rows, columns, at));
    expect(model.hasErrors).toBe(false);
    expect(model.format).toBe("csv");
    expect(model.rows.map((r) => [r.title, r.category, r.domain])).toEqual(
      rows.map((r) => [r.title, r.category, r.domain]),
    );
    expect(model.columns.map((c) => [c.name, c.roleTitle])).toEqual(columns.map((c) => [c.name, c.roleTitle || ""]));
    expect(model.rows.map((r) => r.letters)).toEqual(letters);
    // The only remark is the duplicated title, which the source really has.
    expect(model.issues.map((i) => i.code)).toEqual(["DUPLICATE_TITLE"]);
  });

  it("round-trips role kinds recognised from the titles", () => {
    const model = parseImportText(matrixToCsv(rows, columns, at));
    expect(model.columns.map((c) => c.roleKinds)).toEqual([
      ["TECH_LEAD"],
      ["ENGINEERING_MANAGER"],
      ["ENGINEERING_MANAGER"],
      ["TECH_LEAD"],
      [],
    ]);
  });
});
