import { TEMPLATES } from "@/lib/raci/templates";

export interface TemplateSummary {
  id: string;
  name: string;
  summary: string;
  rowCount: number;
  columnCount: number;
}

/** The templates offered when creating a matrix, without their rows. */
export function templateSummaries(): TemplateSummary[] {
  return TEMPLATES.map((t) => ({
    id: t.id,
    name: t.name,
    summary: t.summary,
    rowCount: t.rows.length,
    columnCount: t.columns.length,
  }));
}
