/**
 * The stored content of a matrix snapshot (MatrixSnapshot.content): the rows, columns
 * and filled cells of a matrix at one moment, with its settings. Pure; the server
 * writes it (lib/server/snapshots) and the comparison and restore read it.
 */
import type { Letters, RaciSettings, RoleKind, Domain } from "@/lib/raci/types";
import type { MatrixDto } from "@/lib/matrix/dto";

export const SNAPSHOT_FORMAT_VERSION = 1;

export type SnapshotKind = "manual" | "workshop-start" | "workshop-end" | "before-restore";

export interface SnapshotRow {
  id: string;
  title: string;
  description: string;
  category: string;
  domain: Domain | null;
}

export interface SnapshotColumn {
  personId: string;
  name: string;
  roleTitle: string;
  roleKinds: RoleKind[];
}

export interface SnapshotContent {
  v: typeof SNAPSHOT_FORMAT_VERSION;
  name: string;
  settings: RaciSettings;
  rows: SnapshotRow[];
  columns: SnapshotColumn[];
  /** Filled cells only: [rowIndex, columnIndex, letters]. */
  cells: [number, number, Letters][];
}

export function toSnapshotContent(dto: MatrixDto): SnapshotContent {
  return {
    v: SNAPSHOT_FORMAT_VERSION,
    name: dto.name,
    settings: dto.settings,
    rows: dto.rows.map(({ id, title, description, category, domain }) => ({
      id,
      title,
      description,
      category,
      domain,
    })),
    columns: dto.columns.map(({ personId, name, roleTitle, roleKinds }) => ({ personId, name, roleTitle, roleKinds })),
    cells: dto.cells.filter(([, , letters]) => letters !== "").map(([r, c, letters]) => [r, c, letters]),
  };
}
