import "server-only";
import PDFDocument from "pdfkit";
import { findingsByRow, summarizeFindings } from "@/lib/raci/findings";
import { LETTERS, LETTER_WORDS } from "@/lib/raci/letters";
import { groupRowsByCategory } from "@/lib/raci/view";
import type { Severity } from "@/lib/raci/types";
import { describeFilter, type ExportView } from "../export-view";
import { formatDateTime } from "../format-date";
import { drawBand, type TableItem } from "./draw-table";
import { drawFindings } from "./draw-findings";
import { layoutTable, type OrientationChoice, type Paper } from "./layout";
import { TextEngine } from "./text-engine";
import { INK, LETTER_COLORS, LETTER_MEANINGS, PAGE, PAPER, SEVERITY_COLORS, TYPE } from "./theme";

export interface PdfOptions {
  paper: Paper;
  orientation: OrientationChoice;
  /** Adds the findings summary pages and the markers on rows and people. */
  includeFindings: boolean;
  exportedAt: Date;
  /** IANA time zone for the dates printed (the reader's, when the client sends it). */
  timeZone: string;
  /**
   * Pages drawn before the matrix (e.g. a workshop summary), with `label` in the running
   * header. `newPage` returns the top of the content area of a fresh page.
   */
  preface?: { label: string; draw: (ctx: PrefaceContext) => void };
}

/** What a preface draws with: the same document, text engine and page geometry as the matrix. */
export interface PrefaceContext {
  doc: Doc;
  engine: TextEngine;
  left: number;
  width: number;
  bottom: number;
  newPage: () => number;
}

type Doc = InstanceType<typeof PDFDocument>;

const RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

function worst(map: Map<string, Severity>, key: string, s: Severity) {
  const cur = map.get(key);
  if (!cur || RANK[s] > RANK[cur]) map.set(key, s);
}

/**
 * Renders a matrix as a PDF a manager can hand out: a title block with the legend,
 * the whole table (paginated down and, for wide matrices, across in column bands that
 * repeat the responsibility column), and a findings summary. Text is real text in
 * embedded, subsetted Noto fonts, so names in any of their scripts stay searchable.
 */
