import "server-only";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { readSettings } from "@/lib/raci/settings";
import { domainOrNull } from "@/lib/server/matrices/reshape";
import { reshapePerson, personSelect } from "@/lib/server/people/person-dto";
import type { ColumnDto, CompactCell, MatrixDto, RowDto } from "@/lib/matrix/dto";

/**
 * The whole matrix in its compact wire shape, in four queries whatever its size (no
 * N+1): the matrix, its columns with their people, its rows, its cells. Callers have
 * already authorized access (requireMatrixAccess).
 */
export async function loadMatrixDto(matrixId: string): Promise<MatrixDto> {
  const [matrix, columns, rows, cells, lastChange] = await Promise.all([
    db.matrix.findFirst({
      where: { id: matrixId, deletedAt: null },
      select: {
        id: true,
        teamId: true,
        name: true,
        description: true,
        version: true,
        updatedAt: true,
        settings: true,
        team: { select: { slug: true } },
      },
    }),
    db.matrixColumn.findMany({
      where: { matrixId, deletedAt: null, person: { deletedAt: null } },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, version: true, person: { select: personSelect } },
    }),
    db.responsibility.findMany({
      where: { matrixId, deletedAt: null },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, title: true, description: true, category: true, domain: true, version: true },
    }),
    db.cell.findMany({
      where: { matrixId },
      select: { responsibilityId: true, personId: true, letters: true, version: true },
    }),
    db.matrixChange.findFirst({ where: { matrixId }, orderBy: { id: "desc" }, select: { id: true } }),
  ]);
  if (!matrix) throw notFound("That matrix");

  const columnDtos: ColumnDto[] = columns.map((c) => {
    const person = reshapePerson(c.person);
    return {
      id: c.id,
      personId: person.id,
      name: person.name,
      roleTitle: person.roleTitle,
      roleKinds: person.roleKinds,
      kindsManual: person.kindsManual,
      isVacant: person.isVacant,
      codingShare: person.codingShare,
      userId: person.userId,
      version: c.version,
      personVersion: person.version,
    };
  });
  const rowDtos: RowDto[] = rows.map((r) => ({ ...r, domain: domainOrNull(r.domain) }));

  const rowIndex = new Map(rowDtos.map((r, i) => [r.id, i]));
  const colIndex = new Map(columnDtos.map((c, i) => [c.personId, i]));
  const compact: CompactCell[] = [];
  for (const cell of cells) {
    const r = rowIndex.get(cell.responsibilityId);
    const c = colIndex.get(cell.personId);
    if (r !== undefined && c !== undefined) compact.push([r, c, cell.letters, cell.version]);
  }

  return {
    id: matrix.id,
    teamId: matrix.teamId,
    teamSlug: matrix.team.slug,
    name: matrix.name,
    description: matrix.description,
    version: matrix.version,
    updatedAt: matrix.updatedAt.toISOString(),
    settings: readSettings(matrix.settings).settings,
    lastChangeId: lastChange?.id ?? 0,
    columns: columnDtos,
    rows: rowDtos,
    cells: compact,
  };
}
