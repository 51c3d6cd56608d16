/**
 * The shape of a matrix behind a read-only share link: what the public page and
 * GET /api/v1/share/{token} carry. Deliberately smaller than MatrixDto: no team, no
 * user ids, no versions.
 */
import type { ColumnDto, MatrixModel, RowDto } from "@/lib/matrix/dto";
import { cellKey } from "@/lib/matrix/dto";
import type { Letters, RaciSettings } from "@/lib/raci/types";

export interface SharedMatrix {
  name: string;
  description: string;
  updatedAt: string;
  settings: RaciSettings;
  columns: Omit<ColumnDto, "userId" | "version" | "personVersion">[];
  rows: Omit<RowDto, "version">[];
  /** [rowIndex, columnIndex, letters] */
  cells: [number, number, Letters][];
}

/** The shared matrix as the read-only grid expects a model (versions are 0: nothing is written). */
export function sharedToModel(shared: SharedMatrix): MatrixModel {
  const cells = new Map<string, { letters: Letters; version: number }>();
  for (const [r, c, letters] of shared.cells) {
    const row = shared.rows[r];
    const col = shared.columns[c];
    if (row && col) cells.set(cellKey(row.id, col.personId), { letters, version: 0 });
  }
  return {
    id: "shared",
    teamId: "",
    teamSlug: "",
    name: shared.name,
    description: shared.description,
    version: 0,
    updatedAt: shared.updatedAt,
    settings: shared.settings,
    lastChangeId: 0,
    columns: shared.columns.map((c) => ({ ...c, userId: null, version: 0, personVersion: 0 })),
    rows: shared.rows.map((r) => ({ ...r, version: 0 })),
    cells,
  };
}
