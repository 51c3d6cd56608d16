"use client";
import { useCallback, useMemo } from "react";
import { useQueryClient } from "@tanstack/react-query";
import type { ColumnDto, MatrixModel, RowDto } from "@/lib/matrix/dto";
import type { RaciSettings } from "@/lib/raci/types";
import { api, isApiError, type AddColumnInput, type PersonInput, type RowInput } from "./api-client";
import { queryKeys } from "./keys";
import { useSerialWrites } from "./use-serial-writes";
import {
  insertColumn,
  insertRow,
  moveColumn as moveColumnIn,
  moveRow as moveRowIn,
  patchHeader,
  patchPerson,
  removeColumn,
  removeRow,
  replaceColumn,
  replaceRow,
} from "./model-patches";

export type RowFields = Pick<RowDto, "title" | "description" | "category" | "domain">;

/** Where a removed row or column stood, so that undo can put it back at once. */
export interface Removed<T> {
  item: T;
  afterId: string | null;
}

function rowFromConflict(e: unknown): RowDto | undefined {
  if (!isApiError(e) || e.status !== 409) return undefined;
  const row = (e.details as { row?: unknown } | undefined)?.row;
  return row && typeof row === "object" && typeof (row as RowDto).id === "string" ? (row as RowDto) : undefined;
}

/**
 * Row, column, person and settings writes of one matrix. They run one after another
 * (a mutation scope): each reads the record's version from the cache when its turn
 * comes, so two quick moves of one row do not refuse each other as stale. Moves and
 * deletes are optimistic; on failure the matrix is refetched (the server's order is the
 * truth) and the error is rethrown for the caller to show.
 */
