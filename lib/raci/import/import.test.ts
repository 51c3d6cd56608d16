import { describe, expect, it } from "vitest";
import { computeFindings } from "../findings";
import {
  IMPORT_LIMITS,
  columnLetter,
  detectTextFormat,
  formatColumnHeader,
  importToRaciMatrix,
  parseColumnHeader,
  parseImportText,
  parseMarkdownTable,
  splitMarkdownRow,
  stripMarkdownInline,
  tableToImport,
  type ImportModel,
} from ".";

declare global {
  interface ImportMeta {
    glob(pattern: string, options: { query: "?raw"; import: "default"; eager: true }): Record<string, string>;
  }
}

const codes = (m: ImportModel) => m.issues.map((i) => i.code);
const lettersOf = (m: ImportModel) => Object.fromEntries(m.rows.map((r) => [r.title, r.letters]));

// ---- Fixtures: what people really paste.

/** A wiki page with prose around a table, emphasis, em-dash blanks, an escaped pipe. */
const WIKI_MARKDOWN = `## Who owns what

Agreed in the offsite, see notes.

| **Responsibility** | Category | **Zoë Ødegård** (Tech Lead) | 李雷 (EM) | Team |
|:-------------------|----------|:---:|:---:|---:|
| Code reviews       | Delivery | **A** | — | R |
| Architecture \\| ADRs | Delivery | A / R | C | I |
| Hiring             | _People_ | c/i | A & R | — |
| 1:1s               | People | | R, A | |
| Incident review    | Ops | A (for now) | I | R+S |

Next steps: revisit in Q3.`;

/** Copied from Google Sheets / Excel: tabs, CRLF, a quoted cell with a line break, trailing empty columns. */
const SPREADSHEET_TSV =
  "Responsibility\tCategory\tDomain\tAna (Tech Lead)\tBen (Engineering Manager)\t\t\r\n" +
  "Code reviews\tDelivery\tSystem\tA\tI\t\t\r\n" +
  '"Performance reviews\nand promotions"\tPeople\tpeople\t C \tA/R\t\t\r\n' +
  "Roadmap\tStrategy\tShared\tR, A\tA\t\t\r\n" +
  "\t\t\t\t\t\t\r\n";

/** An exported CSV edited by hand: quoted titles with commas, a duplicated title, RASCI leftovers. */
const MESSY_CSV = `Task,Ana,Ben,Category
"Deploy, verify and announce",A / R,C/I,Release
"Deploy, verify and announce",R,A,Release
Write the "runbook",R A,-,Ops
Budget,  a  ,/,Finance
Support rota,RS,S,Ops
`;

describe("format detection", () => {
  it("finds a Markdown table among prose", () => {
    expect(detectTextFormat(WIKI_MARKDOWN)).toBe("markdown");
  });
  it("reads text with tabs on the first line as tab-separated", () => {
    expect(detectTextFormat(SPREADSHEET_TSV)).toBe("tsv");
  });
  it("falls back to CSV", () => {
    expect(detectTextFormat(MESSY_CSV)).toBe("csv");
  });
  it("detects semicolon CSV, with or without Excel's sep= line", () => {
    const m = parseImportText('Responsibility;Ana;Ben\nCode reviews;A;"R;C"\n');
    expect(m.format).toBe("csv");
    expect(m.rows[0]?.letters).toEqual(["A", "RC"]);
    const sep = parseImportText('sep=;\nResponsibility;Ana\nX;R/A\nY;"oops\n');
    expect(sep.issues[0]?.message).toMatch(/^Line 4:/);
  });
  it("honours a format chosen by the person", () => {
    expect(parseImportText("a|b\n", "markdown").issues[0]?.code).toBe("UNREADABLE");
  });
});

