/**
 * What the grid needs to draw other people's selections: per cell, who has it selected.
 * Pure; the grid turns a list into primitives per cell (cellOutlineProps) so that its
 * memoized cells re-render only where an outline appears, moves or goes.
 */
import { cellKey } from "@/lib/matrix/dto";
import type { PresenceUser } from "@/lib/matrix/live";

export interface RemoteSelection {
  userId: string;
  name: string;
  initials: string;
  color: string;
}

/**
 * Remote selections by cell key (`cellKey(rowId, personId)`), in presence order. The
 * current user is left out: their own selection is the grid's focus already, in this tab
 * and (being one person) in their others.
 */
export function presenceOutlines(
  presence: readonly PresenceUser[],
  currentUserId: string,
): Map<string, RemoteSelection[]> {
  const map = new Map<string, RemoteSelection[]>();
  for (const u of presence) {
    if (u.userId === currentUserId || !u.selection) continue;
    const key = cellKey(u.selection.rowId, u.selection.personId);
    const entry: RemoteSelection = { userId: u.userId, name: u.name, initials: u.initials, color: u.color };
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  }
  return map;
}

/** Primitive props for one grid cell (all undefined when nobody else is on it). */
export interface CellOutlineProps {
  /** The outline colour: the first person's. */
  remoteColor: string | undefined;
  /** "AL", or "AL +2" when three people are on the cell. */
  remoteInitials: string | undefined;
  /** "Ada Lovelace, Bob Stone" (tooltip). */
  remoteNames: string | undefined;
}

const NONE: CellOutlineProps = Object.freeze({
  remoteColor: undefined,
  remoteInitials: undefined,
  remoteNames: undefined,
});

export function cellOutlineProps(list: readonly RemoteSelection[] | undefined): CellOutlineProps {
  const first = list?.[0];
  if (!list || !first) return NONE;
  return {
    remoteColor: first.color,
    remoteInitials: list.length > 1 ? `${first.initials} +${list.length - 1}` : first.initials,
    remoteNames: list.map((s) => s.name).join(", "),
  };
}

/**
 * Other people's selections on one row's rendered cells, as one string: a primitive
 * prop for a memoized row (it re-renders only when an outline on it appears, moves or
 * goes). "" — the common case — when nobody else is on the row. `personIds` are the
 * rendered columns' person ids, in order; decode with {@link decodeRowOutlines}.
 */
export function rowOutlines(
  outlines: ReadonlyMap<string, readonly RemoteSelection[]>,
  rowId: string,
  personIds: readonly string[],
): string {
  if (outlines.size === 0) return "";
  let any = false;
  const cells = personIds.map((personId) => {
    const props = cellOutlineProps(outlines.get(cellKey(rowId, personId)));
    if (!props.remoteColor) return 0;
    any = true;
    return [props.remoteColor, props.remoteInitials, props.remoteNames];
  });
  return any ? JSON.stringify(cells) : "";
}

/** The per-cell props of {@link rowOutlines}' string, in the same column order. */
export function decodeRowOutlines(encoded: string): CellOutlineProps[] {
  if (!encoded) return [];
  try {
    const cells = JSON.parse(encoded) as (0 | [string, string, string])[];
    return cells.map((c) => (c ? { remoteColor: c[0], remoteInitials: c[1], remoteNames: c[2] } : NONE));
  } catch {
    return [];
  }
}

export { NONE as NO_OUTLINE };
