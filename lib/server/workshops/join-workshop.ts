import "server-only";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import type { CurrentUser } from "@/lib/server/session";
import { touchParticipant } from "./touch-participant";

export interface JoinedWorkshop {
  workshopId: string;
  matrixId: string;
  teamSlug: string;
  status: "active" | "ended";
}

/**
 * Joins a workshop by its code. Only members of the matrix's team get in; for anybody
 * else the answer is the same 404 as for a code that does not exist, so codes cannot be
 * probed for workshops of other teams. Joining an ended workshop leads to its summary.
 */
export async function joinWorkshop(user: CurrentUser, code: string): Promise<JoinedWorkshop> {
  const w = await db.workshop.findFirst({
    where: { joinCode: code, matrix: { deletedAt: null, team: { memberships: { some: { userId: user.id } } } } },
    select: { id: true, matrixId: true, status: true, matrix: { select: { team: { select: { slug: true } } } } },
  });
  if (!w) throw notFound("No running workshop with that code");
  if (w.status === "active") await touchParticipant(w.id, user, { join: true });
  return {
    workshopId: w.id,
    matrixId: w.matrixId,
    teamSlug: w.matrix.team.slug,
    status: w.status === "ended" ? "ended" : "active",
  };
}
