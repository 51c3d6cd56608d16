import "server-only";
import type { Domain } from "@/lib/raci/types";
import type { PdfExportQuery, TableExportQuery } from "@/lib/schemas/export";
import { loadMatrixDto } from "@/lib/server/matrices/load-matrix-dto";
import { requireMatrixAccess } from "@/lib/server/matrices/require-matrix-access";
import type { CurrentUser } from "@/lib/server/session";
import { attachmentHeader, downloadName } from "./content-disposition";
import { buildExportView, type ExportFilter, type ExportView } from "./export-view";
import { isoDate } from "./format-date";
import { renderMatrixCsv } from "./matrix-csv";
import { renderMatrixXlsx } from "./matrix-xlsx";
import { renderMatrixPdf } from "./pdf/render-matrix-pdf";

export type ExportFormat = "pdf" | "csv" | "xlsx";

const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8; header=present",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

const DOMAIN_PARAM: Readonly<Record<string, Domain | null>> = {
  system: "SYSTEM",
  people: "PEOPLE",
  shared: "SHARED",
  none: null,
};

function filterOf(q: TableExportQuery): ExportFilter {
  return {
    categories: q.category,
    domains: q.domain.map((d) => DOMAIN_PARAM[d] ?? null),
    columnIds: q.column,
    onlyWithFindings: q.onlyWithFindings,
    query: q.q,
  };
}

/** The matrix as the caller may see it (viewers too), filtered as asked. */
async function loadView(user: CurrentUser, matrixId: string, q: TableExportQuery): Promise<ExportView> {
  const access = await requireMatrixAccess(user.id, matrixId, "team:view");
  const dto = await loadMatrixDto(access.matrix.id);
  return buildExportView(dto, { name: access.team.name, slug: access.team.slug }, filterOf(q));
}

function download(
  body: Buffer | string,
  format: ExportFormat,
  view: ExportView,
  exportedAt: Date,
  tz: string,
): Response {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  const name = downloadName(view.matrix.name, isoDate(exportedAt, tz), format);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": attachmentHeader(name),
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": "private, no-store",
    },
  });
}

/** GET …/export.pdf: the matrix as a document to hand out. */
export async function exportMatrixPdf(user: CurrentUser, matrixId: string, q: PdfExportQuery): Promise<Response> {
  const view = await loadView(user, matrixId, q);
  const exportedAt = new Date();
  const pdf = await renderMatrixPdf(view, {
    paper: q.paper,
    orientation: q.orientation,
    includeFindings: q.includeFindings,
    exportedAt,
    timeZone: q.tz,
  });
  return download(pdf, "pdf", view, exportedAt, q.tz);
}

/** GET …/export.csv or …/export.xlsx: the matrix as a table the importer reads back. */
export async function exportMatrixTable(
  user: CurrentUser,
  matrixId: string,
  format: "csv" | "xlsx",
  q: TableExportQuery,
): Promise<Response> {
  const view = await loadView(user, matrixId, q);
  const exportedAt = new Date();
  const body = format === "csv" ? renderMatrixCsv(view) : renderMatrixXlsx(view, exportedAt);
  return download(body, format, view, exportedAt, q.tz);
}
