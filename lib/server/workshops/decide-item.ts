import "server-only";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { findCells } from "@/lib/server/matrices/find-cells";
import { putCells } from "@/lib/server/matrices/put-cells";
import { agreementScore, compactRowLetters, nextItemId } from "@/lib/raci/workshop";
import type { RowLettersInput } from "@/lib/schemas/workshop";
import type { CurrentUser } from "@/lib/server/session";
import { requireWorkshopAccess } from "./workshop-access";
import { agendaEntries, loadAgenda, loadBallots, loadColumns } from "./load-workshop-parts";
import { publishWorkshopChange } from "./publish-workshop";
import { updateWorkshop } from "./update-workshop";

export interface DecideInput {
  itemId: string;
  letters: RowLettersInput;
  advance?: boolean;
}

/**
 * Decides the current item: the letters are written to the matrix row as normal edits
 * through putCells (attributed to the facilitator, versioned, one undo group with origin
 * "workshop"; a cell someone changed meanwhile is a 409 naming them), then the decision,
 * its agreement with the votes and the vote count are kept on the item. With `advance`
 * the workshop moves on to the next pending item in the same step.
 */
export async function decideItem(
  user: CurrentUser,
  workshopId: string,
  input: DecideInput,
): Promise<{ version: number; agreement: number | null; changeId: number | null }> {
  const { workshop } = await requireWorkshopAccess(user.id, workshopId, "workshop:run");
  if (workshop.status !== "active") throw new AppError("CONFLICT", "This workshop has ended.");
  if (workshop.currentItemId !== input.itemId)
    throw new AppError("CONFLICT", "The facilitator has moved on to another item meanwhile.");

  const [columns, agenda] = await Promise.all([
    loadColumns(workshop.matrixId),
    loadAgenda(workshop.id, workshop.matrixId),
  ]);
  const item = agenda.find((a) => a.id === input.itemId);
  if (!item) throw new AppError("NOT_FOUND", "That item is not on the agenda.");
  const personIds = columns.map((c) => c.personId);
  const known = new Set(personIds);
  if (Object.keys(input.letters).some((id) => !known.has(id)))
    throw new AppError("INVALID_INPUT", "Some of these people are no longer columns of the matrix; reload.", {
      fields: { letters: "Unknown column." },
    });
  const decision = compactRowLetters(input.letters);

  // Only the cells that change are written, each based on its current version.
  const current = await findCells(
    workshop.matrixId,
    personIds.map((personId) => ({ responsibilityId: item.responsibilityId, personId })),
  );
  const byPerson = new Map(current.map((c) => [c.personId, c]));
  const writes = personIds
    .map((personId) => {
      const cell = byPerson.get(personId);
      return {
        responsibilityId: item.responsibilityId,
        personId,
        letters: decision[personId] ?? "",
        version: cell?.version ?? 0,
        before: cell?.letters ?? "",
      };
    })
    .filter((w) => w.letters !== w.before)
    .map(({ before: _before, ...w }) => w);
  let changeId: number | null = null;
  if (writes.length) {
    const result = await putCells(user, workshop.matrixId, writes, { origin: "workshop", permission: "workshop:run" });
    changeId = result.changeId;
  }

  const ballots = await loadBallots(item.id);
  const agreement = agreementScore(ballots, decision, personIds);
  const voteCount = ballots.filter((b) => !b.skipped).length;
  const entries = agendaEntries(agenda).map((e) => (e.id === item.id ? { ...e, status: "decided" as const } : e));
  const now = new Date();
  const version = await db.$transaction(async (tx) => {
    await tx.workshopItem.update({
      where: { id: item.id },
      data: {
        status: "decided",
        decision: JSON.stringify(decision),
        agreement,
        voteCount,
        decidedById: user.id,
        decidedAt: now,
      },
    });
    return updateWorkshop(
      tx,
      workshop.id,
      { currentItemId: item.id },
      input.advance
        ? { currentItemId: nextItemId(entries, item.id), phase: "voting", itemStartedAt: now }
        : { phase: "revealed" },
    );
  });
  void publishWorkshopChange(workshop.id, version);
  return { version, agreement, changeId };
}
