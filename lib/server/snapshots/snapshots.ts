import "server-only";
import { db } from "@/lib/server/db";
import { AppError, notFound } from "@/lib/server/errors";
import { requireMatrixAccess } from "@/lib/server/matrices/require-matrix-access";
import { createSnapshot } from "@/lib/server/snapshots/create-snapshot";
import type { SnapshotContent, SnapshotKind } from "@/lib/matrix/snapshot";
import type { CurrentUser } from "@/lib/server/session";

/** A saved version as lists show it (no content). */
export interface SnapshotSummaryDto {
  id: string;
  name: string;
  kind: SnapshotKind;
  createdAt: string;
  createdBy: string | null;
  /** The newest change the snapshot includes. */
  lastChangeId: number;
}

export interface SnapshotDto extends SnapshotSummaryDto {
  content: SnapshotContent;
}

const KINDS = new Set<string>(["manual", "workshop-start", "workshop-end", "before-restore"]);

const summarySelect = {
  id: true,
  name: true,
  kind: true,
  createdAt: true,
  lastChangeId: true,
  createdById: true,
} as const;

async function names(ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((v): v is string => Boolean(v)))];
  if (!unique.length) return new Map();
  const users = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

function reshape(
  s: { id: string; name: string; kind: string; createdAt: Date; lastChangeId: number; createdById: string | null },
  who: Map<string, string>,
): SnapshotSummaryDto {
  return {
    id: s.id,
    name: s.name,
    kind: (KINDS.has(s.kind) ? s.kind : "manual") as SnapshotKind,
    createdAt: s.createdAt.toISOString(),
    createdBy: s.createdById ? (who.get(s.createdById) ?? null) : null,
    lastChangeId: s.lastChangeId,
  };
}

/** The saved versions of a matrix, newest first (at most 200). Anyone who can view the matrix. */
export async function findSnapshots(userId: string, matrixId: string): Promise<SnapshotSummaryDto[]> {
  await requireMatrixAccess(userId, matrixId);
  const rows = await db.matrixSnapshot.findMany({
    where: { matrixId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
    select: summarySelect,
  });
  const who = await names(rows.map((r) => r.createdById));
  return rows.map((r) => reshape(r, who));
}

/** One saved version with its content (for comparing). */
export async function findSnapshot(userId: string, matrixId: string, snapshotId: string): Promise<SnapshotDto> {
  await requireMatrixAccess(userId, matrixId);
  const row = await db.matrixSnapshot.findFirst({
    where: { id: snapshotId, matrixId },
    select: { ...summarySelect, content: true },
  });
  if (!row) throw notFound("That snapshot");
  let content: SnapshotContent;
  try {
    content = JSON.parse(row.content) as SnapshotContent;
  } catch {
    throw new AppError("CONFLICT", "This snapshot cannot be read.");
  }
  return { ...reshape(row, await names([row.createdById])), content };
}

/** Saves the matrix as it is now under a name (matrix:edit). */
export async function saveSnapshot(user: CurrentUser, matrixId: string, name: string): Promise<SnapshotSummaryDto> {
  await requireMatrixAccess(user.id, matrixId, "matrix:edit");
  const { id } = await createSnapshot({ matrixId, name, kind: "manual", actorId: user.id });
  const row = await db.matrixSnapshot.findUniqueOrThrow({ where: { id }, select: summarySelect });
  return reshape(row, new Map([[user.id, user.name]]));
}

/**
 * Deletes a saved version (matrix:edit). Only manual snapshots: the automatic ones
 * (workshop start/end, before a restore) are the record of what happened.
 */
export async function deleteSnapshot(user: CurrentUser, matrixId: string, snapshotId: string): Promise<void> {
  await requireMatrixAccess(user.id, matrixId, "matrix:edit");
  const row = await db.matrixSnapshot.findFirst({ where: { id: snapshotId, matrixId }, select: { kind: true } });
  if (!row) throw notFound("That snapshot");
  if (row.kind !== "manual") {
    throw new AppError(
      "FORBIDDEN",
      "Automatic snapshots (workshops, before a restore) are kept; only saved versions can be deleted.",
    );
  }
  await db.matrixSnapshot.delete({ where: { id: snapshotId } });
}
