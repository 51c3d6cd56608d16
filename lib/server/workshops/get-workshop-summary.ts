import "server-only";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { loadMatrixDto } from "@/lib/server/matrices/load-matrix-dto";
import { decodeMatrix, toRaciMatrix, type MatrixDto } from "@/lib/matrix/dto";
import { computeFindings } from "@/lib/raci/findings";
import { mostContested } from "@/lib/raci/workshop";
import type { WorkshopSummaryDto } from "@/lib/matrix/workshop-dto";
import type { CurrentUser } from "@/lib/server/session";
import { requireWorkshopAccess } from "./workshop-access";
import { loadAgenda, loadColumns, parseRowLetters } from "./load-workshop-parts";

/**
 * What a workshop came to (any member of the team, during or after it): every item with
 * its decision and agreement, what was parked, the most contested decisions, and the
 * matrix's findings as they stand now. `matrix` is returned for the PDF.
 */
export async function getWorkshopSummary(
  user: CurrentUser,
  workshopId: string,
): Promise<{ summary: WorkshopSummaryDto; matrix: MatrixDto }> {
  await requireWorkshopAccess(user.id, workshopId);
  const w = await db.workshop.findUnique({
    where: { id: workshopId },
    select: {
      id: true,
      name: true,
      status: true,
      matrixId: true,
      facilitatorId: true,
      createdAt: true,
      endedAt: true,
      matrix: { select: { name: true, team: { select: { slug: true, name: true } } } },
    },
  });
  if (!w) throw notFound("That workshop");
  const [agenda, columns, matrix, facilitator] = await Promise.all([
    loadAgenda(w.id, w.matrixId),
    loadColumns(w.matrixId),
    loadMatrixDto(w.matrixId),
    db.user.findUnique({ where: { id: w.facilitatorId }, select: { name: true } }),
  ]);
  const items = agenda.map((a) => ({
    id: a.id,
    responsibilityId: a.responsibilityId,
    title: a.title,
    category: a.category,
    status: a.status,
    decision: a.status === "decided" ? parseRowLetters(a.decision) : null,
    agreement: a.status === "decided" ? a.agreement : null,
    voteCount: a.voteCount,
    decidedAt: a.decidedAt?.toISOString() ?? null,
  }));
  const decided = items.filter((i) => i.status === "decided");
  const withVotes = decided.filter((i) => i.agreement !== null);
  const findings = computeFindings(toRaciMatrix(decodeMatrix(matrix)));
  return {
    matrix,
    summary: {
      id: w.id,
      name: w.name,
      status: w.status === "ended" ? "ended" : "active",
      matrixId: w.matrixId,
      matrixName: w.matrix.name,
      teamSlug: w.matrix.team.slug,
      teamName: w.matrix.team.name,
      facilitatorName: facilitator?.name ?? "A former member",
      createdAt: w.createdAt.toISOString(),
      endedAt: w.endedAt?.toISOString() ?? null,
      columns,
      items,
      counts: {
        total: items.length,
        decided: decided.length,
        parked: items.filter((i) => i.status === "parked").length,
        pending: items.filter((i) => i.status === "pending").length,
      },
      averageAgreement: withVotes.length
        ? withVotes.reduce((s, i) => s + (i.agreement ?? 0), 0) / withVotes.length
        : null,
      mostContested: mostContested(decided).map((i) => i.id),
      findings,
    },
  };
}
