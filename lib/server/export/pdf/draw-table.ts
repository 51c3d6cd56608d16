import "server-only";
import type PDFDocument from "pdfkit";
import type { RowDto } from "@/lib/matrix/dto";
import type { Letter, Severity } from "@/lib/raci/types";
import type { ExportView } from "../export-view";
import type { TextEngine } from "./text-engine";
import {
  CELL_PAD_X,
  GROUP_ROW_HEIGHT,
  LETTER_TEXTS,
  MARKER_WIDTH,
  ROW_PAD_Y,
  type Band,
  type TableLayout,
} from "./layout";
import { INK, LETTER_COLORS, SEVERITY_COLORS, TYPE } from "./theme";

type Doc = InstanceType<typeof PDFDocument>;

/** A line of the table: a category heading or a responsibility (by index in view.rows). */
export type TableItem = { kind: "group"; label: string; count: number } | { kind: "row"; index: number; row: RowDto };

export interface TableContext {
  doc: Doc;
  engine: TextEngine;
  view: ExportView;
  layout: TableLayout;
  /** Worst finding severity per row id (empty when findings are left out). */
  rowSeverity: ReadonlyMap<string, Severity>;
  /** Worst finding severity per person id, from findings about the person alone. */
  columnSeverity: ReadonlyMap<string, Severity>;
  showMarkers: boolean;
  /** Starts a new page and returns the y where content may begin. */
  newPage: () => number;
  /** The lowest y content may reach. */
  bottom: number;
}

// The strongest letter of a cell sets its colour: A, then R, C, I. Indexed by mask.
const STRONGEST: readonly (Letter | null)[] = Array.from({ length: 16 }, (_, m) =>
  m & 2 ? "A" : m & 1 ? "R" : m & 4 ? "C" : m & 8 ? "I" : null,
);

const DOMAIN_SHORT: Readonly<Record<string, string>> = { SYSTEM: "System", PEOPLE: "People", SHARED: "Shared" };

/**
 * Draws the table for one band of columns from `startY`, adding pages as rows run out
 * of room: each page repeats the column titles, and a category that continues onto a
 * page repeats its heading, marked "(continued)". Drawing is batched per page: fills by
 * colour, grid lines as one path, then text.
 */
export function drawBand(ctx: TableContext, band: Band, items: readonly TableItem[], startY: number): void {
  const { layout } = ctx;
  let y = startY;
  let pageItems: { item: TableItem; y: number; height: number; continued: boolean }[] = [];
  let tableTop = y;
  let currentGroup: { label: string; count: number } | null = null;

  const flush = () => {
    if (pageItems.length > 0) drawPage(ctx, band, tableTop, pageItems);
    pageItems = [];
  };
  const startPage = (first: boolean) => {
    if (!first) {
      flush();
      y = ctx.newPage();
    }
    tableTop = y;
    y += layout.headerHeight;
  };
  startPage(true);

  items.forEach((item, i) => {
    const height = item.kind === "group" ? GROUP_ROW_HEIGHT : (layout.rowHeights[item.index] ?? 14);
    // A heading keeps its first row with it.
    const next = items[i + 1];
    const keep = item.kind === "group" && next?.kind === "row" ? (layout.rowHeights[next.index] ?? 14) : 0;
    if (y + height + keep > ctx.bottom && pageItems.length > 0) {
      startPage(false);
      if (item.kind === "row" && currentGroup) {
        pageItems.push({
          item: { kind: "group", label: currentGroup.label, count: currentGroup.count },
          y,
          height: GROUP_ROW_HEIGHT,
          continued: true,
        });
        y += GROUP_ROW_HEIGHT;
      }
    }
    if (item.kind === "group") currentGroup = { label: item.label, count: item.count };
    pageItems.push({ item, y, height, continued: false });
    y += height;
  });
  flush();
}

