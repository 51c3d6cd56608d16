import "server-only";
import { buildExportView } from "@/lib/server/export/export-view";
import { attachmentHeader, downloadName } from "@/lib/server/export/content-disposition";
import { isoDate } from "@/lib/server/export/format-date";
import { renderMatrixPdf } from "@/lib/server/export/pdf/render-matrix-pdf";
import type { CurrentUser } from "@/lib/server/session";
import { drawWorkshopSummary } from "./draw-workshop-summary";
import { getWorkshopSummary } from "./get-workshop-summary";

/**
 * GET …/summary.pdf: the workshop summary (outcome of every item, agreement, most
 * contested, findings left) followed by the matrix as it stands, with its findings —
 * the regular matrix PDF, one document.
 */
export async function exportSummaryPdf(user: CurrentUser, workshopId: string, timeZone = "UTC"): Promise<Response> {
  const { summary, matrix } = await getWorkshopSummary(user, workshopId);
  const view = buildExportView(matrix, { name: summary.teamName, slug: summary.teamSlug });
  const exportedAt = new Date();
  const pdf = await renderMatrixPdf(view, {
    paper: "a4",
    orientation: "auto",
    includeFindings: true,
    exportedAt,
    timeZone,
    preface: { label: "Workshop summary", draw: (ctx) => drawWorkshopSummary(ctx, summary, timeZone) },
  });
  const name = downloadName(`${summary.matrixName} workshop summary`, isoDate(exportedAt, timeZone), "pdf");
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": attachmentHeader(name),
      "Content-Length": String(pdf.byteLength),
      "Cache-Control": "private, no-store",
    },
  });
}
