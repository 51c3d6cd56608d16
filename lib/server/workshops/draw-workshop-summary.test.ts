import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildExportView, NO_FILTER } from "@/lib/server/export/export-view";
import { renderMatrixPdf } from "@/lib/server/export/pdf/render-matrix-pdf";
import { testMatrixDto } from "@/lib/server/export/test-matrix";
import type { WorkshopSummaryDto } from "@/lib/matrix/workshop-dto";
import { drawWorkshopSummary } from "./draw-workshop-summary";

const dto = testMatrixDto(40, 3);
const summary: WorkshopSummaryDto = {
  id: "w1",
  name: "Quarterly roles review",
  status: "ended",
  matrixId: dto.id,
  matrixName: dto.name,
  teamSlug: "team",
  teamName: "Platform",
  facilitatorName: "Fay Facilitator",
  createdAt: "2025-11-20T09:00:00Z",
  endedAt: "2025-11-20T10:30:00Z",
  columns: dto.columns.map((c) => ({ personId: c.personId, name: c.name, roleTitle: c.roleTitle })),
  items: dto.rows.map((r, i) => ({
    id: `i${i}`,
    responsibilityId: r.id,
    title: r.title,
    category: r.category,
    status: i % 7 === 3 ? "parked" : i < 30 ? "decided" : "pending",
    decision: i < 30 && i % 7 !== 3 ? { [dto.columns[0]!.personId]: "RA", [dto.columns[1]!.personId]: "C" } : null,
    agreement: i < 30 && i % 7 !== 3 ? (i % 4) / 4 : null,
    voteCount: 6,
    decidedAt: null,
  })),
  counts: { total: 40, decided: 26, parked: 4, pending: 10 },
  averageAgreement: 0.42,
  mostContested: ["i0", "i4"],
  findings: [],
};

describe("workshop summary PDF", () => {
  it("puts the summary pages before the matrix, with the outcome of every item", async () => {
    const plain = await renderMatrixPdf(buildExportView(dto, { name: "Platform", slug: "team" }, NO_FILTER), {
      paper: "a4",
      orientation: "auto",
      includeFindings: true,
      exportedAt: new Date("2025-11-20T11:00:00Z"),
      timeZone: "UTC",
    });
    const pdf = await renderMatrixPdf(buildExportView(dto, { name: "Platform", slug: "team" }, NO_FILTER), {
      paper: "a4",
      orientation: "auto",
      includeFindings: true,
      exportedAt: new Date("2025-11-20T11:00:00Z"),
      timeZone: "UTC",
      preface: { label: "Workshop summary", draw: (ctx) => drawWorkshopSummary(ctx, summary, "UTC") },
    });
    const pages = (b: Buffer) => b.toString("latin1").match(/\/Type \/Page\b/g)?.length ?? 0;
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pages(pdf)).toBeGreaterThan(pages(plain));

    if (existsSync("/usr/bin/pdftotext")) {
      const file = path.join(mkdtempSync(path.join(os.tmpdir(), "remit-ws-")), "s.pdf");
      writeFileSync(file, pdf);
      const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString("utf8");
      expect(text.indexOf("Workshop summary: Quarterly roles review")).toBeLessThan(text.indexOf(dto.rows[39]!.title));
      expect(text).toContain("26 of 40 decided · 4 parked · 10 not reached · average agreement 42%");
      expect(text).toContain("Most contested decisions");
      expect(text).toContain(`${dto.columns[0]!.name}: R/A`);
    }
  });
});
