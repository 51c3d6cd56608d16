/**
 * Server-side undo/redo, planned from the change history alone (pure; the server reads
 * MatrixChange rows and writes what this returns). A user's undo stack is derived from
 * their own groups in one matrix, oldest first, so it survives reloads and works on any
 * instance:
 *
 * - a group of origin edit, fix, workshop or restore is a new step: it goes on the
 *   "done" stack and clears the "undone" (redo) stack, as in any editor;
 * - an undo group (revertsGroupId = X) moves X from "done" to "undone";
 * - a redo group R (revertsGroupId = X) takes X off "undone" and puts R on "done"
 *   (undoing a redo reverts R, and redoing that re-applies R);
 * - groups holding anything that cannot be undone (person edits, deleting the matrix,
 *   imports) are not steps: they are skipped and leave both stacks alone.
 *
 * Undo writes the inverse of the newest "done" group; redo re-applies the newest
 * "undone" group. Both are refused when someone else changed any entity of the group
 * later (see {@link findBlockingChange}).
 */

/** One MatrixChange row as history and undo read it (before/after parsed). */
export interface HistoryChange {
  id: number;
  actorId: string | null;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  /** Legacy rows without a group are their own group: `change:<id>`. */
  groupId: string;
  origin: string;
  revertsGroupId: string | null;
}

export interface ChangeGroup {
  id: string;
  origin: string;
  revertsGroupId: string | null;
  actorId: string | null;
  /** Oldest first. */
  changes: HistoryChange[];
  firstId: number;
  lastId: number;
}

/** A change to write: what undo/redo asks the server to do to one entity. */
export interface PlannedChange {
  entity: string;
  entityId: string;
  action: "create" | "update" | "delete" | "restore" | "move";
  /** The state expected now. */
  before: unknown;
  /** The state to reach. */
  after: unknown;
}

/** Origins that are undo steps of their own (undo groups are not; redo groups are). */
export const STEP_ORIGINS: ReadonlySet<string> = new Set(["edit", "fix", "workshop", "restore"]);

/** How far back the server looks for a user's steps (groups of changes). */
export const UNDO_DEPTH = 100;

/** Whether a recorded change can be reverted and re-applied. */
export function isUndoableChange(c: Pick<HistoryChange, "entity" | "action">): boolean {
  switch (c.entity) {
    case "cell":
      return c.action === "update";
    case "row":
    case "column":
      return ["create", "update", "delete", "restore", "move"].includes(c.action);
    case "settings":
      return c.action === "update";
    case "matrix":
      // "restore" is the marker of a snapshot restore (no state of its own).
      return c.action === "update" || c.action === "restore";
    default:
      // Person edits change a team-wide record, shown in every matrix: not a matrix step.
      return false;
  }
}

/** Rows (oldest first) → groups in order of their first change. */
export function groupChanges(changes: readonly HistoryChange[]): ChangeGroup[] {
  const byId = new Map<string, ChangeGroup>();
  const out: ChangeGroup[] = [];
  for (const c of changes) {
    let g = byId.get(c.groupId);
    if (!g) {
      g = {
        id: c.groupId,
        origin: c.origin,
        revertsGroupId: c.revertsGroupId,
        actorId: c.actorId,
        changes: [],
        firstId: c.id,
        lastId: c.id,
      };
      byId.set(c.groupId, g);
      out.push(g);
    }
    g.changes.push(c);
    g.lastId = Math.max(g.lastId, c.id);
    g.firstId = Math.min(g.firstId, c.id);
  }
  return out;
}

export interface UndoStacks {
  /** Newest last. */
  done: ChangeGroup[];
  /** Newest last; each with the undo group that reverted it. */
  undone: { group: ChangeGroup; undoneBy: ChangeGroup }[];
}

