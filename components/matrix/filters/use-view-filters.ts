"use client";
import { useCallback, useState } from "react";
import { useSearchParams } from "next/navigation";
import { EMPTY_FILTERS, filtersToParams, parseFilters, type GridFilters } from "./view-filters";

/**
 * The grid's filters, read from the URL once and written back on every change (with
 * history.replaceState: a filter tweak is not a navigation, and Next keeps
 * useSearchParams in sync with it). A filtered view can be shared by its link.
 */
export function useViewFilters() {
  const searchParams = useSearchParams();
  const [filters, setFiltersState] = useState<GridFilters>(() => parseFilters(searchParams));

  const setFilters = useCallback((update: GridFilters | ((f: GridFilters) => GridFilters)) => {
    setFiltersState((prev) => {
      const next = typeof update === "function" ? update(prev) : update;
      const params = filtersToParams(next, new URLSearchParams(window.location.search));
      const qs = params.toString();
      window.history.replaceState(
        window.history.state,
        "",
        `${window.location.pathname}${qs ? `?${qs}` : ""}${window.location.hash}`,
      );
      return next;
    });
  }, []);

  const clearFilters = useCallback(() => setFilters(EMPTY_FILTERS), [setFilters]);
  return { filters, setFilters, clearFilters };
}
