import "server-only";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { isUniqueViolation } from "@/lib/server/prisma-errors";
import { slugCandidate, slugify } from "@/lib/slug";
import type { CreateTeamInput } from "@/lib/schemas/team";
import type { TeamSummary } from "./find-teams-for-user";

/** Creates a team with a unique slug; the creator becomes its owner. */
export async function createTeam(userId: string, input: CreateTeamInput): Promise<TeamSummary> {
  const base = slugify(input.name);
  const taken = new Set(
    (
      await db.team.findMany({
        where: { slug: { startsWith: base } },
        select: { slug: true },
      })
    ).map((t) => t.slug),
  );
  for (let attempt = 0; attempt < 1000; attempt++) {
    const slug = slugCandidate(base, attempt);
    if (taken.has(slug)) continue;
    try {
      const team = await db.team.create({
        data: { name: input.name, slug, memberships: { create: { userId, role: "owner" } } },
        select: { id: true, slug: true, name: true },
      });
      return { ...team, role: "owner" };
    } catch (e) {
      // Someone took the slug between the read and the write: try the next one.
      if (isUniqueViolation(e)) continue;
      throw e;
    }
  }
  throw new AppError("ALREADY_EXISTS", "Could not find a free address for this team; try another name.");
}
