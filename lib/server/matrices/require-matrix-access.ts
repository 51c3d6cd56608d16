import "server-only";
import { db } from "@/lib/server/db";
import { forbidden, notFound } from "@/lib/server/errors";
import { can, type Permission } from "@/lib/permissions";
import { teamRoleSchema, type TeamRole } from "@/lib/schemas/team";
import { hasNul } from "@/lib/server/nul";

export interface MatrixAccess {
  matrix: { id: string; teamId: string; name: string; version: number };
  team: { id: string; slug: string; name: string };
  role: TeamRole;
  /** The id of the matrix's newest recorded change (0 when none), read in the same query. */
  lastChangeId: number;
}

interface AccessRow {
  id: string;
  teamId: string;
  name: string;
  version: number | bigint;
  teamSlug: string;
  teamName: string;
  role: string;
  lastChangeId: number | bigint | null;
}

/**
 * The caller's access to a matrix, found through their membership of its team: another
 * team's (or a deleted) matrix is NOT_FOUND, a role below the permission is FORBIDDEN.
 *
 * One statement, on every request that touches a matrix (Prisma's relation loading
 * made it three): the matrix joined to its team and to the caller's membership — no
 * membership, no row — plus the newest change id from the (matrixId, id) index.
 * Plain SQL that SQLite and PostgreSQL both run as written (quoted identifiers).
 */
export async function requireMatrixAccess(
  userId: string,
  matrixId: string,
  permission: Permission = "team:view",
): Promise<MatrixAccess> {
  if (hasNul(matrixId)) throw notFound("That matrix");
  const rows = await db.$queryRaw<AccessRow[]>`
    SELECT m."id", m."teamId", m."name", m."version",
           t."slug" AS "teamSlug", t."name" AS "teamName", ms."role",
           (SELECT MAX(c."id") FROM "MatrixChange" c WHERE c."matrixId" = m."id") AS "lastChangeId"
    FROM "Matrix" m
    JOIN "Team" t ON t."id" = m."teamId"
    JOIN "Membership" ms ON ms."teamId" = m."teamId" AND ms."userId" = ${userId}
    WHERE m."id" = ${matrixId} AND m."deletedAt" IS NULL`;
  const row = rows[0];
  if (!row) throw notFound("That matrix");
  const role = teamRoleSchema.catch("viewer").parse(row.role);
  if (!can(role, permission)) throw forbidden();
  return {
    matrix: { id: row.id, teamId: row.teamId, name: row.name, version: Number(row.version) },
    team: { id: row.teamId, slug: row.teamSlug, name: row.teamName },
    role,
    lastChangeId: Number(row.lastChangeId ?? 0),
  };
}
