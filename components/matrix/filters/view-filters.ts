/**
 * The grid's filters and their URL form, so that a filtered view can be shared (and,
 * later, exported as shown). Pure: the hook and the toolbar only wire these up.
 *
 * URL: `cat` (repeatable category; empty value = uncategorized), `domain` (system,
 * people, shared, none), `hide` (repeatable person id), `findings=1`, `q` (title text).
 */
import type { ColumnDto, RowDto } from "@/lib/matrix/dto";
import { filterView } from "@/lib/raci/view";
import type { Domain, Finding } from "@/lib/raci/types";

export type DomainFilter = Domain | null;

export interface GridFilters {
  /** Category keys (trimmed category; "" = uncategorized). */
  categories: string[];
  domains: DomainFilter[];
  /** Person ids whose columns are hidden. */
  hiddenPeople: string[];
  onlyWithFindings: boolean;
  query: string;
}

export const EMPTY_FILTERS: GridFilters = Object.freeze({
  categories: [],
  domains: [],
  hiddenPeople: [],
  onlyWithFindings: false,
  query: "",
}) as GridFilters;

const DOMAIN_PARAM: Record<string, DomainFilter> = { system: "SYSTEM", people: "PEOPLE", shared: "SHARED", none: null };

function domainParam(d: DomainFilter): string {
  return d === null ? "none" : d.toLowerCase();
}

const FILTER_PARAMS = ["cat", "domain", "hide", "findings", "q"] as const;

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

export function parseFilters(params: Pick<URLSearchParams, "getAll" | "get">): GridFilters {
  const domains: DomainFilter[] = [];
  for (const raw of params.getAll("domain")) {
    const key = raw.toLowerCase();
    if (Object.prototype.hasOwnProperty.call(DOMAIN_PARAM, key)) domains.push(DOMAIN_PARAM[key] ?? null);
  }
  return {
    categories: unique(params.getAll("cat").map((c) => c.trim())),
    domains: unique(domains),
    hiddenPeople: unique(params.getAll("hide").filter(Boolean)),
    onlyWithFindings: params.get("findings") === "1",
    query: (params.get("q") ?? "").slice(0, 200),
  };
}

/** The filters written into `base` (other parameters are kept). */
export function filtersToParams(filters: GridFilters, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const out = new URLSearchParams(base);
  for (const p of FILTER_PARAMS) out.delete(p);
  for (const c of filters.categories) out.append("cat", c);
  for (const d of filters.domains) out.append("domain", domainParam(d));
  for (const id of filters.hiddenPeople) out.append("hide", id);
  if (filters.onlyWithFindings) out.set("findings", "1");
  if (filters.query.trim()) out.set("q", filters.query.trim());
  return out;
}

export function isFiltered(f: GridFilters): boolean {
  return (
    f.categories.length > 0 ||
    f.domains.length > 0 ||
    f.hiddenPeople.length > 0 ||
    f.onlyWithFindings ||
    f.query.trim() !== ""
  );
}

/** The rows and columns to show, in matrix order. */
export function applyFilters(
  model: { rows: readonly RowDto[]; columns: readonly ColumnDto[] },
  filters: GridFilters,
  findings: readonly Finding[],
): { rows: RowDto[]; columns: ColumnDto[] } {
  const hidden = new Set(filters.hiddenPeople);
  const shownColumnIds = model.columns.filter((c) => !hidden.has(c.personId)).map((c) => c.id);
  const view = filterView(
    { rows: model.rows, columns: model.columns },
    {
      categories: filters.categories,
      domains: filters.domains,
      // filterView reads an empty list as "no filter"; hiding everyone is handled below.
      columnIds: hidden.size > 0 ? shownColumnIds : undefined,
      onlyWithFindings: filters.onlyWithFindings,
    },
    findings,
  );
  const q = filters.query.trim().toLocaleLowerCase();
  const rows = q ? view.rows.filter((r) => r.title.toLocaleLowerCase().includes(q)) : view.rows;
  const columns = hidden.size > 0 && shownColumnIds.length === 0 ? [] : view.columns;
  return { rows, columns };
}

/** Every category key of a matrix in first-appearance order, for the filter menu. */
export function categoriesOf(rows: readonly RowDto[]): string[] {
  return unique(rows.map((r) => r.category.trim()));
}
