/**
 * The wire shape of a matrix (GET /api/v1/matrices/{id}) and its client-side model.
 * Cells travel compactly — [rowIndex, columnIndex, letters, version] — so a 40 × 200
 * matrix stays far below 150 KB; the client turns them into a map keyed by ids.
 * Pure: used by the server (encode), the grid (decode) and tests.
 */
import type { Domain, Letters, RaciMatrix, RaciSettings, RoleKind } from "@/lib/raci/types";

export interface ColumnDto {
  /** The matrix column's id (placement of a person in this matrix). */
  id: string;
  personId: string;
  name: string;
  roleTitle: string;
  /** Effective kinds (manual, or recognised from the title). */
  roleKinds: RoleKind[];
  kindsManual: boolean;
  isVacant: boolean;
  codingShare: number | null;
  userId: string | null;
  /** Version of the column placement (moves). */
  version: number;
  /** Version of the person record (name, title, kinds, coding share). */
  personVersion: number;
}

export interface RowDto {
  id: string;
  title: string;
  description: string;
  category: string;
  domain: Domain | null;
  version: number;
}

/** [rowIndex, columnIndex, letters, version] */
export type CompactCell = [number, number, Letters, number];

export interface MatrixDto {
  id: string;
  teamId: string;
  teamSlug: string;
  name: string;
  description: string;
  version: number;
  updatedAt: string;
  settings: RaciSettings;
  /** Id of the newest recorded change: live clients fetch what came after it. */
  lastChangeId: number;
  columns: ColumnDto[];
  rows: RowDto[];
  cells: CompactCell[];
}

export interface CellState {
  letters: Letters;
  version: number;
}

/** The matrix as the client holds it: rows and columns in order, cells by key. */
export interface MatrixModel extends Omit<MatrixDto, "cells"> {
  cells: Map<string, CellState>;
}

/** The key of a cell: its row (responsibility) id and the column's person id. */
export function cellKey(rowId: string, personId: string): string {
  return `${rowId}|${personId}`;
}

export function decodeMatrix(dto: MatrixDto): MatrixModel {
  const cells = new Map<string, CellState>();
  for (const [r, c, letters, version] of dto.cells) {
    const row = dto.rows[r];
    const col = dto.columns[c];
    if (row && col) cells.set(cellKey(row.id, col.personId), { letters, version });
  }
  return { ...dto, cells };
}

export function encodeCells(
  rows: { id: string }[],
  columns: { personId: string }[],
  cells: Iterable<{ rowId: string; personId: string; letters: Letters; version: number }>,
): CompactCell[] {
  const rowIndex = new Map(rows.map((r, i) => [r.id, i]));
  const colIndex = new Map(columns.map((c, i) => [c.personId, i]));
  const out: CompactCell[] = [];
  for (const cell of cells) {
    const r = rowIndex.get(cell.rowId);
    const c = colIndex.get(cell.personId);
    if (r !== undefined && c !== undefined) out.push([r, c, cell.letters, cell.version]);
  }
  return out;
}

/** The model as the RACI rules see it (columns are identified by person id). */
export function toRaciMatrix(model: Pick<MatrixModel, "columns" | "rows" | "cells" | "settings">): RaciMatrix {
  const cells: Record<string, Record<string, Letters>> = {};
  for (const row of model.rows) cells[row.id] = {};
  for (const [key, cell] of model.cells) {
    if (!cell.letters) continue;
    const sep = key.indexOf("|");
    const rowCells = cells[key.slice(0, sep)];
    if (rowCells) rowCells[key.slice(sep + 1)] = cell.letters;
  }
  return {
    columns: model.columns.map((c) => ({
      id: c.personId,
      name: c.name,
      roleTitle: c.roleTitle,
      roleKinds: c.roleKinds,
      isVacant: c.isVacant,
      codingShare: c.codingShare,
    })),
    rows: model.rows.map((r) => ({
      id: r.id,
      title: r.title,
      description: r.description,
      category: r.category,
      domain: r.domain,
    })),
    cells,
    settings: model.settings,
  };
}
