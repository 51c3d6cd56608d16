/**
 * Words for a refused (stale) cell write: who changed which cell to what. Pure.
 */
import { formatLetters } from "@/lib/raci/letters";
import type { Letters } from "@/lib/raci/types";

export interface ConflictCell {
  responsibilityId: string;
  personId: string;
  letters: Letters;
  updatedBy: { id: string; name: string } | null;
}

export interface NameLookup {
  rowTitle: (rowId: string) => string;
  columnName: (personId: string) => string;
}

function who(by: ConflictCell["updatedBy"], currentUserId: string): string {
  if (!by) return "Someone";
  return by.id === currentUserId ? "You (in another tab or window)" : by.name;
}

/**
 * "Sam Lee changed Code Reviews and Feedback × Tech Lead to R/A", "… cleared …", or a
 * summary for several cells.
 */
export function conflictMessage(cells: readonly ConflictCell[], names: NameLookup, currentUserId: string): string {
  const first = cells[0];
  if (!first) return "Someone changed these cells meanwhile.";
  if (cells.length === 1) {
    const where = `${names.rowTitle(first.responsibilityId)} × ${names.columnName(first.personId)}`;
    const by = who(first.updatedBy, currentUserId);
    return first.letters ? `${by} changed ${where} to ${formatLetters(first.letters)}.` : `${by} cleared ${where}.`;
  }
  const people = new Set(cells.map((c) => c.updatedBy?.id ?? ""));
  const by = people.size === 1 ? who(first.updatedBy, currentUserId) : "Other people";
  return `${by} changed ${cells.length} of these cells meanwhile; the grid shows their letters now.`;
}
