"use client";
import { useId, useMemo } from "react";
import type { ColumnDto, RowDto } from "@/lib/matrix/dto";
import { UNCATEGORIZED_LABEL } from "@/lib/raci/view";
import { FilterMenu, type FilterOption } from "./filter-menu";
import { categoriesOf, isFiltered, type DomainFilter, type GridFilters } from "./view-filters";

const DOMAIN_OPTIONS: readonly FilterOption<DomainFilter>[] = [
  { value: "SYSTEM", label: "System (Tech Lead)" },
  { value: "PEOPLE", label: "People (Engineering Manager)" },
  { value: "SHARED", label: "Shared" },
  { value: null, label: "No domain" },
];

/** Search, category/domain/people filters and "only rows with findings". */
export function FiltersToolbar({
  filters,
  onChange,
  rows,
  columns,
  shownRowCount,
}: {
  filters: GridFilters;
  onChange: (update: (f: GridFilters) => GridFilters) => void;
  rows: readonly RowDto[];
  columns: readonly ColumnDto[];
  shownRowCount: number;
}) {
  const categoryOptions = useMemo(
    () => categoriesOf(rows).map((c) => ({ value: c, label: c || UNCATEGORIZED_LABEL })),
    [rows],
  );
  const peopleOptions = useMemo(
    () =>
      columns.map((c) => ({
        value: c.personId,
        label: c.roleTitle && c.roleTitle !== c.name ? `${c.name} (${c.roleTitle})` : c.name,
      })),
    [columns],
  );
  const searchId = useId();
  const hidden = new Set(filters.hiddenPeople);
  const shown = columns.filter((c) => !hidden.has(c.personId)).map((c) => c.personId);

  return (
    <div role="search" aria-label="Filter the matrix" className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={searchId}>
        Search responsibilities
      </label>
      <input
        id={searchId}
        type="search"
        placeholder="Search responsibilities"
        value={filters.query}
        onChange={(e) => {
          const query = e.target.value;
          onChange((f) => ({ ...f, query }));
        }}
        className="h-9 w-56 rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900 placeholder:text-slate-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400"
      />
      <FilterMenu
        label="Category"
        options={categoryOptions}
        selected={filters.categories}
        onChange={(categories) => onChange((f) => ({ ...f, categories }))}
      />
      <FilterMenu
        label="Domain"
        options={DOMAIN_OPTIONS}
        selected={filters.domains}
        onChange={(domains) => onChange((f) => ({ ...f, domains }))}
      />
      <FilterMenu
        label="People"
        options={peopleOptions}
        selected={shown}
        summary={filters.hiddenPeople.length > 0 ? `${shown.length}/${columns.length}` : ""}
        onChange={(visible) => {
          const keep = new Set(visible);
          onChange((f) => ({
            ...f,
            hiddenPeople: columns.filter((c) => !keep.has(c.personId)).map((c) => c.personId),
          }));
        }}
        reset={{
          label: "Show everyone",
          disabled: filters.hiddenPeople.length === 0,
          onReset: () => onChange((f) => ({ ...f, hiddenPeople: [] })),
        }}
      />
      <label className="inline-flex h-9 cursor-pointer items-center gap-2 rounded-md px-2 text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800">
        <input
          type="checkbox"
          checked={filters.onlyWithFindings}
          onChange={(e) => {
            const on = e.target.checked;
            onChange((f) => ({ ...f, onlyWithFindings: on }));
          }}
          className="size-4 accent-accent-600"
        />
        Only rows with findings
      </label>
      {isFiltered(filters) ? (
        <>
          <span className="text-sm text-slate-600 dark:text-slate-400">
            {shownRowCount} of {rows.length} shown
          </span>
          <button
            type="button"
            onClick={() =>
              onChange(() => ({ categories: [], domains: [], hiddenPeople: [], onlyWithFindings: false, query: "" }))
            }
            className="h-9 rounded-md px-2 text-sm font-medium text-accent-700 hover:underline dark:text-accent-100"
          >
            Clear filters
          </button>
        </>
      ) : null}
    </div>
  );
}
