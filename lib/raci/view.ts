import { letterList, lettersToMask, maskToLetters } from "./letters";
import type { Domain, Finding, Letter, Letters, RaciColumn, RaciMatrix, RaciRow } from "./types";

/** Label of the group holding rows whose category is empty. */
export const UNCATEGORIZED_LABEL = "Uncategorized";

/** A category group of rows. */
export interface RowGroup<T> {
  /** The trimmed category ("" for uncategorized rows): use it as a key and in filters. */
  category: string;
  /** What to display: the category, or {@link UNCATEGORIZED_LABEL}. */
  label: string;
  rows: T[];
}

/** The group key of a category: trimmed, so "Ops " and "Ops" are one group; case is kept. */
export function categoryKey(category: string | null | undefined): string {
  return typeof category === "string" ? category.trim() : "";
}

/**
 * Groups rows by category. Groups come in order of first appearance and rows keep their
 * order inside a group; rows without a category go to one "Uncategorized" group placed
 * last, so that unsorted leftovers do not push real categories down.
 */
export function groupRowsByCategory<T extends Pick<RaciRow, "category">>(rows: readonly T[]): RowGroup<T>[] {
  const groups = new Map<string, RowGroup<T>>();
  let uncategorized: RowGroup<T> | undefined;
  for (const row of rows) {
    const key = categoryKey(row.category);
    if (key === "") {
      uncategorized ??= { category: "", label: UNCATEGORIZED_LABEL, rows: [] };
      uncategorized.rows.push(row);
      continue;
    }
    let group = groups.get(key);
    if (!group) {
      group = { category: key, label: key, rows: [] };
      groups.set(key, group);
    }
    group.rows.push(row);
  }
  const result = [...groups.values()];
  if (uncategorized) result.push(uncategorized);
  return result;
}

/**
 * What to show. Every dimension left undefined, or given as an empty list, does not
 * filter: a filter panel with nothing ticked shows everything.
 */
export interface ViewFilter {
  /** Category keys (see {@link categoryKey}); "" selects uncategorized rows. */
  categories?: readonly string[];
  /** Domains; `null` selects rows without a domain. */
  domains?: readonly (Domain | null)[];
  columnIds?: readonly string[];
  /** Keep only rows with at least one finding (needs `findings`). */
  onlyWithFindings?: boolean;
}

/** Result of {@link filterView}: the rows and columns to show, in their original order. */
export interface FilteredView<TRow, TCol> {
  rows: TRow[];
  columns: TCol[];
}

/**
 * Filters rows and columns of a matrix for the grid, the PDF and the CSV export.
 * `onlyWithFindings` keeps rows that some finding points at (by responsibilityId);
 * column-only findings do not select rows. Without `findings` it keeps no row, since
 * none is known to have a finding.
 */
export function filterView<
  TRow extends Pick<RaciRow, "id" | "category" | "domain">,
  TCol extends Pick<RaciColumn, "id">,
>(
  view: { rows: readonly TRow[]; columns: readonly TCol[] },
  filter: ViewFilter = {},
  findings: readonly Finding[] = [],
): FilteredView<TRow, TCol> {
  const categories = nonEmptySet(filter.categories?.map(categoryKey));
  const domains = nonEmptySet(filter.domains);
  const columnIds = nonEmptySet(filter.columnIds);
  let flagged: Set<string> | undefined;
  if (filter.onlyWithFindings) {
    flagged = new Set();
    for (const f of findings) if (f.responsibilityId !== undefined) flagged.add(f.responsibilityId);
  }
  const rows = view.rows.filter(
    (r) =>
      (!categories || categories.has(categoryKey(r.category))) &&
      (!domains || domains.has(r.domain ?? null)) &&
      (!flagged || flagged.has(r.id)),
  );
  const columns = columnIds ? view.columns.filter((c) => columnIds.has(c.id)) : [...view.columns];
  return { rows, columns };
}

function nonEmptySet<T>(values: readonly T[] | undefined): Set<T> | undefined {
  return values && values.length > 0 ? new Set(values) : undefined;
}

/** A matrix with a name, as the per-person view needs it. */
export interface NamedMatrix {
  id: string;
  name: string;
  rows: readonly Pick<RaciRow, "id" | "title" | "category" | "domain">[];
  cells: RaciMatrix["cells"];
}

/** One thing a person is R, A, C or I for. */
export interface PersonAssignment {
  matrixId: string;
  matrixName: string;
  rowId: string;
  rowTitle: string;
  category: string;
  domain: Domain | null;
  /** Canonical, never empty. */
  letters: Letters;
}

/**
 * Everything one person holds letters on across several matrices, in matrix order then
 * row order. Columns are people, so `personId` is the column id in each matrix.
 */
export function personAssignments(matrices: readonly NamedMatrix[], personId: string): PersonAssignment[] {
  const result: PersonAssignment[] = [];
  for (const matrix of matrices) {
    const cells = matrix.cells;
    for (const row of matrix.rows) {
      const rowCells = Object.prototype.hasOwnProperty.call(cells, row.id) ? cells[row.id] : undefined;
      if (!rowCells || !Object.prototype.hasOwnProperty.call(rowCells, personId)) continue;
      const value = rowCells[personId];
      if (typeof value !== "string") continue;
      const letters = maskToLetters(lettersToMask(value));
      if (letters === "") continue;
      result.push({
        matrixId: matrix.id,
        matrixName: matrix.name,
        rowId: row.id,
        rowTitle: row.title,
        category: row.category,
        domain: row.domain,
        letters,
      });
    }
  }
  return result;
}

/**
 * The same assignments split by letter: what the person is Responsible, Accountable,
 * Consulted and Informed for. An "RA" cell appears under both R and A.
 */
export function assignmentsByLetter(assignments: readonly PersonAssignment[]): Record<Letter, PersonAssignment[]> {
  const byLetter: Record<Letter, PersonAssignment[]> = { R: [], A: [], C: [], I: [] };
  for (const a of assignments) for (const l of letterList(a.letters)) byLetter[l].push(a);
  return byLetter;
}
