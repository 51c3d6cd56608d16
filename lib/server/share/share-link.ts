import "server-only";
import { db } from "@/lib/server/db";
import { requireMatrixAccess } from "@/lib/server/matrices/require-matrix-access";
import { recordAudit } from "@/lib/server/audit/record-audit";
import type { RequestMeta } from "@/lib/server/audit/request-meta";
import type { CurrentUser } from "@/lib/server/session";
import { newLinkToken } from "@/lib/server/invitations/tokens";
import type { ShareLinkDto } from "@/lib/teams/access-dto";

function toDto(link: { token: string; createdAt: Date }): ShareLinkDto {
  return { path: `/s/${link.token}`, createdAt: link.createdAt.toISOString() };
}

/** The matrix's active share link, or null when sharing is off (managers and owners). */
export async function findShareLink(userId: string, matrixId: string): Promise<ShareLinkDto | null> {
  const { matrix } = await requireMatrixAccess(userId, matrixId, "share:manage");
  const link = await db.shareLink.findFirst({
    where: { matrixId: matrix.id, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { token: true, createdAt: true },
  });
  return link ? toDto(link) : null;
}

/**
 * Turns the read-only link on (kept as it is when already on), or with `regenerate`
 * replaces it: the old link stops working at once.
 */
export async function enableShareLink(
  user: CurrentUser,
  matrixId: string,
  opts: { regenerate?: boolean },
  meta: RequestMeta,
): Promise<{ shareLink: ShareLinkDto; created: boolean }> {
  const { matrix, team } = await requireMatrixAccess(user.id, matrixId, "share:manage");
  return db.$transaction(async (tx) => {
    const active = await tx.shareLink.findFirst({
      where: { matrixId: matrix.id, revokedAt: null },
      orderBy: { createdAt: "desc" },
      select: { token: true, createdAt: true },
    });
    if (active && !opts.regenerate) return { shareLink: toDto(active), created: false };
    if (active) {
      await tx.shareLink.updateMany({
        where: { matrixId: matrix.id, revokedAt: null },
        data: { revokedAt: new Date() },
      });
    }
    const link = await tx.shareLink.create({
      data: { matrixId: matrix.id, token: newLinkToken(), createdById: user.id },
      select: { id: true, token: true, createdAt: true },
    });
    await recordAudit(
      {
        action: "share_link.enabled",
        teamId: team.id,
        actorId: user.id,
        actorEmail: user.email,
        targetType: "matrix",
        targetId: matrix.id,
        ip: meta.ip,
        details: { matrix: matrix.name, regenerated: Boolean(active) },
      },
      tx,
    );
    return { shareLink: toDto(link), created: true };
  });
}

/** Turns the read-only link off: whoever has it gets a 404 from now on. */
export async function disableShareLink(user: CurrentUser, matrixId: string, meta: RequestMeta): Promise<void> {
  const { matrix, team } = await requireMatrixAccess(user.id, matrixId, "share:manage");
  await db.$transaction(async (tx) => {
    const { count } = await tx.shareLink.updateMany({
      where: { matrixId: matrix.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) return;
    await recordAudit(
      {
        action: "share_link.disabled",
        teamId: team.id,
        actorId: user.id,
        actorEmail: user.email,
        targetType: "matrix",
        targetId: matrix.id,
        ip: meta.ip,
        details: { matrix: matrix.name },
      },
      tx,
    );
  });
}
