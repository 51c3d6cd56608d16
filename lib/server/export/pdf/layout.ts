import "server-only";
import { formatLetters, maskToLetters } from "@/lib/raci/letters";
import type { ExportView } from "../export-view";
import type { TextEngine } from "./text-engine";
import { PAGE, PAPER, TYPE } from "./theme";

export type Paper = keyof typeof PAPER;

/** The shown text of each letters mask ("R/A" for 3). */
export const LETTER_TEXTS: readonly string[] = Array.from({ length: 16 }, (_, m) => formatLetters(maskToLetters(m)));
export type OrientationChoice = "auto" | "portrait" | "landscape";

/** One column of people on a page: its index in view.columns, position and lines of its title. */
export interface PlacedColumn {
  index: number;
  x: number;
  width: number;
  /** Name lines then role-title lines, drawn rotated. */
  nameLines: string[];
  titleLines: string[];
}

/** A set of people columns that fit side by side; each repeats the responsibility column. */
export interface Band {
  columns: PlacedColumn[];
  /** 1-based numbers of the first and last column, for "People 1–20 of 40". */
  from: number;
  to: number;
}

export interface TableLayout {
  orientation: "portrait" | "landscape";
  pageWidth: number;
  pageHeight: number;
  left: number;
  contentWidth: number;
  /** Responsibility column (title, with room for a finding marker). */
  titleWidth: number;
  /** Domain column; 0 when no shown row has a domain. */
  domainWidth: number;
  headerHeight: number;
  bands: Band[];
  /** Wrapped title lines per shown row (same order as view.rows). */
  rowLines: string[][];
  rowHeights: number[];
  /** Widest line a rotated column title may have. */
  headerTextMax: number;
}

export const ROW_PAD_Y = 3;
export const CELL_PAD_X = 4;
export const MIN_ROW_HEIGHT = 14;
export const GROUP_ROW_HEIGHT = 15;
export const MARKER_WIDTH = 9;
const MIN_COLUMN_WIDTH = 18;
const HEADER_MIN = 40;
const HEADER_MAX = 112;
const HEADER_PAD = 8;
const DOMAIN_WIDTH = 36;

function pageSize(paper: Paper, orientation: "portrait" | "landscape") {
  const p = PAPER[paper];
  return orientation === "portrait" ? { w: p.width, h: p.height } : { w: p.height, h: p.width };
}

/** The small line under a column's name: its role title when it adds something, and "vacant" for an open role. */
export function subtitle(c: { name: string; roleTitle: string; isVacant: boolean }): string {
  const title = c.roleTitle.trim();
  const shown = title !== "" && title.toLocaleLowerCase() !== c.name.trim().toLocaleLowerCase() ? title : "";
  if (!c.isVacant) return shown;
  return shown ? `${shown} · vacant` : "vacant";
}

/**
 * Lays the table out for one orientation: column widths from what they hold (widest
 * letters, rotated title lines), the responsibility column from the titles, and
 * column bands that each fit the page. Every value is measured once per distinct
 * string through the engine's caches.
 */
