import { apiRoute } from "@/lib/server/api";
import { pdfExportQuerySchema, REPEATABLE_EXPORT_PARAMS } from "@/lib/schemas/export";
import { exportMatrixPdf } from "@/lib/server/export/export-matrix";
import { parseQuery } from "@/lib/server/export/parse-query";

/** GET the matrix as a PDF (viewers may export). Query: lib/schemas/export.ts pdfExportQuerySchema. */
export const GET = apiRoute<{ matrixId: string }>(async ({ user, params, request }) => {
  const query = parseQuery(request, pdfExportQuerySchema, REPEATABLE_EXPORT_PARAMS);
  return exportMatrixPdf(user, params.matrixId, query);
});