describe("Markdown tables", () => {
  it("splits rows with optional outer pipes and escaped pipes", () => {
    expect(splitMarkdownRow("| a | b \\| c |  |")).toEqual(["a", "b | c", ""]);
    expect(splitMarkdownRow("a | b")).toEqual(["a", "b"]);
  });

  it("stops the table at a blank line", () => {
    const t = parseMarkdownTable(WIKI_MARKDOWN);
    expect(t?.rows).toHaveLength(6);
    expect(t?.lines[0]).toBe(5);
  });

  it("strips emphasis, code, links and <br> but keeps snake_case", () => {
    expect(stripMarkdownInline("**Zoë** _Ødegård_ `x` [ADR](http://x) a<br>b on_call ~~old~~ &amp;")).toBe(
      "Zoë Ødegård x ADR a b on_call old &",
    );
  });

  it("imports the wiki table", () => {
    const m = parseImportText(WIKI_MARKDOWN);
    expect(m.format).toBe("markdown");
    expect(m.hasErrors).toBe(false);
    expect(m.columns.map((c) => [c.name, c.roleTitle, c.roleKinds])).toEqual([
      ["Zoë Ødegård", "Tech Lead", ["TECH_LEAD"]],
      ["李雷", "EM", ["ENGINEERING_MANAGER"]],
      ["Team", "", []],
    ]);
    expect(lettersOf(m)).toEqual({
      "Code reviews": ["A", "", "R"],
      "Architecture | ADRs": ["RA", "C", "I"],
      Hiring: ["CI", "RA", ""],
      "1:1s": ["", "RA", ""],
      "Incident review": ["A", "I", "R"],
    });
    expect(m.rows.find((r) => r.title === "Hiring")?.category).toBe("People");
    // RASCI's S is reported with its cell, not dropped silently.
    expect(m.issues).toEqual([
      expect.objectContaining({
        code: "UNKNOWN_LETTERS",
        severity: "warning",
        ref: "E6",
        message: expect.stringContaining("“S”"),
      }),
    ]);
    expect(m.issues[0]?.message).toContain("line 11");
  });
});

describe("spreadsheet paste (TSV)", () => {
  it("reads multi-line cells, case-insensitive domains and skips empty trailing columns and rows", () => {
    const m = parseImportText(SPREADSHEET_TSV);
    expect(m.format).toBe("tsv");
    expect(m.issues).toEqual([]);
    expect(m.rows.map((r) => [r.title, r.category, r.domain, r.letters])).toEqual([
      ["Code reviews", "Delivery", "SYSTEM", ["A", "I"]],
      ["Performance reviews and promotions", "People", "PEOPLE", ["C", "RA"]],
      ["Roadmap", "Strategy", "SHARED", ["RA", "A"]],
    ]);
    expect(m.columns.map((c) => c.roleKinds)).toEqual([["TECH_LEAD"], ["ENGINEERING_MANAGER"]]);
  });
});

describe("messy CSV", () => {
  const m = parseImportText(MESSY_CSV);

  it("accepts every way of writing letters", () => {
    expect(m.rows.map((r) => r.letters)).toEqual([
      ["RA", "CI"],
      ["R", "A"],
      ["RA", ""],
      ["A", ""],
      ["R", ""],
    ]);
  });

  it("finds the Category column wherever it is", () => {
    expect(m.metaColumns).toEqual({ title: 1, category: 4 });
    expect(m.columns.map((c) => c.name)).toEqual(["Ana", "Ben"]);
    expect(m.rows[0]?.category).toBe("Release");
  });

  it("keeps quoted titles with commas and quotes whole", () => {
    expect(m.rows[0]?.title).toBe("Deploy, verify and announce");
    expect(m.rows[2]?.title).toBe('Write the "runbook"');
  });

  it("warns about the duplicated title and the unknown letters, with cell references", () => {
    expect(m.hasErrors).toBe(false);
    expect(m.issues.map((i) => [i.code, i.ref])).toEqual([
      ["DUPLICATE_TITLE", "A3"],
      ["UNKNOWN_LETTERS", "B6"],
      ["UNKNOWN_LETTERS", "C6"],
    ]);
    expect(m.issues[1]?.message).toBe(
      "Row 6, column B (“Ana”): “S” is not a RACI letter (R, A, C or I) and was left out. Kept R.",
    );
  });
});

describe("blank cells", () => {
  it.each(["", " ", "-", "—", "–", "/", "n/a", "  —  "])("%j means no letters, silently", (blank) => {
    const m = parseImportText(`Responsibility,Ana,Ben\nX,"${blank}",A\n`);
    expect(m.rows[0]?.letters).toEqual(["", "A"]);
    expect(m.issues).toEqual([]);
  });
});

