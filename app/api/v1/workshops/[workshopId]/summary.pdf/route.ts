import { apiRoute } from "@/lib/server/api";
import { summaryPdfQuerySchema } from "@/lib/schemas/workshop";
import { parseQuery } from "@/lib/server/export/parse-query";
import { exportSummaryPdf } from "@/lib/server/workshops/export-summary-pdf";

/** The summary followed by the matrix and its findings, as one PDF. */
export const GET = apiRoute<{ workshopId: string }>(async ({ user, params, request }) => {
  const { tz } = parseQuery(request, summaryPdfQuerySchema);
  return exportSummaryPdf(user, params.workshopId, tz);
});
