import "server-only";
import { decodeMatrix, toRaciMatrix } from "@/lib/matrix/dto";
import { computeFindings, summarizeFindings, type FindingsSummary } from "@/lib/raci/findings";
import type { ImportIssue, ImportModel } from "@/lib/raci/import";
import { serializeRoleKinds } from "@/lib/raci/role-kinds";
import type { Finding } from "@/lib/raci/types";
import type { TeamAccess } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { loadMatrixDto } from "@/lib/server/matrices/load-matrix-dto";
import { recordChanges } from "@/lib/server/matrices/record-change";
import { writeMatrixContent } from "@/lib/server/matrices/write-matrix-content";
import type { CurrentUser } from "@/lib/server/session";
import { matchPeople } from "./match-people";

export interface ImportResult {
  matrix: { id: string; name: string; teamSlug: string };
  findings: Finding[];
  summary: FindingsSummary;
  /** The warnings the import went ahead with (unknown letters, duplicated titles…). */
  issues: ImportIssue[];
}

// An import of 1000 × 100 writes up to 100,000 cells; give it time, within reason.
const TRANSACTION = { maxWait: 10_000, timeout: 60_000 };

/**
 * Creates a matrix from an import model in ONE transaction: the matrix, the people the
 * team does not have yet (with role kinds recognised from the column titles), its
 * columns, rows and cells, and the history entry. Team people are reused by name, as
 * creating from a template does. A model with errors is refused whole; nothing is
 * half-saved. The caller has checked "matrix:edit" on the team.
 */
export async function importMatrix(
  user: CurrentUser,
  team: TeamAccess["team"],
  name: string,
  model: ImportModel,
): Promise<ImportResult> {
  if (model.hasErrors) {
    const errors = model.issues.filter((i) => i.severity === "error");
    throw new AppError(
      "INVALID_INPUT",
      `The table has ${errors.length === 1 ? "a problem" : `${errors.length} problems`}; nothing was imported. ${errors[0]?.message ?? ""}`.trim(),
      {
        details: { issues: model.issues },
      },
    );
  }

  const saved = await db.$transaction(async (tx) => {
    const matrix = await tx.matrix.create({
      data: { teamId: team.id, name, description: "", createdById: user.id },
      select: { id: true, name: true },
    });

    const people = await tx.person.findMany({
      where: { teamId: team.id, deletedAt: null },
      select: { id: true, name: true },
      orderBy: { createdAt: "asc" },
    });
    const matches = matchPeople(model.columns, people);
    // New people in one statement; import names are unique (case-insensitive), so the
    // returned rows map back by name whatever order the database returns them in.
    const missing = model.columns.filter((_, i) => !matches[i]);
    const created = missing.length
      ? await tx.person.createManyAndReturn({
          data: missing.map((col) => ({
            teamId: team.id,
            name: col.name,
            roleTitle: col.roleTitle,
            roleKinds: serializeRoleKinds(col.roleKinds),
            kindsManual: false,
          })),
          select: { id: true, name: true },
        })
      : [];
    const createdByName = new Map(created.map((p) => [p.name, p.id]));
    const personIds = model.columns.map((col, i) => {
      const id = matches[i] ?? createdByName.get(col.name);
      if (!id) throw new Error("Imported column without a person.");
      return id;
    });
    await writeMatrixContent(tx, { matrixId: matrix.id, actorId: user.id, personIds, rows: model.rows });

    await recordChanges(tx, matrix.id, user.id, [
      {
        entity: "matrix",
        entityId: matrix.id,
        action: "create",
        after: {
          name: matrix.name,
          import: { format: model.format, rows: model.rows.length, columns: model.columns.length },
        },
      },
    ]);
    return matrix;
  }, TRANSACTION);

  const findings = computeFindings(toRaciMatrix(decodeMatrix(await loadMatrixDto(saved.id))));
  return {
    matrix: { id: saved.id, name: saved.name, teamSlug: team.slug },
    findings,
    summary: summarizeFindings(findings),
    issues: model.issues,
  };
}
