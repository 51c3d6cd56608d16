import "server-only";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { can } from "@/lib/permissions";
import { findCells } from "@/lib/server/matrices/find-cells";
import { findDisagreements, majorityDecision, tallyVotes } from "@/lib/raci/workshop";
import { WORKSHOP_PARTICIPANT_TTL_MS, type CurrentItemDto, type WorkshopStateDto } from "@/lib/matrix/workshop-dto";
import type { CurrentUser } from "@/lib/server/session";
import { roleOf, visibleWorkshop } from "./workshop-access";
import { loadAgenda, loadBallots, loadColumns, parseRowLetters } from "./load-workshop-parts";

/**
 * The state of a workshop as the caller may see it (any member of the team). Before the
 * reveal nobody sees anyone else's vote, the facilitator included: only how many voted.
 * After the reveal everybody sees the same anonymous counts. The caller's own vote is
 * always theirs to see.
 */
export async function getWorkshopState(user: CurrentUser, workshopId: string): Promise<WorkshopStateDto> {
  // Finding and authorizing in one query: every screen refetches this on each vote.
  const w = await db.workshop.findFirst({
    where: visibleWorkshop(user.id, workshopId),
    select: {
      id: true,
      matrixId: true,
      teamId: true,
      name: true,
      status: true,
      phase: true,
      version: true,
      joinCode: true,
      facilitatorId: true,
      timerSeconds: true,
      itemStartedAt: true,
      currentItemId: true,
      matrix: {
        select: {
          name: true,
          team: { select: { slug: true, memberships: { where: { userId: user.id }, select: { role: true } } } },
        },
      },
    },
  });
  if (!w) throw notFound("That workshop");
  const role = roleOf(w);

  const now = new Date();
  const [columns, agenda, participants, facilitator] = await Promise.all([
    loadColumns(w.matrixId),
    loadAgenda(w.id, w.matrixId),
    db.workshopParticipant.findMany({
      where: { workshopId: w.id },
      orderBy: { joinedAt: "asc" },
      select: { userId: true, name: true, seenAt: true },
    }),
    db.user.findUnique({ where: { id: w.facilitatorId }, select: { id: true, name: true } }),
  ]);
  const cutoff = now.getTime() - WORKSHOP_PARTICIPANT_TTL_MS;
  const participantDtos = participants.map((p) => ({
    userId: p.userId,
    name: p.name,
    active: p.seenAt.getTime() >= cutoff,
  }));

  let current: CurrentItemDto | null = null;
  const index = agenda.findIndex((a) => a.id === w.currentItemId);
  const item = index >= 0 ? agenda[index] : undefined;
  if (item && w.status === "active") {
    const personIds = columns.map((c) => c.personId);
    const [ballots, cells, voters] = await Promise.all([
      loadBallots(item.id),
      findCells(
        w.matrixId,
        personIds.map((personId) => ({ responsibilityId: item.responsibilityId, personId })),
      ),
      // Who of the people here may vote (members and up): the "of 7" in "5 of 7 voted".
      db.membership.findMany({
        where: { teamId: w.teamId, userId: { in: participantDtos.filter((p) => p.active).map((p) => p.userId) } },
        select: { userId: true, role: true },
      }),
    ]);
    const mine = ballots.find((b) => b.userId === user.id);
    const eligible = new Set(
      voters.filter((m) => can(m.role as Parameters<typeof can>[0], "workshop:vote")).map((m) => m.userId),
    );
    for (const b of ballots) eligible.add(b.userId);
    const revealed = w.phase === "revealed";
    const tally = revealed ? tallyVotes(columns, ballots) : null;
    current = {
      itemId: item.id,
      responsibilityId: item.responsibilityId,
      index: index + 1,
      total: agenda.length,
      title: item.title,
      description: item.description,
      category: item.category,
      domain: item.domain,
      status: item.status,
      decision: item.decision === null ? null : parseRowLetters(item.decision),
      cells: Object.fromEntries(cells.filter((c) => c.letters).map((c) => [c.personId, c.letters])),
      votes: {
        responded: ballots.length,
        skipped: ballots.filter((b) => b.skipped).length,
        expected: eligible.size,
      },
      myVote: mine ? { letters: mine.letters, skipped: mine.skipped } : null,
      result: tally
        ? { tally, majority: majorityDecision(tally, ballots), disagreements: findDisagreements(tally) }
        : null,
    };
  }

  return {
    id: w.id,
    matrixId: w.matrixId,
    matrixName: w.matrix.name,
    teamSlug: w.matrix.team.slug,
    name: w.name,
    status: w.status === "ended" ? "ended" : "active",
    phase: w.phase === "revealed" ? "revealed" : "voting",
    version: w.version,
    joinCode: w.joinCode,
    facilitator: { id: w.facilitatorId, name: facilitator?.name ?? "A former member" },
    timerSeconds: w.timerSeconds,
    itemStartedAt: w.itemStartedAt?.toISOString() ?? null,
    serverNow: now.toISOString(),
    viewer: {
      userId: user.id,
      canRun: can(role, "workshop:run"),
      canVote: can(role, "workshop:vote"),
      joined: participants.some((p) => p.userId === user.id),
    },
    columns,
    agenda: agenda.map(({ id, responsibilityId, title, category, status, agreement, voteCount }) => ({
      id,
      responsibilityId,
      title,
      category,
      status,
      agreement,
      voteCount,
    })),
    current,
    participants: participantDtos,
  };
}
