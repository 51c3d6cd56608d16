import "server-only";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { requireMatrixAccess } from "@/lib/server/matrices/require-matrix-access";
import { publishMatrixChange } from "@/lib/server/realtime/publish";
import { applyPlanned, type AppliedChanges } from "@/lib/server/history/apply-planned";
import { changeSelect, loadLabels, toHistoryChange } from "@/lib/server/history/history-data";
import {
  findBlockingChange,
  groupChanges,
  planRedo,
  planUndo,
  refusalMessage,
  undoStacks,
  UNDO_DEPTH,
  type ChangeGroup,
  type UndoStacks,
} from "@/lib/matrix/undo-plan";
import { cellPlace, describeGroup, type UndoStateDto } from "@/lib/matrix/history";
import type { CurrentUser } from "@/lib/server/session";

/** Changes read to rebuild a user's stacks: enough for {@link UNDO_DEPTH} ordinary steps. */
const MAX_ROWS = 5000;

/** What folding the stacks needs: no before/after (cheap, even over thousands of rows). */
const stackSelect = {
  id: true,
  actorId: true,
  entity: true,
  entityId: true,
  action: true,
  groupId: true,
  origin: true,
  revertsGroupId: true,
} as const;

/**
 * The user's undo and redo stacks on a matrix, rebuilt from the history. Groups carry
 * their changes without before/after; {@link withContent} loads them for the one group
 * an undo or redo needs.
 */
async function loadStacks(userId: string, matrixId: string): Promise<UndoStacks> {
  const rows = await db.matrixChange.findMany({
    where: { matrixId, actorId: userId },
    orderBy: { id: "desc" },
    take: MAX_ROWS,
    select: stackSelect,
  });
  const changes = rows
    .reverse()
    .map((r) => toHistoryChange({ ...r, before: null, after: null, createdAt: new Date(0) }));
  let groups = groupChanges(changes);
  // The oldest group may be cut by the limit: leave it out.
  if (rows.length === MAX_ROWS) groups = groups.slice(1);
  const stacks = undoStacks(groups);
  return { done: stacks.done.slice(-UNDO_DEPTH), undone: stacks.undone.slice(-UNDO_DEPTH) };
}

/** The group with its changes' before/after. */
async function withContent(matrixId: string, group: ChangeGroup): Promise<ChangeGroup> {
  const legacy = group.id.startsWith("change:");
  const rows = await db.matrixChange.findMany({
    where: legacy ? { matrixId, id: group.firstId } : { matrixId, groupId: group.id },
    orderBy: { id: "asc" },
    select: changeSelect,
  });
  return { ...group, changes: rows.map(toHistoryChange) };
}

async function labelOf(matrixId: string, lite: ChangeGroup): Promise<string> {
  const group = await withContent(matrixId, lite);
  const entries = group.changes.map((c) => ({ ...c, actorName: null, createdAt: "" }));
  const labels = await loadLabels(matrixId, entries);
  const item = describeGroup(entries, labels);
  // "Someone set …" → "set …".
  return item ? item.headline.replace(/^Someone /, "").replace(/^(Undo|Redo|Workshop decision) by Someone: /, "") : "";
}

/** What Undo and Redo would do now, for the toolbar. */
export async function findUndoState(user: CurrentUser, matrixId: string): Promise<UndoStateDto> {
  await requireMatrixAccess(user.id, matrixId);
  const { done, undone } = await loadStacks(user.id, matrixId);
  const top = done.at(-1);
  const next = undone.at(-1)?.group;
  return {
    canUndo: Boolean(top),
    canRedo: Boolean(next),
    undoLabel: top ? `Undo: ${await labelOf(matrixId, top)}` : null,
    redoLabel: next ? `Redo: ${await labelOf(matrixId, next)}` : null,
  };
}

export interface UndoResult extends AppliedChanges {
  state: UndoStateDto;
}

/**
 * Undoes the user's newest step on the matrix, or redoes their newest undone one, as a
 * new group (origin undo/redo, revertsGroupId = that step). Refused (409) when someone
 * else changed anything of the step since, or when there is nothing to undo or redo.
 */
export async function undoOrRedo(user: CurrentUser, matrixId: string, direction: "undo" | "redo"): Promise<UndoResult> {
  await requireMatrixAccess(user.id, matrixId, "matrix:edit");
  const stacks = await loadStacks(user.id, matrixId);
  const entry =
    direction === "undo"
      ? (() => {
          const g = stacks.done.at(-1);
          return g ? { group: g, since: g.lastId } : null;
        })()
      : (() => {
          const u = stacks.undone.at(-1);
          return u ? { group: u.group, since: u.undoneBy.lastId } : null;
        })();
  if (!entry) {
    throw new AppError(
      "CONFLICT",
      direction === "undo" ? "There is nothing of yours to undo on this matrix." : "There is nothing to redo.",
      { details: { reason: "empty" } },
    );
  }
  const group = await withContent(matrixId, entry.group);
  const { since } = entry;

  const laterRows = await db.matrixChange.findMany({
    where: { matrixId, id: { gt: since }, NOT: { actorId: user.id } },
    orderBy: { id: "asc" },
    take: 20_000,
    select: stackSelect,
  });
  const later = laterRows.map((r) => toHistoryChange({ ...r, before: null, after: null, createdAt: new Date(0) }));
  const blocker = findBlockingChange(group.changes, later, user.id);
  if (blocker) {
    const actor = blocker.actorId
      ? await db.user.findUnique({ where: { id: blocker.actorId }, select: { name: true } })
      : null;
    const withName = { actorName: actor?.name ?? null };
    let label: string | undefined;
    if (blocker.entity === "cell") {
      const place = cellPlace(blocker.entityId, await loadLabels(matrixId, [blocker]));
      label = `“${place.row}” × ${place.person}`;
    }
    throw new AppError("CONFLICT", refusalMessage(direction, group, blocker, withName?.actorName ?? null, label), {
      details: { reason: "changed-by-other", changeId: blocker.id, actorName: withName?.actorName ?? null },
    });
  }

  const planned = direction === "undo" ? planUndo(group) : planRedo(group);
  const applied = await db.$transaction((tx) =>
    applyPlanned(tx, matrixId, user.id, planned, { origin: direction, revertsGroupId: group.id }),
  );
  if (applied.changeId) void publishMatrixChange(matrixId, applied.changeId, user.id, applied.entities);
  return { ...applied, state: await findUndoState(user, matrixId) };
}