function layoutFor(
  view: ExportView,
  engine: TextEngine,
  paper: Paper,
  orientation: "portrait" | "landscape",
  withMarkers: boolean,
): TableLayout {
  const { w, h } = pageSize(paper, orientation);
  const contentWidth = w - 2 * PAGE.marginX;
  const domainWidth = view.rows.some((r) => r.domain !== null) ? DOMAIN_WIDTH : 0;

  // Column titles: the header is as tall as the longest title needs, within bounds;
  // longer titles wrap onto more rotated lines (and widen their column).
  let natural = 0;
  for (const c of view.columns) {
    natural = Math.max(
      natural,
      engine.width(c.name, TYPE.header, true),
      c.roleTitle ? engine.width(c.roleTitle, TYPE.small) : 0,
    );
  }
  const headerHeight = Math.min(HEADER_MAX, Math.max(HEADER_MIN, natural + 2 * HEADER_PAD));
  const headerTextMax = headerHeight - 2 * HEADER_PAD;

  // Widest letters per column: 16 possible strings, measured once each.
  const maskWidths = LETTER_TEXTS.map((t) => (t ? engine.width(t, TYPE.letters, true) : 0));
  const nCols = view.columns.length;
  const placed: PlacedColumn[] = view.columns.map((c, index) => {
    let max = 0;
    for (let r = 0; r < view.rows.length; r++) max = Math.max(max, maskWidths[view.masks[r * nCols + index] ?? 0] ?? 0);
    const nameLines = engine.wrap(c.name, headerTextMax, TYPE.header, true);
    const titleLines = subtitle(c) ? engine.wrap(subtitle(c), headerTextMax, TYPE.small) : [];
    const textBlock = nameLines.length * TYPE.headerLine + titleLines.length * (TYPE.headerLine - 1);
    const width = Math.ceil(Math.max(MIN_COLUMN_WIDTH, max + 8, textBlock + 6));
    return { index, x: 0, width, nameLines, titleLines };
  });
  const peopleWidth = placed.reduce((s, c) => s + c.width, 0);

  // The responsibility column: as wide as its longest title needs, at least 130 pt, and
  // it takes the room the people leave, up to a comfortable reading width.
  let longest = 0;
  for (const r of view.rows) longest = Math.max(longest, engine.width(r.title, TYPE.body));
  const markerRoom = withMarkers ? MARKER_WIDTH : 0;
  const reading = orientation === "portrait" ? 210 : 250;
  const spare = contentWidth - domainWidth - peopleWidth;
  const titleWidth = Math.round(
    Math.max(130, Math.min(longest + 2 * CELL_PAD_X + markerRoom, Math.max(reading, Math.min(spare, 320)))),
  );

  const rowLines = view.rows.map((r) => engine.wrap(r.title, titleWidth - 2 * CELL_PAD_X - markerRoom, TYPE.body));
  const rowHeights = rowLines.map((lines) => Math.max(MIN_ROW_HEIGHT, lines.length * TYPE.bodyLine + 2 * ROW_PAD_Y));

  const bands = splitBands(placed, contentWidth - titleWidth - domainWidth, PAGE.marginX + titleWidth + domainWidth);
  return {
    orientation,
    pageWidth: w,
    pageHeight: h,
    left: PAGE.marginX,
    contentWidth,
    titleWidth,
    domainWidth,
    headerHeight,
    bands,
    rowLines,
    rowHeights,
    headerTextMax,
  };
}

/**
 * Splits columns into bands that fit `available`, evenly: 40 columns that need two
 * bands become 20 + 20, not 34 + 6. A column wider than a band gets a band of its own.
 */
export function splitBands(columns: readonly PlacedColumn[], available: number, x0: number): Band[] {
  if (columns.length === 0) return [{ columns: [], from: 0, to: 0 }];
  const greedy = (limit: number): PlacedColumn[][] => {
    const out: PlacedColumn[][] = [];
    let cur: PlacedColumn[] = [];
    let width = 0;
    for (const c of columns) {
      if (cur.length > 0 && (width + c.width > available || cur.length >= limit)) {
        out.push(cur);
        cur = [];
        width = 0;
      }
      cur.push(c);
      width += c.width;
    }
    if (cur.length) out.push(cur);
    return out;
  };
  const first = greedy(Infinity);
  let groups = first;
  if (first.length > 1) {
    const even = greedy(Math.ceil(columns.length / first.length));
    if (even.length === first.length) groups = even;
  }
  let number = 0;
  return groups.map((group) => {
    let x = x0;
    const placed = group.map((c) => {
      const p = { ...c, x };
      x += c.width;
      return p;
    });
    const from = number + 1;
    number += group.length;
    return { columns: placed, from, to: number };
  });
}

/**
 * The layout for the chosen orientation. "auto" takes portrait when every column fits
 * across one portrait page, landscape otherwise (fewer, wider bands).
 */
export function layoutTable(
  view: ExportView,
  engine: TextEngine,
  paper: Paper,
  choice: OrientationChoice,
  withMarkers: boolean,
): TableLayout {
  if (choice !== "auto") return layoutFor(view, engine, paper, choice, withMarkers);
  const portrait = layoutFor(view, engine, paper, "portrait", withMarkers);
  if (portrait.bands.length <= 1) return portrait;
  return layoutFor(view, engine, paper, "landscape", withMarkers);
}
