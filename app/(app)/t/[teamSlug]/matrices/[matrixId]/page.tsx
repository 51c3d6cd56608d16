import type { Metadata } from "next";
import { cache } from "react";
import { notFound } from "next/navigation";
import { MatrixScreen } from "@/components/matrix/matrix-screen";
import { ShareLinkButton } from "@/components/share/share-link-button";
import { findTeamPage } from "@/lib/server/teams/find-team-page";
import { requireMatrixAccess } from "@/lib/server/matrices/require-matrix-access";
import { cachedMatrixDto } from "@/lib/server/matrices/matrix-response";
import { getCurrentUser } from "@/lib/server/session";
import { isAppError } from "@/lib/server/errors";
import { can } from "@/lib/permissions";

type Params = Promise<{ teamSlug: string; matrixId: string }>;

/**
 * The matrix, loaded only through the caller's membership of the team in the URL.
 * Cached per request: the metadata and the page share one lookup.
 */
const load = cache(async (teamSlug: string, matrixId: string) => {
  const { team, userId } = await findTeamPage(teamSlug);
  try {
    const access = await requireMatrixAccess(userId, matrixId);
    if (access.team.id !== team.id) notFound();
    return access;
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { teamSlug, matrixId } = await params;
  const { matrix } = await load(teamSlug, matrixId);
  return { title: matrix.name };
}

export default async function MatrixPage({ params }: { params: Params }) {
  const { teamSlug, matrixId } = await params;
  const access = await load(teamSlug, matrixId);
  const { role } = access;
  const [dto, user] = await Promise.all([cachedMatrixDto(access), getCurrentUser()]);
  if (!user) notFound();
  return (
    <MatrixScreen
      initial={dto}
      canEdit={can(role, "matrix:edit")}
      canRunWorkshop={can(role, "workshop:run")}
      currentUser={{ id: user.id, name: user.name }}
      toolbarExtra={can(role, "share:manage") ? <ShareLinkButton matrixId={access.matrix.id} /> : undefined}
    />
  );
}
