/**
 * Pure, immutable patches of the cached MatrixModel. Each returns a new model and keeps
 * the identity of everything it did not touch (a cell edit keeps `rows` and `columns`),
 * so memoized grid parts only recompute what really changed.
 */
import { cellKey, type CellState, type ColumnDto, type MatrixModel, type RowDto } from "@/lib/matrix/dto";
import type { Letters } from "@/lib/raci/types";
import type { MatrixHeader, PersonDto } from "./api-client";

export interface CellUpdate {
  rowId: string;
  personId: string;
  /** Omitted: keep the cached letters. */
  letters?: Letters;
  /** Omitted: keep the cached version. */
  version?: number;
}

/** The cached state of a cell; a cell never written is empty at version 0. */
export function readCell(model: Pick<MatrixModel, "cells">, rowId: string, personId: string): CellState {
  return model.cells.get(cellKey(rowId, personId)) ?? EMPTY_CELL;
}

const EMPTY_CELL: CellState = Object.freeze({ letters: "", version: 0 });

/** Applies cell updates with one copy of the cell map (not one per cell). */
export function patchCells(model: MatrixModel, updates: readonly CellUpdate[]): MatrixModel {
  if (updates.length === 0) return model;
  const cells = new Map(model.cells);
  let changed = false;
  for (const u of updates) {
    const key = cellKey(u.rowId, u.personId);
    const prev = cells.get(key) ?? EMPTY_CELL;
    const next: CellState = { letters: u.letters ?? prev.letters, version: u.version ?? prev.version };
    if (next.letters === prev.letters && next.version === prev.version) continue;
    cells.set(key, next);
    changed = true;
  }
  return changed ? { ...model, cells } : model;
}

function insertAfter<T extends { id: string }>(list: readonly T[], item: T, afterId: string | null | undefined): T[] {
  const without = list.filter((x) => x.id !== item.id);
  if (afterId === undefined) return [...without, item];
  if (afterId === null) return [item, ...without];
  const at = without.findIndex((x) => x.id === afterId);
  if (at < 0) return [...without, item];
  return [...without.slice(0, at + 1), item, ...without.slice(at + 1)];
}

/** Adds (or re-adds) a row after `afterId`; undefined = at the end, null = at the top. */
export function insertRow(model: MatrixModel, row: RowDto, afterId?: string | null): MatrixModel {
  return { ...model, rows: insertAfter(model.rows, row, afterId) };
}

/** Replaces a row's fields in place (same position). */
export function replaceRow(model: MatrixModel, row: RowDto): MatrixModel {
  if (!model.rows.some((r) => r.id === row.id)) return model;
  return { ...model, rows: model.rows.map((r) => (r.id === row.id ? row : r)) };
}

/** Moves a row after `afterId` (null = to the top), optionally with new fields. */
export function moveRow(
  model: MatrixModel,
  rowId: string,
  afterId: string | null,
  fields: Partial<RowDto> = {},
): MatrixModel {
  const row = model.rows.find((r) => r.id === rowId);
  if (!row) return model;
  return { ...model, rows: insertAfter(model.rows, { ...row, ...fields }, afterId) };
}

/** Removes a row. Its cells stay in the map: a restore brings them back as they were. */
export function removeRow(model: MatrixModel, rowId: string): MatrixModel {
  if (!model.rows.some((r) => r.id === rowId)) return model;
  return { ...model, rows: model.rows.filter((r) => r.id !== rowId) };
}

export function insertColumn(model: MatrixModel, column: ColumnDto, afterId?: string | null): MatrixModel {
  return { ...model, columns: insertAfter(model.columns, column, afterId) };
}

export function replaceColumn(model: MatrixModel, column: ColumnDto): MatrixModel {
  if (!model.columns.some((c) => c.id === column.id)) return model;
  return { ...model, columns: model.columns.map((c) => (c.id === column.id ? column : c)) };
}

export function moveColumn(model: MatrixModel, columnId: string, afterId: string | null): MatrixModel {
  const column = model.columns.find((c) => c.id === columnId);
  if (!column) return model;
  return { ...model, columns: insertAfter(model.columns, column, afterId) };
}

/** Removes a column; like rows, its cells are kept for a restore. */
export function removeColumn(model: MatrixModel, columnId: string): MatrixModel {
  if (!model.columns.some((c) => c.id === columnId)) return model;
  return { ...model, columns: model.columns.filter((c) => c.id !== columnId) };
}

/** Copies a person's record into every column showing that person. */
export function patchPerson(model: MatrixModel, person: PersonDto): MatrixModel {
  if (!model.columns.some((c) => c.personId === person.id)) return model;
  return {
    ...model,
    columns: model.columns.map((c) =>
      c.personId === person.id
        ? {
            ...c,
            name: person.name,
            roleTitle: person.roleTitle,
            roleKinds: person.roleKinds,
            kindsManual: person.kindsManual,
            isVacant: person.isVacant,
            codingShare: person.codingShare,
            userId: person.userId,
            personVersion: person.version,
          }
        : c,
    ),
  };
}

export function patchHeader(model: MatrixModel, header: MatrixHeader): MatrixModel {
  return {
    ...model,
    name: header.name,
    description: header.description,
    settings: header.settings,
    version: header.version,
  };
}

/**
 * The `afterId` that puts `rowId` just before `beforeId` in `rows` (null = top), for
 * moves expressed as "above that row". The moved row itself is skipped.
 */
export function afterIdForBefore(rows: readonly { id: string }[], rowId: string, beforeId: string): string | null {
  const others = rows.filter((r) => r.id !== rowId);
  const at = others.findIndex((r) => r.id === beforeId);
  if (at <= 0) return null;
  return others[at - 1]?.id ?? null;
}