describe("errors name the row and the column", () => {
  it("a row with letters but no title", () => {
    const m = parseImportText("Responsibility,Ana\nX,A\n,R\n");
    expect(m.hasErrors).toBe(true);
    expect(m.issues[0]).toMatchObject({ code: "MISSING_TITLE", row: 3, column: 1, ref: "A3" });
  });

  it("text beyond the last titled column", () => {
    const m = parseImportText("Responsibility,Ana\nX,A,R\n");
    expect(m.issues[0]).toMatchObject({ code: "EXTRA_CELLS", ref: "C2" });
  });

  it("a column with letters but no name", () => {
    const m = parseImportText("Responsibility,Ana,\nX,A,R\n");
    expect(m.issues[0]).toMatchObject({ code: "MISSING_COLUMN_NAME", ref: "C" });
  });

  it("two columns for the same person", () => {
    const m = parseImportText("Responsibility,Ana,ana (TL)\nX,A,R\n");
    expect(m.issues[0]).toMatchObject({ code: "DUPLICATE_COLUMN", column: 3 });
    expect(m.issues[0]?.message).toContain("Columns B and C");
  });

  it("an unterminated quote", () => {
    const m = parseImportText('Responsibility,Ana\nX,A\n"Y,R\n');
    expect(m.issues[0]).toMatchObject({ code: "UNREADABLE", message: expect.stringMatching(/^Line 3: /) });
  });

  it("no people columns, or no rows", () => {
    expect(codes(parseImportText("Responsibility\nX\n"))).toEqual(["NO_COLUMNS"]);
    expect(codes(parseImportText("Responsibility,Ana\n"))).toEqual(["NO_ROWS"]);
    expect(codes(parseImportText("   \n"))).toEqual(["EMPTY_INPUT"]);
  });

  it("a Markdown paste without a table", () => {
    expect(parseImportText("just | text", "markdown").issues[0]?.code).toBe("UNREADABLE");
  });

  it("titles longer than the limit", () => {
    const m = parseImportText(`Responsibility,Ana\n${"x".repeat(IMPORT_LIMITS.maxTitleLength + 1)},A\n`);
    expect(m.issues[0]).toMatchObject({ code: "TOO_LONG", ref: "A2" });
  });
});

describe("limits are stated in the error", () => {
  it("too many rows", () => {
    const body = Array.from({ length: IMPORT_LIMITS.maxRows + 1 }, (_, i) => `Item ${i},A`).join("\n");
    const m = parseImportText(`Responsibility,Ana\n${body}\n`);
    expect(m.issues[0]).toMatchObject({
      code: "TOO_LARGE",
      message: expect.stringContaining(String(IMPORT_LIMITS.maxRows)),
    });
  });

  it("far too many rows stops reading early", () => {
    const m = parseImportText(`Responsibility,Ana\n${"x,A\n".repeat(IMPORT_LIMITS.maxRows * 3)}`);
    expect(m.issues[0]).toMatchObject({
      code: "TOO_LARGE",
      message: expect.stringContaining(String(IMPORT_LIMITS.maxRows)),
    });
  });

  it("too many columns", () => {
    const names = Array.from({ length: IMPORT_LIMITS.maxColumns + 1 }, (_, i) => `P${i}`);
    const m = parseImportText(`Responsibility,${names.join(",")}\nX,A\n`);
    expect(m.issues[0]).toMatchObject({
      code: "TOO_LARGE",
      message: expect.stringContaining(String(IMPORT_LIMITS.maxColumns)),
    });
  });

  it("too many bytes", () => {
    const m = parseImportText(`Responsibility,Ana\n${"x".repeat(IMPORT_LIMITS.maxTextBytes)}`);
    expect(m.issues[0]).toMatchObject({ code: "TOO_LARGE", message: expect.stringContaining("1 MB") });
  });

  it("caps the list of issues", () => {
    const body = Array.from({ length: 400 }, (_, i) => `Item ${i},S`).join("\n");
    const m = parseImportText(`Responsibility,Ana\n${body}\n`);
    expect(m.issues.length).toBeLessThanOrEqual(201);
    expect(m.issues.at(-1)).toMatchObject({ code: "MORE_ISSUES", severity: "warning" });
    expect(m.hasErrors).toBe(false);
  });
});

