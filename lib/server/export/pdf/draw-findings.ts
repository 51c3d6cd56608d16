import "server-only";
import type PDFDocument from "pdfkit";
import { summarizeFindings } from "@/lib/raci/findings";
import { ruleInfo } from "@/lib/raci/settings";
import type { Finding, Severity } from "@/lib/raci/types";
import type { ExportView } from "../export-view";
import type { TextEngine } from "./text-engine";
import { INK, SEVERITY_COLORS, SEVERITY_TITLES } from "./theme";

type Doc = InstanceType<typeof PDFDocument>;

export interface FindingsContext {
  doc: Doc;
  engine: TextEngine;
  view: ExportView;
  left: number;
  width: number;
  bottom: number;
  newPage: () => number;
}

const ORDER: readonly Severity[] = ["error", "warning", "info"];
const SECTION_TITLES: Readonly<Record<Severity, string>> = { error: "Errors", warning: "Warnings", info: "Notes" };

function plural(n: number, s: Severity): string {
  return `${n} ${n === 1 ? SEVERITY_TITLES[s].one : SEVERITY_TITLES[s].many}`;
}

/** What a finding is about, in words: the responsibility, the person, or the matrix. */
function subjectOf(
  f: Finding,
  view: ExportView,
  rowTitles: ReadonlyMap<string, string>,
  names: ReadonlyMap<string, string>,
): string {
  if (f.responsibilityId !== undefined) {
    const title = rowTitles.get(f.responsibilityId) ?? "A responsibility";
    return f.personId !== undefined && names.has(f.personId) ? `${title} · ${names.get(f.personId)}` : title;
  }
  if (f.personId !== undefined) return names.get(f.personId) ?? "A person";
  return `The whole matrix`;
}

/**
 * The findings summary: counts by severity, then every finding of the export grouped
 * by severity, each with its rule, what it is about, and the engine's message. Starts
 * on a new page and adds pages as needed.
 */
export function drawFindings(ctx: FindingsContext): void {
  const { doc, engine, view, left, width } = ctx;
  let y = ctx.newPage();
  doc.outline.addItem("Findings");

  engine.draw("Findings", left, y + 14, { size: 14, bold: true, color: INK.text });
  y += 24;
  const findings = view.findings;
  const summary = summarizeFindings(findings);

  // Count chips.
  let x = left;
  for (const s of ORDER) {
    const label = plural(summary.bySeverity[s], s);
    const w = engine.width(label, 8, true) + 16;
    doc.roundedRect(x, y, w, 16, 3).fill(summary.bySeverity[s] > 0 ? SEVERITY_COLORS[s] : "#94a3b8");
    engine.draw(label, x + 8, y + 11, { size: 8, bold: true, color: "#ffffff" });
    x += w + 6;
  }
  y += 26;

  const notes: string[] = [];
  if (findings.length === 0) {
    notes.push(
      view.allFindings.length === 0
        ? "No problems found: every responsibility has exactly one Accountable and someone Responsible, and the Tech Lead and Engineering Manager rules hold."
        : "No findings about the responsibilities and people in this export.",
    );
  }
  const hidden = view.allFindings.length - findings.length;
  if (hidden > 0) {
    notes.push(
      `This export is filtered: ${hidden} more ${hidden === 1 ? "finding concerns" : "findings concern"} responsibilities or people left out of it.`,
    );
  }
  for (const note of notes) {
    for (const line of engine.wrap(note, width, 8)) {
      engine.draw(line, left, y + 8, { size: 8, color: INK.muted });
      y += 11;
    }
    y += 4;
  }

  const rowTitles = new Map(view.rows.map((r) => [r.id, r.title]));
  const names = new Map(view.columns.map((c) => [c.personId, c.name]));
  const textLeft = left + 12;
  const textWidth = width - 12;

  for (const s of ORDER) {
    const list = findings.filter((f) => f.severity === s);
    if (list.length === 0) continue;
    if (y + 40 > ctx.bottom) y = ctx.newPage();
    y += 8;
    engine.draw(`${SECTION_TITLES[s]} (${list.length})`, left, y + 10, {
      size: 10.5,
      bold: true,
      color: SEVERITY_COLORS[s],
    });
    y += 18;
    for (const f of list) {
      const head = `${ruleInfo(f.code).title} — ${subjectOf(f, view, rowTitles, names)}`;
      const headLines = engine.wrap(head, textWidth, 8, true);
      const bodyLines = engine.wrap(f.message, textWidth, 7.5);
      const height = headLines.length * 10.5 + bodyLines.length * 9.5 + 6;
      if (y + height > ctx.bottom) {
        y = ctx.newPage();
        engine.draw(`${SECTION_TITLES[s]} (continued)`, left, y + 10, {
          size: 10.5,
          bold: true,
          color: SEVERITY_COLORS[s],
        });
        y += 18;
      }
      doc.circle(left + 3.5, y + 5.5, 2.6).fill(SEVERITY_COLORS[s]);
      engine.begin();
      let baseline = y + 8;
      for (const line of headLines) {
        engine.draw(line, textLeft, baseline, { size: 8, bold: true, color: INK.text });
        baseline += 10.5;
      }
      for (const line of bodyLines) {
        engine.draw(line, textLeft, baseline - 1, { size: 7.5, color: INK.muted });
        baseline += 9.5;
      }
      engine.end();
      y += height;
    }
  }
}
