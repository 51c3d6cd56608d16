import "server-only";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { requireTeamAccess } from "@/lib/server/authz";
import { personSelect, reshapePerson, type PersonDto } from "@/lib/server/people/person-dto";
import { domainOrNull } from "@/lib/server/matrices/reshape";
import { hasNul } from "@/lib/server/nul";
import type { Domain, Letters } from "@/lib/raci/types";

export interface PersonAssignmentRow {
  matrixId: string;
  matrixName: string;
  rowId: string;
  title: string;
  category: string;
  domain: Domain | null;
  letters: Letters;
}

/**
 * What one person is R, A, C or I for across the team's matrices, in one query over
 * their non-empty cells (columns they were removed from and deleted rows excluded).
 */
export async function findPersonAssignments(
  userId: string,
  teamId: string,
  personId: string,
): Promise<{ person: PersonDto; assignments: PersonAssignmentRow[] }> {
  await requireTeamAccess(userId, { teamId });
  if (hasNul(personId)) throw notFound("That person");
  const person = await db.person.findFirst({ where: { id: personId, teamId, deletedAt: null }, select: personSelect });
  if (!person) throw notFound("That person");
  const cells = await db.cell.findMany({
    where: {
      personId,
      letters: { not: "" },
      responsibility: { deletedAt: null },
      matrix: { teamId, deletedAt: null, columns: { some: { personId, deletedAt: null } } },
    },
    select: {
      letters: true,
      matrix: { select: { id: true, name: true } },
      responsibility: { select: { id: true, title: true, category: true, domain: true, position: true } },
    },
  });
  const assignments = cells
    .map((c) => ({
      matrixId: c.matrix.id,
      matrixName: c.matrix.name,
      rowId: c.responsibility.id,
      title: c.responsibility.title,
      category: c.responsibility.category,
      domain: domainOrNull(c.responsibility.domain),
      letters: c.letters,
      position: c.responsibility.position,
    }))
    .sort((a, b) => a.matrixName.localeCompare(b.matrixName) || a.position - b.position)
    .map(({ position: _p, ...rest }) => rest);
  return { person: reshapePerson(person), assignments };
}