export function useStructureMutations(matrixId: string) {
  const qc = useQueryClient();
  const key = useMemo(() => queryKeys.matrix.detail(matrixId), [matrixId]);

  const serial = useSerialWrites(matrixId, "structure");

  const get = useCallback(() => qc.getQueryData<MatrixModel>(key), [qc, key]);
  const set = useCallback(
    (fn: (m: MatrixModel) => MatrixModel) => qc.setQueryData<MatrixModel>(key, (m) => (m ? fn(m) : m)),
    [qc, key],
  );
  const refetch = useCallback(() => qc.invalidateQueries({ queryKey: key, exact: true }), [qc, key]);

  /** Runs `send` in the queue; on failure refetches and rethrows. */
  const run = useCallback(
    async <T>(send: () => Promise<T>, opts: { refetchOnError?: boolean } = {}): Promise<T> => {
      try {
        return await serial(send);
      } catch (e) {
        if (opts.refetchOnError !== false) void refetch();
        throw e;
      }
    },
    [serial, refetch],
  );

  const rowVersion = useCallback((rowId: string) => get()?.rows.find((r) => r.id === rowId)?.version ?? 0, [get]);
  const column = useCallback((columnId: string) => get()?.columns.find((c) => c.id === columnId), [get]);

  return useMemo(() => {
    const createRow = async (input: RowInput): Promise<RowDto> => {
      const { row } = await run(() => api.createRow(matrixId, input), { refetchOnError: false });
      set((m) => insertRow(m, row, input.afterId ?? undefined));
      return row;
    };

    /** Edits a row's fields (optimistically). A 409 puts the server's row in the cache before rethrowing. */
    const updateRow = async (rowId: string, fields: Partial<RowFields>): Promise<RowDto> => {
      set((m) => {
        const r = m.rows.find((x) => x.id === rowId);
        return r ? replaceRow(m, { ...r, ...fields }) : m;
      });
      try {
        const { row } = await run(() => api.updateRow(matrixId, rowId, { ...fields, version: rowVersion(rowId) }), {
          refetchOnError: false,
        });
        set((m) => replaceRow(m, row));
        return row;
      } catch (e) {
        const current = rowFromConflict(e);
        if (current) set((m) => replaceRow(m, current));
        else void refetch();
        throw e;
      }
    };

    /** Moves a row after `afterId` (null = top); `fields` e.g. a new category when dropped into another group. */
    const moveRow = async (rowId: string, afterId: string | null, fields: Partial<RowFields> = {}): Promise<RowDto> => {
      set((m) => moveRowIn(m, rowId, afterId, fields));
      const { row } = await run(() =>
        api.updateRow(matrixId, rowId, { ...fields, afterId, version: rowVersion(rowId) }),
      );
      set((m) => replaceRow(m, row));
      return row;
    };

    const deleteRow = async (rowId: string): Promise<Removed<RowDto> | null> => {
      const m = get();
      const at = m?.rows.findIndex((r) => r.id === rowId) ?? -1;
      const item = m?.rows[at];
      if (!m || !item) return null;
      const removed = { item, afterId: at > 0 ? (m.rows[at - 1]?.id ?? null) : null };
      set((x) => removeRow(x, rowId));
      await run(() => api.deleteRow(matrixId, rowId));
      return removed;
    };

    const restoreRow = async (removed: Removed<RowDto>): Promise<RowDto> => {
      set((m) => insertRow(m, removed.item, removed.afterId));
      const { row } = await run(() => api.restoreRow(matrixId, removed.item.id));
      set((m) => replaceRow(m, row));
      // The server's position is the truth (others may have moved rows meanwhile).
      void refetch();
      return row;
    };

    const addColumn = async (input: AddColumnInput): Promise<ColumnDto> => {
      const { column: added } = await run(() => api.addColumn(matrixId, input), { refetchOnError: false });
      set((m) => insertColumn(m, added, input.afterId ?? undefined));
      // An existing person may bring cells kept from an earlier placement.
      void refetch();
      return added;
    };

    const moveColumn = async (columnId: string, afterId: string | null): Promise<ColumnDto> => {
      set((m) => moveColumnIn(m, columnId, afterId));
      const { column: moved } = await run(() =>
        api.moveColumn(matrixId, columnId, { afterId, version: column(columnId)?.version ?? 0 }),
      );
      set((m) => replaceColumn(m, moved));
      return moved;
    };

    const deleteColumn = async (columnId: string): Promise<Removed<ColumnDto> | null> => {
      const m = get();
      const at = m?.columns.findIndex((c) => c.id === columnId) ?? -1;
      const item = m?.columns[at];
      if (!m || !item) return null;
      const removed = { item, afterId: at > 0 ? (m.columns[at - 1]?.id ?? null) : null };
      set((x) => removeColumn(x, columnId));
      await run(() => api.deleteColumn(matrixId, columnId));
      return removed;
    };

    const restoreColumn = async (removed: Removed<ColumnDto>): Promise<ColumnDto> => {
      set((m) => insertColumn(m, removed.item, removed.afterId));
      const { column: restored } = await run(() => api.restoreColumn(matrixId, removed.item.id));
      set((m) => replaceColumn(m, restored));
      void refetch();
      return restored;
    };

    /** Edits the person behind a column (name, title, kinds, coding share). */
    const updatePerson = async (personId: string, values: PersonInput): Promise<void> => {
      const version = get()?.columns.find((c) => c.personId === personId)?.personVersion ?? 0;
      const { person } = await run(() => api.updatePerson(personId, { ...values, version }), {
        refetchOnError: true,
      });
      set((m) => patchPerson(m, person));
      const teamId = get()?.teamId;
      if (teamId) void qc.invalidateQueries({ queryKey: queryKeys.teams.people(teamId) });
    };

    const updateSettings = async (settings: RaciSettings): Promise<void> => {
      const { matrix } = await run(() => api.updateMatrix(matrixId, { settings, version: get()?.version ?? 0 }));
      set((m) => patchHeader(m, matrix));
    };

    return {
      createRow,
      updateRow,
      moveRow,
      deleteRow,
      restoreRow,
      addColumn,
      moveColumn,
      deleteColumn,
      restoreColumn,
      updatePerson,
      updateSettings,
    };
  }, [run, set, get, matrixId, rowVersion, column, refetch, qc]);
}
