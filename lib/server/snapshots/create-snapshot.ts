import "server-only";
import { db } from "@/lib/server/db";
import { loadMatrixDto } from "@/lib/server/matrices/load-matrix-dto";
import { toSnapshotContent, type SnapshotKind } from "@/lib/matrix/snapshot";

export interface CreateSnapshotInput {
  matrixId: string;
  name: string;
  kind: SnapshotKind;
  actorId: string | null;
}

/**
 * Saves the matrix as it is now under a name. Callers have authorized access already
 * (manual snapshots: matrix:edit; workshops: workshop:run).
 */
export async function createSnapshot(input: CreateSnapshotInput): Promise<{ id: string; lastChangeId: number }> {
  const dto = await loadMatrixDto(input.matrixId);
  const row = await db.matrixSnapshot.create({
    data: {
      matrixId: input.matrixId,
      name: input.name,
      kind: input.kind,
      content: JSON.stringify(toSnapshotContent(dto)),
      lastChangeId: dto.lastChangeId,
      createdById: input.actorId,
    },
    select: { id: true, lastChangeId: true },
  });
  return row;
}
