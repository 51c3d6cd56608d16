import "server-only";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { CastVoteInput } from "@/lib/schemas/workshop";
import { compactRowLetters } from "@/lib/raci/workshop";
import type { CurrentUser } from "@/lib/server/session";
import { requireWorkshopAccess } from "./workshop-access";
import { loadColumns } from "./load-workshop-parts";
import { publishWorkshopChange } from "./publish-workshop";
import { updateWorkshop } from "./update-workshop";

/**
 * Casts, changes or skips the caller's silent vote on the current item (members and
 * up). Only while that item is open for votes: once the facilitator revealed or moved
 * on, a late vote is a 409. The guard and the vote are one transaction, so a vote either
 * lands before the reveal and is counted, or is refused.
 */
export async function castVote(
  user: CurrentUser,
  workshopId: string,
  input: CastVoteInput,
): Promise<{ version: number }> {
  const { workshop } = await requireWorkshopAccess(user.id, workshopId, "workshop:vote");
  let letters: Record<string, string> = {};
  if ("letters" in input) {
    const known = new Set((await loadColumns(workshop.matrixId)).map((c) => c.personId));
    const unknown = Object.keys(input.letters).filter((id) => !known.has(id));
    if (unknown.length)
      throw new AppError("INVALID_INPUT", "Some of these people are no longer columns of the matrix; reload.", {
        fields: { letters: "Unknown column." },
      });
    letters = compactRowLetters(input.letters);
  }
  const skipped = "skipped" in input;
  const now = new Date();
  const version = await db.$transaction(async (tx) => {
    const v = await updateWorkshop(tx, workshop.id, { currentItemId: input.itemId, phase: "voting" });
    await tx.workshopVote.upsert({
      where: { itemId_userId: { itemId: input.itemId, userId: user.id } },
      create: {
        workshopId: workshop.id,
        itemId: input.itemId,
        userId: user.id,
        letters: JSON.stringify(letters),
        skipped,
      },
      update: { letters: JSON.stringify(letters), skipped },
    });
    // Voting is being here: keeps the participant listed without waiting for a heartbeat.
    await tx.workshopParticipant.upsert({
      where: { workshopId_userId: { workshopId: workshop.id, userId: user.id } },
      create: { workshopId: workshop.id, userId: user.id, name: user.name, seenAt: now },
      update: { seenAt: now },
    });
    return v;
  });
  void publishWorkshopChange(workshop.id, version);
  return { version };
}
