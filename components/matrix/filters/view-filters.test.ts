import { describe, expect, it } from "vitest";
import type { ColumnDto, RowDto } from "@/lib/matrix/dto";
import type { Finding } from "@/lib/raci/types";
import { applyFilters, EMPTY_FILTERS, filtersToParams, isFiltered, parseFilters } from "./view-filters";

const row = (id: string, title: string, category: string, domain: RowDto["domain"]): RowDto => ({
  id,
  title,
  description: "",
  category,
  domain,
  version: 1,
});
const col = (id: string, personId: string): ColumnDto => ({
  id,
  personId,
  name: personId,
  roleTitle: "",
  roleKinds: [],
  kindsManual: false,
  isVacant: false,
  codingShare: null,
  userId: null,
  version: 1,
  personVersion: 1,
});

const model = {
  rows: [
    row("r1", "Code Reviews and Feedback", "Engineering practice", "SYSTEM"),
    row("r2", "Hiring", "People", "PEOPLE"),
    row("r3", "Roadmap", "", null),
  ],
  columns: [col("c1", "p1"), col("c2", "p2")],
};

describe("URL round trip", () => {
  it("parses what it writes and keeps other parameters", () => {
    const f = {
      categories: ["People", ""],
      domains: ["SYSTEM" as const, null],
      hiddenPeople: ["p2"],
      onlyWithFindings: true,
      query: "code",
    };
    const params = filtersToParams(f, new URLSearchParams("tab=grid&q=old"));
    expect(params.get("tab")).toBe("grid");
    expect(params.getAll("domain")).toEqual(["system", "none"]);
    expect(parseFilters(params)).toEqual(f);
  });

  it("ignores unknown domains and reads an empty URL as no filter", () => {
    expect(parseFilters(new URLSearchParams("domain=bogus"))).toEqual(EMPTY_FILTERS);
    expect(isFiltered(parseFilters(new URLSearchParams()))).toBe(false);
  });
});

describe("applyFilters", () => {
  it("filters by category, domain and text", () => {
    expect(applyFilters(model, { ...EMPTY_FILTERS, categories: ["People"] }, []).rows.map((r) => r.id)).toEqual(["r2"]);
    expect(applyFilters(model, { ...EMPTY_FILTERS, domains: [null] }, []).rows.map((r) => r.id)).toEqual(["r3"]);
    expect(applyFilters(model, { ...EMPTY_FILTERS, query: " REVIEW " }, []).rows.map((r) => r.id)).toEqual(["r1"]);
  });

  it("keeps only rows with findings", () => {
    const findings: Finding[] = [{ code: "NO_ACCOUNTABLE", severity: "error", message: "", responsibilityId: "r2" }];
    expect(applyFilters(model, { ...EMPTY_FILTERS, onlyWithFindings: true }, findings).rows.map((r) => r.id)).toEqual([
      "r2",
    ]);
  });

  it("hides people, including all of them", () => {
    expect(applyFilters(model, { ...EMPTY_FILTERS, hiddenPeople: ["p1"] }, []).columns.map((c) => c.id)).toEqual([
      "c2",
    ]);
    expect(applyFilters(model, { ...EMPTY_FILTERS, hiddenPeople: ["p1", "p2"] }, []).columns).toEqual([]);
  });
});
