import "server-only";
import { db, type Db } from "@/lib/server/db";
import { AppError, notFound } from "@/lib/server/errors";
import { requireTeamAccess } from "@/lib/server/authz";
import { serializeRoleKinds } from "@/lib/raci/role-kinds";
import { personSelect, reshapePerson, type PersonDto } from "@/lib/server/people/person-dto";
import { publishMatrixChange } from "@/lib/server/realtime/publish";
import { recordChanges } from "@/lib/server/matrices/record-change";
import type { CreatePersonInput, UpdatePersonInput } from "@/lib/schemas/matrix";
import type { CurrentUser } from "@/lib/server/session";

/** A team's people and unfilled roles, by name. */
export async function findPeople(userId: string, teamId: string): Promise<PersonDto[]> {
  await requireTeamAccess(userId, { teamId });
  const people = await db.person.findMany({
    where: { teamId, deletedAt: null },
    orderBy: { name: "asc" },
    select: personSelect,
  });
  return people.map(reshapePerson);
}

/** A linked user account must be a member of the same team. */
async function checkLinkedUser(tx: Pick<Db, "membership">, teamId: string, userId: string | null | undefined) {
  if (!userId) return;
  const m = await tx.membership.findFirst({ where: { teamId, userId }, select: { id: true } });
  if (!m)
    throw new AppError("INVALID_INPUT", "That account is not a member of this team.", {
      fields: { userId: "Not a member of this team." },
    });
}

export async function createPersonIn(tx: Pick<Db, "person" | "membership">, teamId: string, input: CreatePersonInput) {
  await checkLinkedUser(tx, teamId, input.userId);
  return tx.person.create({
    data: {
      teamId,
      name: input.name,
      roleTitle: input.roleTitle ?? "",
      roleKinds: serializeRoleKinds(input.roleKinds ?? []),
      kindsManual: input.kindsManual ?? false,
      isVacant: input.isVacant ?? false,
      codingShare: input.codingShare ?? null,
      userId: input.userId ?? null,
    },
    select: personSelect,
  });
}

export async function createPerson(user: CurrentUser, teamId: string, input: CreatePersonInput): Promise<PersonDto> {
  await requireTeamAccess(user.id, { teamId }, "people:edit");
  return reshapePerson(await createPersonIn(db, teamId, input));
}

/** Updates a person, refusing a stale version. Their columns in every matrix follow. */
export async function updatePerson(user: CurrentUser, personId: string, input: UpdatePersonInput): Promise<PersonDto> {
  const person = await db.person.findFirst({
    where: { id: personId, deletedAt: null, team: { memberships: { some: { userId: user.id } } } },
    select: { ...personSelect, teamId: true },
  });
  if (!person) throw notFound("That person");
  await requireTeamAccess(user.id, { teamId: person.teamId }, "people:edit");
  const stale = () =>
    new AppError("CONFLICT", "Someone changed this person meanwhile.", { details: { person: reshapePerson(person) } });
  if (person.version !== input.version) throw stale();
  await checkLinkedUser(db, person.teamId, input.userId);
  // The update and one history entry per matrix showing this person, together: every
  // matrix's change log (and so its live catch-up) knows the column changed.
  const changed = await db.$transaction(async (tx) => {
    const { count } = await tx.person.updateMany({
      where: { id: personId, version: input.version },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.roleTitle !== undefined ? { roleTitle: input.roleTitle } : {}),
        ...(input.roleKinds !== undefined ? { roleKinds: serializeRoleKinds(input.roleKinds) } : {}),
        ...(input.kindsManual !== undefined ? { kindsManual: input.kindsManual } : {}),
        ...(input.isVacant !== undefined ? { isVacant: input.isVacant } : {}),
        ...(input.codingShare !== undefined ? { codingShare: input.codingShare } : {}),
        ...(input.userId !== undefined ? { userId: input.userId } : {}),
        version: { increment: 1 },
      },
    });
    if (count !== 1) throw stale();
    const after = await tx.person.findUniqueOrThrow({ where: { id: personId }, select: personSelect });
    const columns = await tx.matrixColumn.findMany({
      where: { personId, deletedAt: null, matrix: { deletedAt: null } },
      select: { matrixId: true },
    });
    const { teamId: _teamId, ...before } = person;
    const changes = new Map<string, number>();
    for (const { matrixId } of columns) {
      changes.set(
        matrixId,
        await recordChanges(tx, matrixId, user.id, [
          { entity: "person", entityId: personId, action: "update", before, after },
        ]),
      );
    }
    return { after, changes };
  });
  for (const [matrixId, changeId] of changed.changes) void publishMatrixChange(matrixId, changeId, user.id, ["person"]);
  return reshapePerson(changed.after);
}
