import "server-only";
import { cellKey, decodeMatrix, toRaciMatrix, type ColumnDto, type MatrixDto, type RowDto } from "@/lib/matrix/dto";
import { computeFindings } from "@/lib/raci/findings";
import { lettersToMask } from "@/lib/raci/letters";
import { categoryKey, filterView } from "@/lib/raci/view";
import type { Domain, Finding, Letters } from "@/lib/raci/types";

/** What the person sees in the grid, as the export parameters describe it. Empty lists do not filter. */
export interface ExportFilter {
  /** Category keys; "" selects uncategorized rows. */
  categories: string[];
  /** Domains; null selects rows without a domain. */
  domains: (Domain | null)[];
  /** Column ids (ColumnDto.id) or person ids of the columns to include. */
  columnIds: string[];
  onlyWithFindings: boolean;
  /** Text the responsibility titles must contain (case-insensitive), as the grid's search box. */
  query: string;
}

export const NO_FILTER: ExportFilter = {
  categories: [],
  domains: [],
  columnIds: [],
  onlyWithFindings: false,
  query: "",
};

/** A matrix ready to be written out: the rows and columns to show, their letters and findings. */
export interface ExportView {
  matrix: { id: string; name: string; description: string; version: number; updatedAt: Date };
  team: { name: string; slug: string };
  /** Shown columns and rows, in matrix order. */
  columns: ColumnDto[];
  rows: RowDto[];
  /** Findings about the shown rows and columns, or about the whole matrix, in engine order. */
  findings: Finding[];
  /** Findings of the whole matrix (including those about rows or people filtered out). */
  allFindings: Finding[];
  totals: { rows: number; columns: number };
  filter: ExportFilter;
  isFiltered: boolean;
  /** The letters of a cell ("" when empty). */
  letters(rowId: string, personId: string): Letters;
  /** Letter masks (R=1, A=2, C=4, I=8) of the shown cells: `masks[rowIndex * columns.length + columnIndex]`. */
  masks: Uint8Array;
}

export function isFilterActive(f: ExportFilter): boolean {
  return (
    f.categories.length > 0 ||
    f.domains.length > 0 ||
    f.columnIds.length > 0 ||
    f.onlyWithFindings ||
    f.query.trim() !== ""
  );
}

/**
 * Applies the filter the way the grid does (lib/raci/view.ts filterView, then the title
 * search) and runs the findings engine on the whole matrix: a filter hides rows, it
 * does not change what is wrong with them.
 */
export function buildExportView(
  dto: MatrixDto,
  team: { name: string; slug: string },
  filter: ExportFilter = NO_FILTER,
): ExportView {
  const model = decodeMatrix(dto);
  const allFindings = computeFindings(toRaciMatrix(model));

  const wanted = new Set(filter.columnIds);
  const columnIds =
    wanted.size > 0
      ? dto.columns.filter((c) => wanted.has(c.id) || wanted.has(c.personId)).map((c) => c.id)
      : undefined;
  const view = filterView(
    { rows: dto.rows, columns: dto.columns },
    {
      categories: filter.categories.map(categoryKey),
      domains: filter.domains,
      // filterView reads an empty list as "no filter"; ids that match nothing are "no columns".
      columnIds,
      onlyWithFindings: filter.onlyWithFindings,
    },
    allFindings,
  );
  const q = filter.query.trim().toLocaleLowerCase();
  const rows = q ? view.rows.filter((r) => r.title.toLocaleLowerCase().includes(q)) : view.rows;
  const columns = columnIds && columnIds.length === 0 ? [] : view.columns;

  const shownRows = new Set(rows.map((r) => r.id));
  const shownPeople = new Set(columns.map((c) => c.personId));
  const findings = allFindings.filter((f) =>
    f.responsibilityId !== undefined
      ? shownRows.has(f.responsibilityId)
      : f.personId === undefined || shownPeople.has(f.personId),
  );

  // One byte per shown cell: the PDF reads every cell several times (size, tint, text).
  const rowAt = new Map(rows.map((r, i) => [r.id, i]));
  const colAt = new Map(columns.map((c, i) => [c.personId, i]));
  const dtoRowToView = dto.rows.map((r) => rowAt.get(r.id) ?? -1);
  const dtoColToView = dto.columns.map((c) => colAt.get(c.personId) ?? -1);
  const masks = new Uint8Array(rows.length * columns.length);
  for (const [r, c, letters] of dto.cells) {
    const vr = dtoRowToView[r] ?? -1;
    const vc = dtoColToView[c] ?? -1;
    if (vr >= 0 && vc >= 0) masks[vr * columns.length + vc] = lettersToMask(letters);
  }

  return {
    matrix: {
      id: dto.id,
      name: dto.name,
      description: dto.description,
      version: dto.version,
      updatedAt: new Date(dto.updatedAt),
    },
    team,
    columns,
    rows,
    findings,
    allFindings,
    totals: { rows: dto.rows.length, columns: dto.columns.length },
    filter,
    isFiltered: isFilterActive(filter),
    letters: (rowId, personId) => model.cells.get(cellKey(rowId, personId))?.letters ?? "",
    masks,
  };
}

const DOMAIN_NAMES: Readonly<Record<Domain, string>> = { SYSTEM: "System", PEOPLE: "People", SHARED: "Shared" };

/** The filter in words, for the document ("Category: Delivery · only rows with findings"), or "" when none. */
export function describeFilter(view: Pick<ExportView, "filter" | "isFiltered" | "columns" | "totals">): string {
  if (!view.isFiltered) return "";
  const f = view.filter;
  const parts: string[] = [];
  if (f.categories.length)
    parts.push(
      `${f.categories.length === 1 ? "category" : "categories"} ${f.categories.map((c) => (c.trim() ? c.trim() : "Uncategorized")).join(", ")}`,
    );
  if (f.domains.length)
    parts.push(
      `${f.domains.length === 1 ? "domain" : "domains"} ${f.domains.map((d) => (d ? DOMAIN_NAMES[d] : "none")).join(", ")}`,
    );
  if (f.columnIds.length) parts.push(`${view.columns.length} of ${view.totals.columns} people`);
  if (f.onlyWithFindings) parts.push("only responsibilities with findings");
  if (f.query.trim()) parts.push(`titles containing “${f.query.trim()}”`);
  return parts.join(" · ");
}
