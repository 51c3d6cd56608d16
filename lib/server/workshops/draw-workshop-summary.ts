import "server-only";
import { summarizeFindings } from "@/lib/raci/findings";
import { formatAgreement } from "@/lib/raci/workshop";
import { formatLetters } from "@/lib/raci/letters";
import type { WorkshopSummaryDto } from "@/lib/matrix/workshop-dto";
import { formatDateTime } from "@/lib/server/export/format-date";
import type { PrefaceContext } from "@/lib/server/export/pdf/render-matrix-pdf";
import { INK, SEVERITY_COLORS } from "@/lib/server/export/pdf/theme";

const STATUS_WORDS = { decided: "Decided", parked: "Parked", pending: "Not reached" } as const;

/** "Tech Lead: A · Ana: R/C", or "—" for a decision with no letters. */
function decisionText(summary: WorkshopSummaryDto, decision: Record<string, string> | null): string {
  if (!decision) return "";
  const parts = summary.columns
    .filter((c) => decision[c.personId])
    .map((c) => `${c.name}: ${formatLetters(decision[c.personId]!)}`);
  return parts.length ? parts.join(" · ") : "No letters";
}

/**
 * The workshop summary pages of the summary PDF: facts, counts, findings left, the most
 * contested decisions and the agenda as a table (outcome, decision, agreement).
 */
export function drawWorkshopSummary(ctx: PrefaceContext, s: WorkshopSummaryDto, timeZone: string): void {
  const { doc, engine, left, width, bottom } = ctx;
  let y = ctx.newPage();
  doc.outline.addItem("Workshop summary");
  const line = (text: string, size: number, opts: { bold?: boolean; color?: string; gap?: number } = {}) => {
    for (const l of engine.wrap(text, width, size, opts.bold)) {
      if (y + size * 1.4 > bottom) y = ctx.newPage();
      engine.draw(l, left, y + size, { size, bold: opts.bold ?? false, color: opts.color ?? INK.text });
      y += size * 1.35;
    }
    y += opts.gap ?? 0;
  };

  line(`Workshop summary: ${s.name}`, 16, { bold: true, gap: 2 });
  line(
    [
      `${s.matrixName} — ${s.teamName}`,
      `facilitated by ${s.facilitatorName}`,
      `started ${formatDateTime(new Date(s.createdAt), timeZone)}`,
      s.endedAt ? `ended ${formatDateTime(new Date(s.endedAt), timeZone)}` : "still running",
    ].join(" · "),
    8.5,
    { color: INK.muted, gap: 6 },
  );
  line(
    `${s.counts.decided} of ${s.counts.total} decided · ${s.counts.parked} parked · ${s.counts.pending} not reached · average agreement ${formatAgreement(s.averageAgreement)}`,
    10,
    { bold: true, gap: 4 },
  );
  const health = summarizeFindings(s.findings);
  line(`Findings left in the matrix: ${health.health}.`, 9, {
    bold: true,
    color: health.bySeverity.error
      ? SEVERITY_COLORS.error
      : health.bySeverity.warning
        ? SEVERITY_COLORS.warning
        : "#15803d",
    gap: 8,
  });

  const byId = new Map(s.items.map((i) => [i.id, i]));
  if (s.mostContested.length) {
    line("Most contested decisions", 11, { bold: true, gap: 2 });
    for (const id of s.mostContested) {
      const item = byId.get(id);
      if (item) line(`• ${item.title} — ${formatAgreement(item.agreement)} agreement, ${item.voteCount} votes`, 8.5);
    }
    y += 8;
  }

  // The agenda as a table: #, responsibility, outcome, decision, agreement.
  line("Agenda", 11, { bold: true, gap: 2 });
  const cols = [
    { title: "#", w: 18 },
    { title: "Responsibility", w: width * 0.34 },
    { title: "Outcome", w: 54 },
    { title: "Decision", w: 0 },
    { title: "Agreement", w: 56 },
  ];
  cols[3]!.w = width - cols.reduce((sum, c) => sum + c.w, 0);
  const header = () => {
    let x = left;
    doc.rect(left, y, width, 14).fill(INK.headerFill);
    for (const c of cols) {
      engine.draw(c.title, x + 3, y + 10, { size: 7.5, bold: true, color: INK.muted });
      x += c.w;
    }
    y += 16;
  };
  header();
  s.items.forEach((item, i) => {
    const cells = [
      [String(i + 1)],
      engine.wrap(item.title, cols[1]!.w - 6, 8, true),
      [STATUS_WORDS[item.status]],
      engine.wrap(decisionText(s, item.decision), cols[3]!.w - 6, 7.5),
      [item.status === "decided" ? `${formatAgreement(item.agreement)} (${item.voteCount})` : ""],
    ];
    const height = Math.max(...cells.map((c) => c.length)) * 10 + 4;
    if (y + height > bottom) {
      y = ctx.newPage();
      header();
    }
    let x = left;
    cells.forEach((lines, c) => {
      lines.forEach((text, k) => {
        engine.draw(text, x + 3, y + 8 + k * 10, {
          size: c === 1 ? 8 : 7.5,
          bold: c === 1,
          color: c === 2 && item.status === "parked" ? SEVERITY_COLORS.warning : INK.text,
        });
      });
      x += cols[c]!.w;
    });
    y += height;
    doc
      .lineWidth(0.4)
      .moveTo(left, y - 1)
      .lineTo(left + width, y - 1)
      .strokeColor(INK.grid)
      .stroke();
  });
}
