import { apiRoute } from "@/lib/server/api";
import { requireMatrixAccess } from "@/lib/server/matrices/require-matrix-access";
import { loadMatrixDto } from "@/lib/server/matrices/load-matrix-dto";
import { computeFindings, summarizeFindings } from "@/lib/raci/findings";
import { decodeMatrix, toRaciMatrix } from "@/lib/matrix/dto";

/** GET the findings of a matrix: the same engine the grid runs as you type. */
export const GET = apiRoute<{ matrixId: string }>(async ({ user, params }) => {
  await requireMatrixAccess(user.id, params.matrixId);
  const findings = computeFindings(toRaciMatrix(decodeMatrix(await loadMatrixDto(params.matrixId))));
  return Response.json({ findings, summary: summarizeFindings(findings) });
});
