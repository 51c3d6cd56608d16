import { apiRoute } from "@/lib/server/api";
import { REPEATABLE_EXPORT_PARAMS, tableExportQuerySchema } from "@/lib/schemas/export";
import { exportMatrixTable } from "@/lib/server/export/export-matrix";
import { parseQuery } from "@/lib/server/export/parse-query";

/** GET the matrix as CSV (the importer reads it back). Query: tableExportQuerySchema. */
export const GET = apiRoute<{ matrixId: string }>(async ({ user, params, request }) => {
  const query = parseQuery(request, tableExportQuerySchema, REPEATABLE_EXPORT_PARAMS);
  return exportMatrixTable(user, params.matrixId, "csv", query);
});
