import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { tableToImport } from "@/lib/raci/import";
import { openZip } from "@/lib/server/import/unzip";
import { readXlsx } from "@/lib/server/import/read-xlsx";
import { attachmentHeader, downloadName } from "./content-disposition";
import { buildExportView, describeFilter, NO_FILTER } from "./export-view";
import { renderMatrixCsv } from "./matrix-csv";
import { renderMatrixXlsx } from "./matrix-xlsx";
import { renderMatrixPdf } from "./pdf/render-matrix-pdf";
import { testMatrixDto } from "./test-matrix";
import { zip } from "./xlsx/zip";

const TEAM = { name: "Platform 平台", slug: "platform" };
const hasPdftotext = spawnSync("pdftotext", ["-v"]).status === 0;

describe("buildExportView", () => {
  const dto = testMatrixDto(20, 8);

  it("keeps everything without a filter", () => {
    const view = buildExportView(dto, TEAM, NO_FILTER);
    expect(view.rows).toHaveLength(20);
    expect(view.columns).toHaveLength(8);
    expect(view.isFiltered).toBe(false);
    expect(view.findings).toEqual(view.allFindings);
    expect(view.masks).toHaveLength(160);
  });

  it("filters like the grid: categories, domains, columns, findings, title text", () => {
    const view = buildExportView(dto, TEAM, {
      ...NO_FILTER,
      categories: ["Delivery"],
      domains: ["SYSTEM"],
      columnIds: ["col0", "person2"],
    });
    expect(view.rows.every((r) => r.category === "Delivery" && r.domain === "SYSTEM")).toBe(true);
    expect(view.columns.map((c) => c.name)).toEqual(["Ana Lima", "Zoë Ødegård"]);
    expect(describeFilter(view)).toBe("category Delivery · domain System · 2 of 8 people");

    const flagged = buildExportView(dto, TEAM, { ...NO_FILTER, onlyWithFindings: true });
    const flaggedIds = new Set(flagged.allFindings.map((f) => f.responsibilityId));
    expect(flagged.rows.length).toBeGreaterThan(0);
    expect(flagged.rows.every((r) => flaggedIds.has(r.id))).toBe(true);

    expect(buildExportView(dto, TEAM, { ...NO_FILTER, query: "ROADMAP" }).rows.map((r) => r.title)).toEqual([
      "Roadmap",
      "Roadmap 2",
    ]);
  });

  it("shows only the findings about what is shown", () => {
    const view = buildExportView(dto, TEAM, { ...NO_FILTER, categories: ["People"] });
    const rows = new Set(view.rows.map((r) => r.id));
    for (const f of view.findings) if (f.responsibilityId) expect(rows.has(f.responsibilityId)).toBe(true);
    expect(view.allFindings.length).toBeGreaterThan(view.findings.length);
  });

  it("keeps no columns when the ids match none", () => {
    expect(buildExportView(dto, TEAM, { ...NO_FILTER, columnIds: ["nope"] }).columns).toEqual([]);
  });
});

describe("CSV export", () => {
  it("reads back into the same matrix", () => {
    const dto = testMatrixDto(12, 6);
    const view = buildExportView(dto, TEAM, NO_FILTER);
    const csv = renderMatrixCsv(view);
    expect(
      csv.startsWith("\uFEFFResponsibility,Category,Domain,Ana Lima (Tech Lead),Ben Okafor (Engineering Manager)"),
    ).toBe(true);
  });
});

