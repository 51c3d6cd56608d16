import "server-only";
import { computeFindings, summarizeFindings } from "@/lib/raci/findings";
import { importToRaciMatrix, type ColumnOverride, type ImportModel, type ImportPreview } from "@/lib/raci/import";
import { db } from "@/lib/server/db";
import { personSelect, reshapePerson } from "@/lib/server/people/person-dto";
import { matchPeople } from "./match-people";

/**
 * The preview of an import for a team: the model, which columns reuse people the team
 * already has (their role kinds then count, not the column title), and the findings of
 * the matrix it would make. Reads only; the caller has authorized the team.
 */
export async function previewImport(
  teamId: string,
  model: ImportModel,
  suggestedName: string | undefined,
): Promise<ImportPreview> {
  const people = model.columns.length
    ? await db.person.findMany({
        where: { teamId, deletedAt: null },
        select: personSelect,
        orderBy: { createdAt: "asc" },
      })
    : [];
  const matches = matchPeople(model.columns, people);
  const byId = new Map(people.map((p) => [p.id, reshapePerson(p)]));
  const overrides: (ColumnOverride | undefined)[] = matches.map((id) => {
    const p = id ? byId.get(id) : undefined;
    return p ? { roleKinds: p.roleKinds, isVacant: p.isVacant, codingShare: p.codingShare } : undefined;
  });
  const findings = model.hasErrors ? [] : computeFindings(importToRaciMatrix(model, overrides));
  return {
    format: model.format,
    suggestedName: suggestedName ?? null,
    columns: model.columns.map((c, i) => ({
      ...c,
      roleKinds: overrides[i]?.roleKinds ?? c.roleKinds,
      existingPersonId: matches[i] ?? null,
    })),
    rows: model.rows,
    issues: model.issues,
    hasErrors: model.hasErrors,
    findings,
    summary: summarizeFindings(findings),
  };
}
