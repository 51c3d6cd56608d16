/**
 * The history of a matrix as people read it: the wire shapes of the activity feed
 * (GET /api/v1/matrices/{id}/history) and of a cell's history (GET …/cells/history),
 * and the sentences they are shown as ("Ana set Tech Lead on Code reviews: R → A").
 * Pure: the server sends changes and the names they refer to, the client words them.
 */
import { formatLetters } from "@/lib/raci/letters";

/** One recorded change (MatrixChange) with its author's name. */
export interface HistoryEntryDto {
  id: number;
  groupId: string;
  /** edit | undo | redo | fix | workshop | restore | import */
  origin: string;
  revertsGroupId: string | null;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  actorId: string | null;
  actorName: string | null;
  createdAt: string;
}

/** Names the entries refer to, deleted rows and removed people included. */
export interface HistoryLabels {
  rows: Record<string, string>;
  /** Person id → name. */
  people: Record<string, string>;
  /** Column id → person id. */
  columns: Record<string, string>;
}

/** GET …/history?before=&limit=: newest first, whole groups. */
export interface HistoryPageDto {
  entries: HistoryEntryDto[];
  labels: HistoryLabels;
  /** Pass as `before` for the next (older) page; null at the beginning of history. */
  nextBefore: number | null;
}

/** GET …/cells/history?rowId=&personId=: newest first. */
export interface CellHistoryDto {
  entries: HistoryEntryDto[];
}

/** GET/POST …/undo-state, …/undo, …/redo. */
export interface UndoStateDto {
  canUndo: boolean;
  canRedo: boolean;
  /** "Undo: set Tech Lead on Deploys: R → A". */
  undoLabel: string | null;
  redoLabel: string | null;
}

export const EMPTY_LABELS: HistoryLabels = { rows: {}, people: {}, columns: {} };