describe("XLSX export", () => {
  const dto = testMatrixDto(30, 8);
  const view = buildExportView(dto, TEAM, NO_FILTER);
  const file = renderMatrixXlsx(view, new Date("2025-11-20T12:00:00Z"));

  it("is a workbook with a Matrix and a Findings sheet, frozen panes and letter fills", () => {
    const z = openZip(file, { maxTotalBytes: 10_000_000, maxEntries: 50 });
    expect(z.names()).toEqual(
      expect.arrayContaining([
        "[Content_Types].xml",
        "xl/workbook.xml",
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
        "xl/styles.xml",
        "xl/sharedStrings.xml",
      ]),
    );
    const workbook = z.read("xl/workbook.xml")?.toString() ?? "";
    expect(workbook).toContain('<sheet name="Matrix"');
    expect(workbook).toContain('<sheet name="Findings"');
    const sheet1 = z.read("xl/worksheets/sheet1.xml")?.toString() ?? "";
    expect(sheet1).toContain('<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/>');
    expect(sheet1).toMatch(/<c r="D2" s="[4-7]" t="s">/);
    const sheet2 = z.read("xl/worksheets/sheet2.xml")?.toString() ?? "";
    expect(sheet2).toContain('ySplit="1"');
    expect(z.read("xl/styles.xml")?.toString()).toContain('<fgColor rgb="FFF1E6FE"/>');
  });

  it("reads back into the same matrix", () => {
    const table = readXlsx(file);
    expect(table.ok).toBe(true);
    if (!table.ok) return;
    expect(table.sheetName).toBe("Matrix");
    expect(table.otherSheets).toEqual(["Findings"]);
    const model = tableToImport({ format: "xlsx", rows: table.rows });
    expect(model.hasErrors).toBe(false);
    expect(model.rows.map((r) => [r.title, r.category, r.domain])).toEqual(
      view.rows.map((r) => [r.title, r.category, r.domain]),
    );
    expect(model.columns.map((c) => c.name)).toEqual(view.columns.map((c) => c.name));
    model.rows.forEach((row, r) => {
      row.letters.forEach((letters, c) =>
        expect(letters).toBe(view.letters(view.rows[r]!.id, view.columns[c]!.personId)),
      );
    });
  });

  it("writes text that looks like a formula as text", () => {
    const tricky = testMatrixDto(2, 2);
    tricky.rows[0]!.title = '=HYPERLINK("http://evil","x")';
    const out = renderMatrixXlsx(buildExportView(tricky, TEAM, NO_FILTER), new Date());
    const z = openZip(out, { maxTotalBytes: 10_000_000, maxEntries: 50 });
    expect(z.read("xl/worksheets/sheet1.xml")?.toString()).not.toContain("<f>");
    expect(z.read("xl/sharedStrings.xml")?.toString()).toContain("=HYPERLINK(&quot;http://evil&quot;,&quot;x&quot;)");
  });
});

describe("XLSX reading is bounded", () => {
  it("stops a zip bomb at the unpacked-size limit", () => {
    const bomb = zip([
      {
        name: "xl/workbook.xml",
        data: '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
      },
      { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(60_000_000, 0x20) },
    ]);
    expect(bomb.length).toBeLessThan(200_000);
    const result = readXlsx(bomb);
    expect(result).toMatchObject({ ok: false, tooLarge: true });
  });

  it("does not trust the size an entry claims", () => {
    const data = Buffer.alloc(5_000_000, 0x41);
    const packed = deflateRawSync(data);
    const archive = zip([{ name: "a.xml", data }]);
    // Claim 10 bytes in the central directory: inflating must still be capped.
    const central = archive.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    archive.writeUInt32LE(10, central + 24);
    expect(packed.length).toBeLessThan(20_000);
    expect(() => openZip(archive, { maxTotalBytes: 1_000_000, maxEntries: 10 }).read("a.xml")).toThrow(
      /more than 1 MB/,
    );
  });

  it("refuses DTDs, and files that are not workbooks", () => {
    const evil = zip([{ name: "xl/workbook.xml", data: '<!DOCTYPE x [<!ENTITY a "aaaa">]><workbook/>' }]);
    expect(readXlsx(evil)).toMatchObject({ ok: false });
    expect(readXlsx(Buffer.from("not a zip"))).toMatchObject({
      ok: false,
      message: expect.stringContaining("not an Excel"),
    });
  });
});

