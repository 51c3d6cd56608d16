import { apiRoute } from "@/lib/server/api";
import { importQuerySchema, type ImportQuery } from "@/lib/schemas/import";
import { requireTeamAccess } from "@/lib/server/authz";
import { AppError } from "@/lib/server/errors";
import { parseQuery } from "@/lib/server/export/parse-query";
import { importMatrix } from "@/lib/server/import/import-matrix";
import { parseImportSource } from "@/lib/server/import/parse-import-source";
import { previewImport } from "@/lib/server/import/preview-import";
import { nameFromFileName, readImportRequest } from "@/lib/server/import/read-import-request";

/**
 * POST a table (multipart `file`/`text`, or a text/csv, text/tab-separated-values,
 * text/markdown, text/plain or .xlsx body) to create a matrix from it. `?preview=1`
 * checks it and answers the preview with its findings, saving nothing. Needs
 * "matrix:edit" on the team; another team is a 404.
 */
export const POST = apiRoute<{ teamId: string }>(async ({ user, params, request }) => {
  const query: ImportQuery = parseQuery(request, importQuerySchema);
  // Authorize before reading a body of up to a few megabytes.
  const { team } = await requireTeamAccess(user.id, { teamId: params.teamId }, "matrix:edit");
  const source = await readImportRequest(request, query);
  const model = parseImportSource(source);
  const name = source.name ?? nameFromFileName(source.fileName);

  if (query.preview) {
    return Response.json(
      { preview: await previewImport(team.id, model, name) },
      { headers: { "Cache-Control": "no-store" } },
    );
  }
  if (!name) throw new AppError("INVALID_INPUT", "Give the new matrix a name.", { fields: { name: "Enter a name." } });
  const result = await importMatrix(user, team, name, model);
  return Response.json(result, { status: 201 });
});
