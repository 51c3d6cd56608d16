import "server-only";
import { db } from "@/lib/server/db";
import { loadMatrixDto } from "@/lib/server/matrices/load-matrix-dto";
import { accessTokenSchema } from "@/lib/schemas/access";
import type { SharedMatrix } from "@/lib/matrix/shared";

/**
 * The matrix behind a share link, for people without an account: its grid and settings,
 * nothing that points elsewhere (no team, no user ids, no other matrix). Null for an
 * unknown or revoked token, or a deleted matrix.
 */
export async function findSharedMatrix(token: string): Promise<SharedMatrix | null> {
  if (!accessTokenSchema.safeParse(token).success) return null;
  const link = await db.shareLink.findFirst({
    where: { token, revokedAt: null, matrix: { deletedAt: null } },
    select: { matrixId: true },
  });
  if (!link) return null;
  const dto = await loadMatrixDto(link.matrixId);
  return {
    name: dto.name,
    description: dto.description,
    updatedAt: dto.updatedAt,
    settings: dto.settings,
    columns: dto.columns.map((c) => ({
      id: c.id,
      personId: c.personId,
      name: c.name,
      roleTitle: c.roleTitle,
      roleKinds: c.roleKinds,
      kindsManual: c.kindsManual,
      isVacant: c.isVacant,
      codingShare: c.codingShare,
    })),
    rows: dto.rows.map((r) => ({
      id: r.id,
      title: r.title,
      description: r.description,
      category: r.category,
      domain: r.domain,
    })),
    cells: dto.cells.map(([r, c, letters]) => [r, c, letters]),
  };
}
