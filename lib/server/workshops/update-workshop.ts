import "server-only";
import type { Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";

type Tx = Pick<Db, "workshop">;

/** What the workshop must still look like for a change to apply (besides being active). */
export interface WorkshopGuard {
  currentItemId?: string | null;
  phase?: "voting" | "revealed";
}

/**
 * Applies a change to an active workshop and bumps its version, all in one guarded
 * UPDATE: if the workshop ended or moved on since the caller looked (another facilitator
 * tab, the reveal racing a late vote), nothing is written and the caller gets a 409
 * saying what happened. Returns the new version.
 */
export async function updateWorkshop(
  tx: Tx,
  workshopId: string,
  guard: WorkshopGuard,
  data: {
    currentItemId?: string | null;
    phase?: "voting" | "revealed";
    itemStartedAt?: Date | null;
    timerSeconds?: number | null;
    status?: "active" | "ended";
    endedAt?: Date;
  } = {},
): Promise<number> {
  const { count } = await tx.workshop.updateMany({
    where: { id: workshopId, status: "active", ...guard },
    data: { ...data, version: { increment: 1 } },
  });
  const now = await tx.workshop.findUnique({
    where: { id: workshopId },
    select: { version: true, status: true, currentItemId: true, phase: true },
  });
  if (count === 1 && now) return now.version;
  if (!now || now.status !== "active") throw new AppError("CONFLICT", "This workshop has ended.");
  if (guard.currentItemId !== undefined && now.currentItemId !== guard.currentItemId)
    throw new AppError("CONFLICT", "The facilitator has moved on to another item meanwhile.", {
      details: { version: now.version },
    });
  if (guard.phase === "voting")
    throw new AppError("CONFLICT", "Voting on this item is closed: the votes have been revealed.", {
      details: { version: now.version },
    });
  throw new AppError("CONFLICT", "The workshop changed meanwhile; look again and retry.", {
    details: { version: now.version },
  });
}