export async function renderMatrixPdf(view: ExportView, options: PdfOptions): Promise<Buffer> {
  const doc: Doc = new PDFDocument({
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    autoFirstPage: false,
    bufferPages: true,
    // No default font: every string goes through the engine and the embedded Noto faces.
    font: null as unknown as string,
    lang: "en",
    displayTitle: true,
    pdfVersion: "1.7",
    info: {
      Title: view.matrix.name,
      Subject: `RACI matrix of ${view.team.name}`,
      Author: view.team.name,
      Creator: "Remit",
      Producer: "Remit (pdfkit)",
      CreationDate: options.exportedAt,
      ModDate: view.matrix.updatedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });

  const engine = new TextEngine(doc);
  const layout = layoutTable(view, engine, options.paper, options.orientation, options.includeFindings);
  const { pageWidth, pageHeight, left, contentWidth } = layout;
  const bottom = pageHeight - PAGE.footerGap;
  const labels: string[] = [];
  let label = "";
  const newPage = (): number => {
    doc.addPage({ size: [pageWidth, pageHeight], margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    labels.push(label);
    return PAGE.contentTop;
  };

  // ---- Findings by row and by person (person-only findings mark the column title).
  const rowSeverity = new Map<string, Severity>();
  const columnSeverity = new Map<string, Severity>();
  if (options.includeFindings) {
    for (const [rowId, list] of findingsByRow(view.findings))
      for (const f of list) worst(rowSeverity, rowId, f.severity);
    for (const f of view.findings)
      if (f.responsibilityId === undefined && f.personId !== undefined) worst(columnSeverity, f.personId, f.severity);
  }

  // ---- Items: category groups in the grid's order.
  const indexOf = new Map(view.rows.map((r, i) => [r.id, i]));
  const items: TableItem[] = [];
  for (const group of groupRowsByCategory(view.rows)) {
    items.push({ kind: "group", label: group.label, count: group.rows.length });
    for (const row of group.rows) items.push({ kind: "row", index: indexOf.get(row.id) ?? 0, row });
  }

  if (options.preface) {
    label = options.preface.label;
    options.preface.draw({ doc, engine, left, width: contentWidth, bottom, newPage });
  }

  const multiBand = layout.bands.length > 1;
  layout.bands.forEach((band, b) => {
    label =
      view.columns.length === 0
        ? "No people shown"
        : multiBand
          ? `People ${band.from}–${band.to} of ${view.columns.length}`
          : `${view.columns.length} ${view.columns.length === 1 ? "person" : "people"}`;
    let y = newPage();
    doc.outline.addItem(multiBand ? `Matrix, people ${band.from}–${band.to}` : "Matrix");
    if (b === 0) y = drawTitleBlock(doc, engine, view, options, left, contentWidth, y);
    else y = drawBandIntro(engine, band.from, band.to, view.columns.length, left, y);
    if (items.length === 0) {
      engine.draw("No responsibilities to show.", left, y + 12, { size: 9, color: INK.muted });
      return;
    }
    drawBand(
      { doc, engine, view, layout, rowSeverity, columnSeverity, showMarkers: options.includeFindings, newPage, bottom },
      band,
      items,
      y,
    );
  });

  if (options.includeFindings) {
    label = "Findings";
    drawFindings({ doc, engine, view, left, width: contentWidth, bottom, newPage });
  }

  drawChrome(doc, engine, view, options, labels, pageWidth, pageHeight);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** Title, description, facts, filter, health and the legend; returns where the table starts. */
function drawTitleBlock(
  doc: Doc,
  engine: TextEngine,
  view: ExportView,
  options: PdfOptions,
  left: number,
  width: number,
  top: number,
): number {
  let y = top;
  for (const line of engine.wrap(view.matrix.name, width, TYPE.title, true)) {
    engine.draw(line, left, y + TYPE.title, { size: TYPE.title, bold: true, color: INK.text });
    y += TYPE.title * 1.25;
  }
  y += 2;
  if (view.matrix.description.trim()) {
    for (const line of engine.wrap(view.matrix.description, width, 8.5)) {
      engine.draw(line, left, y + 9, { size: 8.5, color: INK.muted });
      y += 11.5;
    }
    y += 2;
  }
  const facts = [
    view.team.name,
    `${view.rows.length === view.totals.rows ? view.rows.length : `${view.rows.length} of ${view.totals.rows}`} responsibilities`,
    `${view.columns.length === view.totals.columns ? view.columns.length : `${view.columns.length} of ${view.totals.columns}`} people`,
    `version ${view.matrix.version}, updated ${formatDateTime(view.matrix.updatedAt, options.timeZone)}`,
  ].join(" · ");
  for (const line of engine.wrap(facts, width, 8)) {
    engine.draw(line, left, y + 9, { size: 8, color: INK.faint });
    y += 11;
  }
  const filter = describeFilter(view);
  if (filter) {
    for (const line of engine.wrap(`Filtered view: ${filter}.`, width, 8, true)) {
      engine.draw(line, left, y + 9, { size: 8, bold: true, color: INK.accent });
      y += 11;
    }
  }
  if (options.includeFindings) {
    const summary = summarizeFindings(view.findings);
    const color =
      summary.bySeverity.error > 0
        ? SEVERITY_COLORS.error
        : summary.bySeverity.warning > 0
          ? SEVERITY_COLORS.warning
          : "#15803d";
    doc.circle(left + 3, y + 6.5, 3).fill(color);
    const more =
      view.findings.length > 0 ? " — listed on the last pages; dots mark the rows and people concerned." : "";
    engine.draw(`${summary.health}${more}`, left + 10, y + 9, { size: 8, bold: true, color: INK.text });
    y += 13;
  }
  y += 4;

  // Legend: a chip per letter with its word and meaning, flowing over as many lines as needed.
  let x = left;
  const chipW = 13;
  for (const l of LETTERS) {
    const word = LETTER_WORDS[l];
    const meaning = LETTER_MEANINGS[l];
    const w = chipW + 4 + engine.width(word, 7.5, true) + 4 + engine.width(meaning, 7) + 14;
    if (x + w > left + width && x > left) {
      x = left;
      y += 15;
    }
    doc.roundedRect(x, y, chipW, 11, 2).fill(LETTER_COLORS[l].tint);
    engine.drawCentered(l, x + chipW / 2, y + 8.2, { size: 7.5, bold: true, color: LETTER_COLORS[l].text });
    engine.draw(word, x + chipW + 4, y + 8.2, { size: 7.5, bold: true, color: INK.text });
    engine.draw(meaning, x + chipW + 4 + engine.width(word, 7.5, true) + 4, y + 8.2, { size: 7, color: INK.muted });
    x += w;
  }
  return y + 22;
}

function drawBandIntro(engine: TextEngine, from: number, to: number, total: number, left: number, top: number): number {
  engine.draw(`People ${from}–${to} of ${total}`, left, top + 10, { size: 10, bold: true, color: INK.text });
  engine.draw(
    "The responsibility column repeats on every page.",
    left + engine.width(`People ${from}–${to} of ${total}`, 10, true) + 8,
    top + 10,
    {
      size: 7.5,
      color: INK.faint,
    },
  );
  return top + 20;
}

/** Running header and footer on every page, once the page count is known. */
function drawChrome(
  doc: Doc,
  engine: TextEngine,
  view: ExportView,
  options: PdfOptions,
  labels: string[],
  w: number,
  h: number,
) {
  const range = doc.bufferedPageRange();
  const left = PAGE.marginX;
  const right = w - PAGE.marginX;
  const footer = [
    `Exported ${formatDateTime(options.exportedAt, options.timeZone)}`,
    `version ${view.matrix.version}, updated ${formatDateTime(view.matrix.updatedAt, options.timeZone)}`,
    `${PAPER[options.paper].name}`,
  ].join(" · ");
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const title = `${view.matrix.name} — ${view.team.name}`;
    const pageLabel = labels[i] ?? "";
    const labelWidth = engine.width(pageLabel, TYPE.chrome);
    const titleLine = engine.wrap(title, right - left - labelWidth - 16, TYPE.chrome, true)[0] ?? title;
    engine.draw(titleLine === title ? title : `${titleLine}…`, left, PAGE.headerTop + 8, {
      size: TYPE.chrome,
      bold: true,
      color: INK.muted,
    });
    engine.drawRight(pageLabel, right, PAGE.headerTop + 8, { size: TYPE.chrome, color: INK.faint });
    doc
      .lineWidth(0.5)
      .moveTo(left, PAGE.headerTop + 13)
      .lineTo(right, PAGE.headerTop + 13)
      .strokeColor(INK.rule)
      .stroke();
    doc
      .lineWidth(0.5)
      .moveTo(left, h - 28)
      .lineTo(right, h - 28)
      .strokeColor(INK.rule)
      .stroke();
    engine.draw(footer, left, h - 18, { size: TYPE.small, color: INK.faint });
    engine.drawRight(`Page ${i + 1} of ${range.count}`, right, h - 18, {
      size: TYPE.chrome,
      bold: true,
      color: INK.muted,
    });
  }
}
