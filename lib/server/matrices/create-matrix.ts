import "server-only";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { requireTeamAccess } from "@/lib/server/authz";
import { recordChanges } from "@/lib/server/matrices/record-change";
import { writeMatrixContent } from "@/lib/server/matrices/write-matrix-content";
import { publishMatrixChange } from "@/lib/server/realtime/publish";
import { findTemplate } from "@/lib/raci/templates";
import { serializeRoleKinds } from "@/lib/raci/role-kinds";
import type { CreateMatrixInput } from "@/lib/schemas/matrix";
import type { CurrentUser } from "@/lib/server/session";

/**
 * Creates a matrix, blank or from a template, in one transaction. A template's roles
 * become people of the team; a person of the team with the same name (e.g. the
 * "Tech Lead" role made by an earlier template) is reused rather than duplicated.
 */
export async function createMatrix(user: CurrentUser, teamId: string, input: CreateMatrixInput) {
  const { team } = await requireTeamAccess(user.id, { teamId }, "matrix:edit");
  const template = input.template ? findTemplate(input.template) : undefined;
  if (input.template && !template) {
    throw new AppError("INVALID_INPUT", "That template does not exist.", {
      fields: { template: "Choose a template from the list." },
    });
  }

  let changeId = 0;
  const created = await db.$transaction(async (tx) => {
    const matrix = await tx.matrix.create({
      data: { teamId: team.id, name: input.name, description: input.description ?? "", createdById: user.id },
      select: { id: true, name: true },
    });
    if (!template) {
      changeId = await recordChanges(tx, matrix.id, user.id, [
        { entity: "matrix", entityId: matrix.id, action: "create", after: { name: matrix.name } },
      ]);
      return matrix;
    }

    const people = await tx.person.findMany({
      where: { teamId: team.id, deletedAt: null },
      select: { id: true, name: true },
    });
    const byName = new Map(people.map((p) => [p.name.trim().toLowerCase(), p.id]));
    const personIds: string[] = [];
    for (const col of template.columns) {
      let personId = byName.get(col.name.trim().toLowerCase());
      if (!personId) {
        const person = await tx.person.create({
          data: {
            teamId: team.id,
            name: col.name,
            roleTitle: col.roleTitle,
            roleKinds: serializeRoleKinds(col.roleKinds),
            kindsManual: false,
            isVacant: col.isVacant,
            codingShare: col.codingShare,
          },
          select: { id: true },
        });
        personId = person.id;
        byName.set(col.name.trim().toLowerCase(), personId);
      }
      personIds.push(personId);
    }
    await writeMatrixContent(tx, {
      matrixId: matrix.id,
      actorId: user.id,
      personIds,
      rows: template.rows.map((row) => ({ ...row, letters: template.columns.map((col) => row.cells[col.key] ?? "") })),
    });
    changeId = await recordChanges(tx, matrix.id, user.id, [
      { entity: "matrix", entityId: matrix.id, action: "create", after: { name: matrix.name, template: template.id } },
    ]);
    return matrix;
  });
  void publishMatrixChange(created.id, changeId, user.id, ["matrix"]);
  return created;
}
