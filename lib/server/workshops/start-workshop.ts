import "server-only";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { isUniqueViolation } from "@/lib/server/prisma-errors";
import { requireMatrixAccess } from "@/lib/server/matrices/require-matrix-access";
import { createSnapshot } from "@/lib/server/snapshots/create-snapshot";
import { spacedPositions } from "@/lib/matrix/positions";
import type { StartWorkshopInput } from "@/lib/schemas/workshop";
import type { CurrentUser } from "@/lib/server/session";
import { newJoinCode } from "./join-code";
import { publishMatrixWorkshops } from "./publish-workshop";

function defaultName(matrixName: string, now: Date): string {
  const day = now.toISOString().slice(0, 10);
  return `${matrixName} workshop, ${day}`.slice(0, 120);
}

/** The running workshop of a matrix, as a 409 that says who runs it. */
async function alreadyRunning(matrixId: string): Promise<AppError | null> {
  const active = await db.workshop.findFirst({
    where: { matrixId, status: "active" },
    select: { id: true, facilitatorId: true, joinCode: true },
  });
  if (!active) return null;
  const who = await db.user.findUnique({ where: { id: active.facilitatorId }, select: { name: true } });
  return new AppError(
    "CONFLICT",
    `A workshop is already running on this matrix (facilitated by ${who?.name ?? "someone"}). Join it, or end it first.`,
    { details: { workshopId: active.id } },
  );
}

/**
 * Starts a workshop on a matrix (managers and owners): its agenda is the matrix's rows
 * in order, the first one current and open for votes; a snapshot of the matrix is taken
 * so the team can compare afterwards. One workshop runs per matrix at a time: a second
 * start is a 409 naming the facilitator of the first.
 */
export async function startWorkshop(
  user: CurrentUser,
  matrixId: string,
  input: StartWorkshopInput,
): Promise<{ id: string; joinCode: string }> {
  const access = await requireMatrixAccess(user.id, matrixId, "workshop:run");
  const running = await alreadyRunning(matrixId);
  if (running) throw running;

  const rows = await db.responsibility.findMany({
    where: { matrixId, deletedAt: null },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  if (rows.length === 0)
    throw new AppError("INVALID_INPUT", "This matrix has no responsibilities yet: add some rows to discuss first.");

  const now = new Date();
  const name = input.name?.trim() || defaultName(access.matrix.name, now);
  const positions = spacedPositions(rows.length);

  let created: { id: string; joinCode: string } | null = null;
  for (let attempt = 0; attempt < 5 && !created; attempt++) {
    try {
      created = await db.$transaction(async (tx) => {
        // Lock the matrix row (same value written back): two simultaneous starts on
        // PostgreSQL queue here, and the second then sees the first's workshop.
        const m = await tx.matrix.findUnique({ where: { id: matrixId }, select: { updatedAt: true } });
        await tx.matrix.updateMany({ where: { id: matrixId }, data: { updatedAt: m?.updatedAt ?? now } });
        if (await tx.workshop.count({ where: { matrixId, status: "active" } }))
          throw new AppError("CONFLICT", "A workshop is already running on this matrix.");
        const workshop = await tx.workshop.create({
          data: {
            matrixId,
            teamId: access.team.id,
            facilitatorId: user.id,
            name,
            joinCode: newJoinCode(),
            timerSeconds: input.timerSeconds ?? null,
            itemStartedAt: now,
          },
          select: { id: true, joinCode: true },
        });
        await tx.workshopItem.createMany({
          data: rows.map((r, i) => ({ workshopId: workshop.id, responsibilityId: r.id, position: positions[i]! })),
        });
        const first = await tx.workshopItem.findFirst({
          where: { workshopId: workshop.id },
          orderBy: { position: "asc" },
          select: { id: true },
        });
        await tx.workshop.update({ where: { id: workshop.id }, data: { currentItemId: first?.id ?? null } });
        return workshop;
      });
    } catch (e) {
      if (e instanceof AppError && e.code === "CONFLICT") throw (await alreadyRunning(matrixId)) ?? e;
      // A join-code clash (one in hundreds of millions): draw another.
      if (!isUniqueViolation(e)) throw e;
    }
  }
  if (!created) throw new AppError("CONFLICT", "Could not find a free join code; try again.");

  const snapshot = await createSnapshot({
    matrixId,
    name: `Before workshop “${name}”`.slice(0, 200),
    kind: "workshop-start",
    actorId: user.id,
  });
  const { version } = await db.workshop.update({
    where: { id: created.id },
    data: { startSnapshotId: snapshot.id },
    select: { version: true },
  });
  void publishMatrixWorkshops(matrixId, created.id, version);
  return created;
}