/** "R", "RA" → "R", "R/A"; "" → "empty". */
export function lettersText(value: unknown): string {
  return typeof value === "string" && value ? formatLetters(value) : "empty";
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function str(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

function quoted(title: string): string {
  return `“${title}”`;
}

function rowTitle(e: Pick<HistoryEntryDto, "entityId" | "before" | "after">, labels: HistoryLabels): string {
  return str(field(e.after, "title")) ?? str(field(e.before, "title")) ?? labels.rows[e.entityId] ?? "a row";
}

function columnName(e: Pick<HistoryEntryDto, "entityId" | "before" | "after">, labels: HistoryLabels): string {
  const personId = str(field(e.after, "personId")) ?? str(field(e.before, "personId")) ?? labels.columns[e.entityId];
  return (
    str(field(e.after, "name")) ??
    str(field(e.before, "name")) ??
    (personId ? labels.people[personId] : undefined) ??
    "a person"
  );
}

/** The cell's row title and person name, from its key "rowId|personId". */
export function cellPlace(entityId: string, labels: HistoryLabels): { row: string; person: string } {
  const sep = entityId.indexOf("|");
  const rowId = entityId.slice(0, sep);
  const personId = entityId.slice(sep + 1);
  return { row: labels.rows[rowId] ?? "a deleted row", person: labels.people[personId] ?? "a removed person" };
}

const ROW_FIELDS = [
  ["description", "description"],
  ["category", "category"],
  ["domain", "domain"],
] as const;

/** What one change did, without who: "set Tech Lead on Code reviews: R → A". */
export function describeChange(e: HistoryEntryDto, labels: HistoryLabels): string {
  switch (e.entity) {
    case "cell": {
      const { row, person } = cellPlace(e.entityId, labels);
      return `set ${person} on ${row}: ${lettersText(e.before)} → ${lettersText(e.after)}`;
    }
    case "row": {
      const title = quoted(rowTitle(e, labels));
      switch (e.action) {
        case "create":
          return `added row ${title}`;
        case "delete":
          return `deleted row ${title}`;
        case "restore":
          return `restored row ${title}`;
        case "move":
          return `moved row ${title}`;
        default: {
          const before = str(field(e.before, "title"));
          const after = str(field(e.after, "title"));
          if (before !== null && after !== null && before !== after)
            return `renamed row ${quoted(before)} to ${quoted(after)}`;
          const changed = ROW_FIELDS.filter(([k]) => field(e.before, k) !== field(e.after, k)).map(([, w]) => w);
          return changed.length ? `changed the ${changed.join(" and ")} of row ${title}` : `edited row ${title}`;
        }
      }
    }
    case "column": {
      const name = columnName(e, labels);
      switch (e.action) {
        case "create":
          return `added ${name} as a column`;
        case "delete":
          return `removed ${name} from the matrix`;
        case "restore":
          return `brought back ${name}'s column`;
        case "move":
          return `moved ${name}'s column`;
        default:
          return `changed ${name}'s column`;
      }
    }
    case "settings":
      return "changed the rule settings";
    case "matrix": {
      if (e.action === "delete") return "deleted the matrix";
      if (e.action === "create") return "created the matrix";
      if (e.action === "restore") return `restored snapshot ${quoted(str(field(e.after, "name")) ?? "a snapshot")}`;
      const before = str(field(e.before, "name"));
      const after = str(field(e.after, "name"));
      if (before !== null && after !== null && before !== after) return `renamed the matrix to ${quoted(after)}`;
      return "changed the matrix's description";
    }
    case "person":
      return `edited the details of ${str(field(e.after, "name")) ?? labels.people[e.entityId] ?? "a person"}`;
    default:
      return "changed the matrix";
  }
}

/** One entry of the feed: a group of changes made by one action, as a headline and details. */
export interface FeedItem {
  groupId: string;
  /** Newest change id of the group (list key, pagination). */
  id: number;
  actorName: string;
  createdAt: string;
  origin: string;
  headline: string;
  /** One line per change when the group holds several (at most `maxDetails`). */
  details: string[];
  moreDetails: number;
}

function summary(entries: readonly HistoryEntryDto[], labels: HistoryLabels): string {
  const only = entries.length === 1 ? entries[0] : undefined;
  if (only) return describeChange(only, labels);
  const marker = entries.find((e) => e.entity === "matrix" && e.action === "restore");
  if (marker) return describeChange(marker, labels);
  if (entries.every((e) => e.entity === "cell")) return `changed ${entries.length} cells`;
  return `made ${entries.length} changes`;
}

/** "Ana set …", "Undo by Ana: …", "Workshop decision by Ana: …". */
export function describeGroup(
  entries: readonly HistoryEntryDto[],
  labels: HistoryLabels,
  maxDetails = 8,
): FeedItem | null {
  const first = entries[0];
  if (!first) return null;
  const actor = first.actorName ?? "Someone";
  const what = summary(entries, labels);
  const headline =
    first.origin === "undo"
      ? `Undo by ${actor}: ${what}`
      : first.origin === "redo"
        ? `Redo by ${actor}: ${what}`
        : first.origin === "workshop"
          ? `Workshop decision by ${actor}: ${what}`
          : first.origin === "fix"
            ? `${actor} applied a fix: ${what}`
            : first.origin === "import"
              ? `${actor} imported: ${what}`
              : `${actor} ${what}`;
  const lines = entries.length > 1 ? entries.filter((e) => !(e.entity === "matrix" && e.action === "restore")) : [];
  return {
    groupId: first.groupId,
    id: Math.max(...entries.map((e) => e.id)),
    actorName: actor,
    createdAt: first.createdAt,
    origin: first.origin,
    headline,
    details: lines.slice(0, maxDetails).map((e) => describeChange(e, labels)),
    moreDetails: Math.max(0, lines.length - maxDetails),
  };
}

/** Entries (newest first) → feed items, one per group, newest first. */
export function toFeedItems(entries: readonly HistoryEntryDto[], labels: HistoryLabels): FeedItem[] {
  const groups = new Map<string, HistoryEntryDto[]>();
  for (const e of entries) {
    const list = groups.get(e.groupId);
    if (list) list.push(e);
    else groups.set(e.groupId, [e]);
  }
  const out: FeedItem[] = [];
  for (const list of groups.values()) {
    const item = describeGroup(
      [...list].sort((a, b) => a.id - b.id),
      labels,
    );
    if (item) out.push(item);
  }
  return out.sort((a, b) => b.id - a.id);
}

/** "just now", "4 min ago", "3 h ago", or the date and time for older changes. */
export function formatWhen(iso: string, now: Date = new Date()): string {
  const t = new Date(iso);
  const s = Math.round((now.getTime() - t.getTime()) / 1000);
  if (s < 45) return "just now";
  if (s < 3600) return `${Math.max(1, Math.round(s / 60))} min ago`;
  if (s < 86_400) return `${Math.round(s / 3600)} h ago`;
  return t.toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}

/** Words for an origin shown next to a change ("undo", "workshop"…), or null for an ordinary edit. */
export function originTag(origin: string): string | null {
  switch (origin) {
    case "undo":
      return "undo";
    case "redo":
      return "redo";
    case "fix":
      return "fix";
    case "workshop":
      return "workshop decision";
    case "restore":
      return "snapshot restore";
    case "import":
      return "import";
    default:
      return null;
  }
}