/** Folds one user's groups (oldest first) into their undo and redo stacks. */
export function undoStacks(groups: readonly ChangeGroup[]): UndoStacks {
  let done: ChangeGroup[] = [];
  let undone: UndoStacks["undone"] = [];
  for (const g of groups) {
    if (g.origin === "undo") {
      const target = done.find((d) => d.id === g.revertsGroupId);
      if (!target) continue;
      done = done.filter((d) => d !== target);
      undone = [...undone, { group: target, undoneBy: g }];
      continue;
    }
    if (!g.changes.every(isUndoableChange)) continue;
    if (g.origin === "redo") {
      undone = undone.filter((u) => u.group.id !== g.revertsGroupId);
      done = [...done, g];
      continue;
    }
    if (!STEP_ORIGINS.has(g.origin)) continue;
    done = [...done, g];
    undone = [];
  }
  return { done, undone };
}

const INVERSE_ACTION: Record<PlannedChange["action"], PlannedChange["action"]> = {
  create: "delete",
  delete: "restore",
  restore: "delete",
  update: "update",
  move: "move",
};

function asAction(action: string): PlannedChange["action"] {
  return action in INVERSE_ACTION ? (action as PlannedChange["action"]) : "update";
}

/** What undoing a group writes: each change inverted, newest first. */
export function planUndo(group: ChangeGroup): PlannedChange[] {
  return [...group.changes].reverse().map((c) => ({
    entity: c.entity,
    entityId: c.entityId,
    action: INVERSE_ACTION[asAction(c.action)],
    before: c.after,
    after: c.before,
  }));
}

/** What redoing a group writes: its changes again, in order. */
export function planRedo(group: ChangeGroup): PlannedChange[] {
  return group.changes.map((c) => ({
    entity: c.entity,
    entityId: c.entityId,
    action: asAction(c.action),
    before: c.before,
    after: c.after,
  }));
}

function personIdOf(value: unknown): string | null {
  if (typeof value === "object" && value !== null && "personId" in value) {
    const id = (value as { personId: unknown }).personId;
    return typeof id === "string" ? id : null;
  }
  return null;
}

/** Does a later change touch what `target` changed? Cells of a created/deleted row or column count. */
export function touchesSame(target: HistoryChange, later: Pick<HistoryChange, "entity" | "entityId">): boolean {
  const isMatrixLevel = (e: string) => e === "settings" || e === "matrix";
  if (isMatrixLevel(target.entity)) {
    if (target.entity === "matrix" && target.action === "restore") return false;
    return isMatrixLevel(later.entity) && !(later.entity === "matrix" && later.entityId !== target.entityId);
  }
  if (later.entity === target.entity && later.entityId === target.entityId) return true;
  if (later.entity !== "cell") return false;
  if (target.entity === "row") return later.entityId.startsWith(`${target.entityId}|`);
  if (target.entity === "column") {
    const personId = personIdOf(target.after) ?? personIdOf(target.before);
    return personId !== null && later.entityId.endsWith(`|${personId}`);
  }
  return false;
}

/**
 * The first change after a group (by someone other than `userId`) to any entity of the
 * group: undoing or redoing over it would silently overwrite their work.
 */
export function findBlockingChange(
  targets: readonly HistoryChange[],
  later: readonly HistoryChange[],
  userId: string,
): HistoryChange | null {
  for (const l of later) {
    if (l.actorId === userId) continue;
    if (targets.some((t) => touchesSame(t, l))) return l;
  }
  return null;
}

const WHAT: Record<string, string> = {
  cell: "this cell",
  row: "this row",
  column: "this column",
  settings: "the rule settings",
  matrix: "the matrix",
};

/** "Ben changed this cell after you; undo would overwrite their change." */
export function refusalMessage(
  direction: "undo" | "redo",
  group: Pick<ChangeGroup, "changes">,
  blocker: Pick<HistoryChange, "entity">,
  actorName: string | null,
  label?: string,
): string {
  const who = actorName ?? "Someone";
  const only = group.changes.length === 1 ? group.changes[0] : undefined;
  const what =
    only && only.entity === blocker.entity ? (WHAT[blocker.entity] ?? "this") : (label ?? "part of this step");
  return `${who} changed ${what} after you; ${direction} would overwrite their change.`;
}
