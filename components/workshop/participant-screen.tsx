"use client";
import { useEffect, useState } from "react";
import Link from "next/link";
import { useQueryClient } from "@tanstack/react-query";
import { Button, buttonClasses } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { errorMessage } from "@/lib/query/api-client";
import { queryKeys } from "@/lib/query/keys";
import { sameRowLetters } from "@/lib/raci/workshop";
import { formatLetters } from "@/lib/raci/letters";
import type { Letters } from "@/lib/raci/types";
import type { WorkshopStateDto } from "@/lib/matrix/workshop-dto";
import { ItemTimer } from "./item-timer";
import { RowLettersEditor } from "./row-letters-editor";
import { VoteCount } from "./vote-count";
import { VoteDistribution } from "./vote-distribution";
import { useWorkshop } from "./use-workshop";
import { workshopApi } from "./workshop-api";
import { WorkshopProviders } from "./workshop-providers";

/** A participant's view (made for a phone): vote silently on the current item, then see the result. */
export function ParticipantScreen({ initial }: { initial: WorkshopStateDto }) {
  return (
    <WorkshopProviders>
      <ParticipantBody initial={initial} />
    </WorkshopProviders>
  );
}

function ParticipantBody({ initial }: { initial: WorkshopStateDto }) {
  const { workshop: w, status } = useWorkshop(initial.id, initial);
  const state = w ?? initial;
  const current = state.current;
  const queryClient = useQueryClient();
  const toast = useToast();
  const [busy, setBusy] = useState(false);

  // Being on this screen is taking part: join (once) so the projector counts us.
  useEffect(() => {
    if (initial.status !== "active") return;
    workshopApi.heartbeat(initial.id).catch(() => {});
  }, [initial.id, initial.status]);

  const draftKey = current?.itemId ?? "";
  const [draft, setDraft] = useState<{ key: string; letters: Record<string, Letters> } | null>(null);
  const saved = current?.myVote && !current.myVote.skipped ? current.myVote.letters : {};
  const letters = draft && draft.key === draftKey ? draft.letters : saved;
  const personIds = state.columns.map((c) => c.personId);
  const isChanged = !current?.myVote || current.myVote.skipped || !sameRowLetters(letters, saved, personIds);

  async function send(vote: { letters: Record<string, Letters> } | { skipped: true }) {
    if (!current) return;
    setBusy(true);
    try {
      await workshopApi.vote(state.id, { itemId: current.itemId, ...vote });
      toast.dismiss("vote");
    } catch (e) {
      toast.show(errorMessage(e), { tone: "error", id: "vote" });
    } finally {
      setBusy(false);
      await queryClient.invalidateQueries({ queryKey: queryKeys.workshop.detail(state.id) });
    }
  }

  if (state.status === "ended") {
    return (
      <div className="mx-auto max-w-xl space-y-4 py-8 text-center">
        <h1 className="text-2xl font-semibold">{state.name}</h1>
        <p className="text-lg">The workshop has ended. Thank you for taking part.</p>
        <Link href={`/t/${state.teamSlug}/workshops/${state.id}/summary`} className={buttonClasses("primary")}>
          See the summary
        </Link>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <header className="space-y-1">
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {state.matrixName} · facilitated by {state.facilitator.name} ·{" "}
          <span role="status" aria-label="Connection">
            {status === "live" ? "Live" : status === "connecting" ? "Connecting…" : "Reconnecting…"}
          </span>
        </p>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h1 className="text-2xl font-semibold tracking-tight">{state.name}</h1>
          {state.viewer.canRun ? (
            <Link
              href={`/t/${state.teamSlug}/workshops/${state.id}/facilitate`}
              className={buttonClasses("secondary", "sm")}
            >
              Facilitator view
            </Link>
          ) : null}
        </div>
      </header>

      {!current ? (
        <p
          role="status"
          className="rounded-lg border border-slate-200 bg-white p-6 text-center text-lg dark:border-slate-800 dark:bg-slate-900"
        >
          Waiting for the facilitator…
        </p>
      ) : (
        <section
          aria-labelledby="item-title"
          className="space-y-5 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6 dark:border-slate-800 dark:bg-slate-900"
        >
          <div className="flex items-start justify-between gap-3">
            <div className="min-w-0">
              <p className="text-sm font-medium text-slate-600 dark:text-slate-400">
                Item {current.index} of {current.total}
                {current.category ? ` · ${current.category}` : ""}
              </p>
              <h2 id="item-title" className="mt-1 text-2xl font-bold">
                {current.title}
              </h2>
            </div>
            <ItemTimer
              key={`${current.itemId}:${state.itemStartedAt}`}
              timerSeconds={state.timerSeconds}
              itemStartedAt={state.itemStartedAt}
              serverNow={state.serverNow}
            />
          </div>
          {current.description ? <p className="text-slate-700 dark:text-slate-300">{current.description}</p> : null}

          <VoteCount votes={current.votes} />

          {state.phase === "voting" ? (
            state.viewer.canVote ? (
              <div className="space-y-4">
                <h3 className="font-semibold">Your vote: who should be R, A, C, I?</h3>
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  Silent: nobody sees your vote, only how many have voted. One Accountable per responsibility.
                </p>
                <RowLettersEditor
                  columns={state.columns}
                  value={letters}
                  onChange={(next) => setDraft({ key: draftKey, letters: next })}
                  disabled={busy}
                />
                <div className="flex flex-wrap gap-2">
                  <Button
                    onClick={() => send({ letters })}
                    disabled={busy || !isChanged}
                    className="h-12 flex-1 text-base"
                  >
                    {current.myVote && !current.myVote.skipped ? "Change vote" : "Submit vote"}
                  </Button>
                  <Button
                    variant="secondary"
                    onClick={() => send({ skipped: true })}
                    disabled={busy || current.myVote?.skipped === true}
                    className="h-12"
                  >
                    Skip this one
                  </Button>
                </div>
                <p aria-live="polite" className="text-sm font-medium">
                  {current.myVote
                    ? current.myVote.skipped
                      ? "You skipped this item. Waiting for the facilitator…"
                      : "Your vote is in. Waiting for the facilitator… You can change it until the votes are revealed."
                    : ""}
                </p>
              </div>
            ) : (
              <p role="note" className="rounded-md bg-slate-100 p-3 text-sm dark:bg-slate-800">
                You are following as a viewer: viewers can watch but not vote.
              </p>
            )
          ) : current.result ? (
            <div className="space-y-4">
              <h3 className="font-semibold">The votes</h3>
              <VoteDistribution result={current.result} />
              {current.myVote && !current.myVote.skipped ? (
                <p className="text-sm text-slate-700 dark:text-slate-300">
                  You voted:{" "}
                  {state.columns
                    .filter((c) => current.myVote?.letters[c.personId])
                    .map((c) => `${c.name} ${formatLetters(current.myVote!.letters[c.personId]!)}`)
                    .join(", ") || "no letters"}
                  .
                </p>
              ) : null}
              {current.decision ? (
                <p className="rounded-md bg-emerald-50 p-3 text-sm font-medium text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
                  Decided:{" "}
                  {state.columns
                    .filter((c) => current.decision?.[c.personId])
                    .map((c) => `${c.name} ${formatLetters(current.decision![c.personId]!)}`)
                    .join(", ") || "no letters"}
                  .
                </p>
              ) : (
                <p className="text-sm text-slate-600 dark:text-slate-400">Waiting for the facilitator to decide…</p>
              )}
            </div>
          ) : null}
        </section>
      )}
    </div>
  );
}