function drawPage(
  ctx: TableContext,
  band: Band,
  top: number,
  items: { item: TableItem; y: number; height: number; continued: boolean }[],
): void {
  const { doc, engine, layout, view } = ctx;
  const left = layout.left;
  const titleRight = left + layout.titleWidth;
  const domainRight = titleRight + layout.domainWidth;
  const last = band.columns[band.columns.length - 1];
  const right = last ? last.x + last.width : domainRight;
  const headerBottom = top + layout.headerHeight;
  const lastItem = items[items.length - 1];
  const bottom = lastItem ? lastItem.y + lastItem.height : headerBottom;

  // ---- Fills, batched by colour.
  const fills = new Map<string, [number, number, number, number][]>();
  const fill = (color: string, x: number, y: number, w: number, h: number) => {
    const list = fills.get(color);
    if (list) list.push([x, y, w, h]);
    else fills.set(color, [[x, y, w, h]]);
  };
  fill(INK.headerFill, left, top, right - left, layout.headerHeight);
  const nCols = view.columns.length;
  for (const { item, y, height } of items) {
    if (item.kind === "group") {
      fill(INK.groupFill, left, y, right - left, height);
      continue;
    }
    const base = item.index * nCols;
    for (const col of band.columns) {
      const letter = STRONGEST[view.masks[base + col.index] ?? 0];
      if (letter) fill(LETTER_COLORS[letter].tint, col.x, y, col.width, height);
    }
  }
  for (const [color, rects] of fills) {
    for (const [x, y, w, h] of rects) doc.rect(x, y, w, h);
    doc.fill(color);
  }

  // ---- Grid: light lines between rows and columns, darker under the header.
  doc.lineWidth(0.4);
  for (const { y } of items) doc.moveTo(left, y).lineTo(right, y);
  doc.moveTo(left, bottom).lineTo(right, bottom);
  for (const col of band.columns) doc.moveTo(col.x, top).lineTo(col.x, bottom);
  doc.moveTo(right, top).lineTo(right, bottom);
  if (layout.domainWidth > 0) doc.moveTo(titleRight, headerBottom).lineTo(titleRight, bottom);
  doc.strokeColor(INK.grid).stroke();
  doc.lineWidth(0.8).moveTo(left, headerBottom).lineTo(right, headerBottom).strokeColor(INK.rule).stroke();
  doc.lineWidth(0.8).moveTo(left, top).lineTo(right, top).strokeColor(INK.rule).stroke();

  // ---- Finding markers: a dot before the title (rows) or at the top of the title (people).
  if (ctx.showMarkers) {
    const dots = new Map<Severity, [number, number][]>();
    const dot = (s: Severity, x: number, y: number) => {
      const list = dots.get(s);
      if (list) list.push([x, y]);
      else dots.set(s, [[x, y]]);
    };
    for (const { item, y } of items) {
      if (item.kind !== "row") continue;
      const s = ctx.rowSeverity.get(item.row.id);
      if (s) dot(s, left + CELL_PAD_X + 2.2, y + ROW_PAD_Y + TYPE.bodyLine / 2);
    }
    for (const col of band.columns) {
      const column = view.columns[col.index];
      const s = column ? ctx.columnSeverity.get(column.personId) : undefined;
      if (s) dot(s, col.x + col.width / 2, top + 5);
    }
    for (const [s, list] of dots) {
      for (const [x, y] of list) doc.circle(x, y, 2.2);
      doc.fill(SEVERITY_COLORS[s]);
    }
  }
  engine.begin();

  // ---- Column titles.
  engine.draw("Responsibility", left + CELL_PAD_X, headerBottom - 5, {
    size: TYPE.header,
    bold: true,
    color: INK.muted,
  });
  if (layout.domainWidth > 0)
    engine.draw("Domain", titleRight + 3, headerBottom - 5, { size: TYPE.header, bold: true, color: INK.muted });
  for (const col of band.columns) {
    const block = col.nameLines.length * TYPE.headerLine + col.titleLines.length * (TYPE.headerLine - 1);
    let x = col.x + (col.width - block) / 2;
    const baseY = headerBottom - 4;
    for (const line of col.nameLines) {
      x += TYPE.headerLine;
      engine.drawUp(line, x - 2.2, baseY, { size: TYPE.header, bold: true, color: INK.text });
    }
    for (const line of col.titleLines) {
      x += TYPE.headerLine - 1;
      engine.drawUp(line, x - 2, baseY, { size: TYPE.small, color: INK.faint });
    }
  }

  // ---- Rows: title lines first, then the cells, so that text extraction reads a row in order.
  for (const { item, y, height, continued } of items) {
    if (item.kind === "group") {
      const label = continued ? `${item.label} (continued)` : item.label;
      const baseline = y + height / 2 + TYPE.body * 0.36;
      engine.draw(label, left + CELL_PAD_X, baseline, { size: TYPE.body + 0.5, bold: true, color: INK.text });
      const count = `${item.count} ${item.count === 1 ? "item" : "items"}`;
      engine.draw(count, left + CELL_PAD_X + engine.width(label, TYPE.body + 0.5, true) + 6, baseline, {
        size: TYPE.small,
        color: INK.faint,
      });
      continue;
    }
    const lines = layout.rowLines[item.index] ?? [item.row.title];
    const textX = left + CELL_PAD_X + (ctx.showMarkers ? MARKER_WIDTH : 0);
    let baseline = y + ROW_PAD_Y + TYPE.body * 0.95;
    for (const line of lines) {
      engine.draw(line, textX, baseline, { size: TYPE.body, color: INK.text });
      baseline += TYPE.bodyLine;
    }
    const mid = y + height / 2 + TYPE.letters * 0.36;
    if (layout.domainWidth > 0 && item.row.domain) {
      engine.draw(DOMAIN_SHORT[item.row.domain] ?? "", titleRight + 3, y + ROW_PAD_Y + TYPE.body * 0.95, {
        size: TYPE.small,
        color: INK.muted,
      });
    }
    const base = item.index * nCols;
    for (const col of band.columns) {
      const mask = view.masks[base + col.index] ?? 0;
      const letter = STRONGEST[mask];
      if (!letter) continue;
      engine.drawCentered(LETTER_TEXTS[mask] ?? "", col.x + col.width / 2, mid, {
        size: TYPE.letters,
        bold: true,
        color: LETTER_COLORS[letter].text,
      });
    }
  }
  engine.end();
}