describe("Content-Disposition", () => {
  it("gives an ASCII name and the exact UTF-8 name", () => {
    const name = downloadName('Zoë\'s "平台" / RACI', "2025-11-20", "pdf");
    expect(name).toBe("Zoë's 平台 RACI 2025-11-20.pdf");
    expect(attachmentHeader(name)).toBe(
      `attachment; filename="Zoe's __ RACI 2025-11-20.pdf"; filename*=UTF-8''Zo%C3%AB%27s%20%E5%B9%B3%E5%8F%B0%20RACI%202025-11-20.pdf`,
    );
  });
});

describe("PDF export", () => {
  const render = (rows: number, columns: number, options: Partial<Parameters<typeof renderMatrixPdf>[1]> = {}) =>
    renderMatrixPdf(buildExportView(testMatrixDto(rows, columns), TEAM, NO_FILTER), {
      paper: "a4",
      orientation: "auto",
      includeFindings: true,
      exportedAt: new Date("2025-11-20T14:03:00Z"),
      timeZone: "Europe/Paris",
      ...options,
    });
  const pages = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type \/Page\b/g)?.length ?? 0;
  const mediaBox = (pdf: Buffer) => /\/MediaBox \[([^\]]+)\]/.exec(pdf.toString("latin1"))?.[1]?.trim();

  it("embeds subsetted fonts with a ToUnicode map", async () => {
    const pdf = await render(8, 8);
    const text = pdf.toString("latin1");
    expect(text.startsWith("%PDF-1.7")).toBe(true);
    expect(text).toContain("/FontFile2");
    expect(text).toContain("/ToUnicode");
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Regular/);
    // CJK names pull in the CJK face.
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
  });

  it("chooses portrait when the columns fit, landscape with column bands when not", async () => {
    expect(mediaBox(await render(5, 6))).toBe("0 0 595.28 841.89");
    expect(mediaBox(await render(5, 40))).toBe("0 0 841.89 595.28");
    expect(mediaBox(await render(5, 6, { paper: "letter", orientation: "landscape" }))).toBe("0 0 792 612");
  });

  it("renders an empty matrix, and a view with no people", async () => {
    const empty = await renderMatrixPdf(buildExportView(testMatrixDto(0, 0), TEAM, NO_FILTER), {
      paper: "a4",
      orientation: "auto",
      includeFindings: true,
      exportedAt: new Date(),
      timeZone: "UTC",
    });
    expect(pages(empty)).toBe(2);
    const noPeople = await renderMatrixPdf(
      buildExportView(testMatrixDto(5, 3), TEAM, { ...NO_FILTER, columnIds: ["none"] }),
      {
        paper: "letter",
        orientation: "portrait",
        includeFindings: false,
        exportedAt: new Date(),
        timeZone: "UTC",
      },
    );
    expect(pages(noPeople)).toBe(1);
  });

  it("paginates a long matrix and drops the findings pages when asked", async () => {
    const withFindings = await render(200, 8);
    const without = await render(200, 8, { includeFindings: false });
    expect(pages(without)).toBeGreaterThan(3);
    expect(pages(withFindings)).toBeGreaterThan(pages(without));
  });

  it.runIf(hasPdftotext)("has every name and title as searchable text, and page numbers", async () => {
    const dto = testMatrixDto(60, 40);
    const view = buildExportView(dto, TEAM, NO_FILTER);
    const pdf = await renderMatrixPdf(view, {
      paper: "a4",
      orientation: "auto",
      includeFindings: true,
      exportedAt: new Date(),
      timeZone: "UTC",
    });
    const dir = mkdtempSync(path.join(tmpdir(), "remit-pdf-"));
    const file = path.join(dir, "m.pdf");
    writeFileSync(file, pdf);
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    for (const c of view.columns) expect(text).toContain(c.name);
    for (const r of view.rows) expect(text).toContain(r.title);
    expect(text).toContain("Page 1 of");
    expect(text).toContain("People 21–40 of 40");
    expect(text).toContain("Accountable");
    expect(text).toContain("Findings");
  });
});