describe("column titles", () => {
  it.each([
    ["Tech Lead", { name: "Tech Lead", roleTitle: "Tech Lead", roleKinds: ["TECH_LEAD"] }],
    ["Ana (TL)", { name: "Ana", roleTitle: "TL", roleKinds: ["TECH_LEAD"] }],
    ["Ana (Designer)", { name: "Ana", roleTitle: "Designer", roleKinds: [] }],
    [
      "Engineering Manager (hiring)",
      { name: "Engineering Manager (hiring)", roleTitle: "Engineering Manager", roleKinds: ["ENGINEERING_MANAGER"] },
    ],
    ["  Sam   Lee ", { name: "Sam Lee", roleTitle: "", roleKinds: [] }],
    ["Kim ()", { name: "Kim", roleTitle: "", roleKinds: [] }],
    ["TLM", { name: "TLM", roleTitle: "TLM", roleKinds: ["TECH_LEAD", "ENGINEERING_MANAGER"] }],
  ])("reads %j", (header, expected) => {
    expect(parseColumnHeader(header)).toEqual(expected);
  });

  it("writes the role title only when it adds something", () => {
    expect(formatColumnHeader("Ana", "Tech Lead")).toBe("Ana (Tech Lead)");
    expect(formatColumnHeader("Tech Lead", "tech lead")).toBe("Tech Lead");
    expect(formatColumnHeader("Sam", "")).toBe("Sam");
  });

  it("names spreadsheet columns", () => {
    expect([1, 26, 27, 52, 53, 703].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "BA", "AAA"]);
  });
});

describe("cells from an XLSX sheet", () => {
  it("map like any other table", () => {
    const m = tableToImport({
      format: "xlsx",
      rows: [
        ["Responsibility", "Domain", "Ana"],
        ["X", "SYSTEM", "a"],
      ],
    });
    expect(m.rows[0]).toMatchObject({ title: "X", domain: "SYSTEM", letters: ["A"] });
  });
});

describe("findings of the preview", () => {
  it("run on the import as on a saved matrix", () => {
    const m = parseImportText(WIKI_MARKDOWN);
    const findings = computeFindings(importToRaciMatrix(m));
    const hiring = findings.filter((f) => f.responsibilityId === "row-3").map((f) => f.code);
    // Hiring: the EM is R and A; nobody else. Code reviews: the TL is A, fine.
    expect(hiring).toEqual([]);
    const onCall = findings.filter((f) => f.responsibilityId === "row-4").map((f) => f.code);
    expect(onCall).toEqual([]);
    expect(findings.some((f) => f.code === "NO_RESPONSIBLE")).toBe(false);
    const noA = computeFindings(importToRaciMatrix(parseImportText("Responsibility,Ana\nX,R\n"))).map((f) => f.code);
    expect(noA).toContain("NO_ACCOUNTABLE");
  });

  it("let an existing person's role kinds replace what the title said", () => {
    const m = parseImportText("Responsibility,Domain,Ana,Ben\nX,System,R,A\n");
    const withKinds = computeFindings(
      importToRaciMatrix(m, [{ roleKinds: ["TECH_LEAD"] }, { roleKinds: ["ENGINEERING_MANAGER"] }]),
    );
    expect(withKinds.map((f) => f.code)).toContain("TLEM_DOMAIN_MISMATCH");
  });
});

const sources = import.meta.glob("./*.ts", { query: "?raw", import: "default", eager: true });

describe("lib/raci/import purity", () => {
  it.each(Object.entries(sources).filter(([file]) => !file.endsWith(".test.ts")))(
    "%s imports only lib/raci",
    (_file, text) => {
      const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^;]*?from\s+["']([^"']+)["']/gm)].map((m) => m[1]);
      for (const spec of specifiers) expect(spec?.startsWith("./") || spec?.startsWith("../")).toBe(true);
    },
  );
});
