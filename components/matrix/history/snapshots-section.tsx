"use client";
import { useId, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { formatWhen } from "@/lib/matrix/history";
import type { SnapshotContent } from "@/lib/matrix/snapshot";
import { errorMessage } from "@/lib/query/api-client";
import { historyApi, type SnapshotSummary } from "@/lib/query/history-api";
import { queryKeys } from "@/lib/query/keys";
import { useApplyResult } from "./use-server-undo";

/** One side of a comparison: a saved version, or null for the matrix as it is now. */
export interface CompareSide {
  label: string;
  content: SnapshotContent;
}

export interface CompareRequest {
  from: CompareSide;
  to: CompareSide | null;
}

const KIND_LABEL: Record<SnapshotSummary["kind"], string | null> = {
  manual: null,
  "workshop-start": "workshop start",
  "workshop-end": "workshop end",
  "before-restore": "before a restore",
};

/**
 * Saved versions of the matrix: save one under a name, compare any with now or with
 * another, restore one (as a new change, after confirming), delete a manual one.
 */
export function SnapshotsSection({
  matrixId,
  canEdit,
  onCompare,
}: {
  matrixId: string;
  canEdit: boolean;
  onCompare: (request: CompareRequest) => void;
}) {
  const qc = useQueryClient();
  const toast = useToast();
  const applyResult = useApplyResult(matrixId);
  const nameId = useId();
  const fromId = useId();
  const toId = useId();
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("now");
  const listKey = queryKeys.matrix.snapshots(matrixId);

  const list = useQuery({
    queryKey: listKey,
    queryFn: ({ signal }) => historyApi.snapshots(matrixId, signal),
  });
  const snapshots = list.data?.snapshots ?? [];

  const refresh = () => void qc.invalidateQueries({ queryKey: listKey });
  const fail = (e: unknown) => toast.show(errorMessage(e), { tone: "error" });

  const save = useMutation({
    mutationFn: (n: string) => historyApi.createSnapshot(matrixId, n),
    onSuccess: ({ snapshot }) => {
      setName("");
      toast.show(`Saved version “${snapshot.name}”.`, { tone: "success" });
      refresh();
    },
    onError: (e) => setNameError(errorMessage(e)),
  });
  const restore = useMutation({
    mutationFn: (s: SnapshotSummary) => historyApi.restoreSnapshot(matrixId, s.id),
    onSuccess: (res, s) => {
      setConfirming(null);
      applyResult(res);
      toast.show(
        res.changeId
          ? `Restored “${s.name}” as a new change. The state before was saved as a version.`
          : `The matrix already matches “${s.name}”.`,
        { tone: "success" },
      );
      refresh();
    },
    onError: fail,
  });
  const remove = useMutation({
    mutationFn: (s: SnapshotSummary) => historyApi.deleteSnapshot(matrixId, s.id),
    onSuccess: refresh,
    onError: fail,
  });

  const content = async (id: string): Promise<CompareSide> => {
    const { snapshot } = await qc.fetchQuery({
      queryKey: queryKeys.matrix.snapshot(matrixId, id),
      queryFn: ({ signal }) => historyApi.snapshot(matrixId, id, signal),
      staleTime: Infinity,
    });
    return { label: `“${snapshot.name}”`, content: snapshot.content };
  };
  const compare = (fromId: string, toId: string) => {
    void (async () => {
      try {
        const a = await content(fromId);
        const b = toId === "now" ? null : await content(toId);
        onCompare({ from: a, to: b });
      } catch (e) {
        fail(e);
      }
    })();
  };

  return (
    <div className="min-h-0 flex-1 space-y-4 overflow-y-auto px-4 py-3">
      {canEdit ? (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            const trimmed = name.trim();
            if (!trimmed) {
              setNameError("Give the version a name.");
              return;
            }
            setNameError(null);
            save.mutate(trimmed);
          }}
        >
          <label htmlFor={nameId} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
            Version name
          </label>
          <div className="flex gap-2">
            <input
              id={nameId}
              value={name}
              maxLength={120}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? `${nameId}-error` : undefined}
              placeholder="e.g. Before the Q3 workshop"
              className="block h-8 min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-700 dark:bg-slate-900"
            />
            <Button type="submit" size="sm" disabled={save.isPending}>
              Save version
            </Button>
          </div>
          {nameError ? (
            <p id={`${nameId}-error`} className="text-sm text-red-700 dark:text-red-400">
              {nameError}
            </p>
          ) : null}
        </form>
      ) : null}

      {snapshots.length > 0 ? (
        <fieldset className="space-y-2 rounded-md border border-slate-200 p-2 dark:border-slate-700">
          <legend className="px-1 text-sm font-medium">Compare two versions</legend>
          <div className="grid grid-cols-2 gap-2">
            <div>
              <label htmlFor={fromId} className="block text-xs text-slate-700 dark:text-slate-300">
                From
              </label>
              <select
                id={fromId}
                value={from}
                onChange={(e) => setFrom(e.target.value)}
                className="h-8 w-full rounded-md border border-slate-300 bg-white text-sm dark:border-slate-700 dark:bg-slate-900"
              >
                <option value="">Choose…</option>
                {snapshots.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={toId} className="block text-xs text-slate-700 dark:text-slate-300">
                To
              </label>
              <select
                id={toId}
                value={to}
                onChange={(e) => setTo(e.target.value)}
                className="h-8 w-full rounded-md border border-slate-300 bg-white text-sm dark:border-slate-700 dark:bg-slate-900"
              >
                <option value="now">Now</option>
                {snapshots.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <Button variant="secondary" size="sm" disabled={!from} onClick={() => compare(from, to)}>
            Compare
          </Button>
        </fieldset>
      ) : null}

      {list.error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {errorMessage(list.error)}
        </p>
      ) : list.isPending ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Loading…</p>
      ) : snapshots.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No saved versions yet.{canEdit ? " Save one to compare with later." : ""}
        </p>
      ) : (
        <ul aria-label="Saved versions" className="space-y-2">
          {snapshots.map((s) => {
            const kind = KIND_LABEL[s.kind];
            return (
              <li
                key={s.id}
                aria-label={s.name}
                className="rounded-md border border-slate-200 p-2 text-sm dark:border-slate-700"
              >
                <p className="font-medium text-slate-900 dark:text-slate-100">{s.name}</p>
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  {kind ? `${kind} · ` : ""}
                  {s.createdBy ?? "Someone"} · <time dateTime={s.createdAt}>{formatWhen(s.createdAt)}</time>
                </p>
                {confirming === s.id ? (
                  <div role="group" aria-label={`Restore ${s.name}?`} className="mt-2 space-y-2">
                    <p className="text-xs text-slate-700 dark:text-slate-300">
                      The matrix goes back to this version for everyone, as one change you can undo. Rows added since
                      are deleted (restorable); the current state is saved as a version first.
                    </p>
                    <div className="flex gap-2">
                      <Button size="sm" disabled={restore.isPending} onClick={() => restore.mutate(s)}>
                        Restore now
                      </Button>
                      <Button variant="ghost" size="sm" onClick={() => setConfirming(null)}>
                        Cancel
                      </Button>
                    </div>
                  </div>
                ) : (
                  <div className="mt-1 flex flex-wrap gap-1">
                    <Button variant="secondary" size="sm" onClick={() => compare(s.id, "now")}>
                      Compare with now
                    </Button>
                    {canEdit ? (
                      <Button variant="ghost" size="sm" onClick={() => setConfirming(s.id)}>
                        Restore…
                      </Button>
                    ) : null}
                    {canEdit && s.kind === "manual" ? (
                      <Button
                        variant="ghost"
                        size="sm"
                        aria-label={`Delete version ${s.name}`}
                        disabled={remove.isPending}
                        onClick={() => remove.mutate(s)}
                      >
                        Delete
                      </Button>
                    ) : null}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
