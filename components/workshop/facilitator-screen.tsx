"use client";
import { useEffect, useMemo, useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { Button, buttonClasses } from "@/components/ui/button";
import { Dialog, DialogBody, DialogFooter } from "@/components/ui/dialog";
import { cn } from "@/components/ui/cn";
import { toRaciMatrix } from "@/lib/matrix/dto";
import { applyPatches, computeFindings } from "@/lib/raci/findings";
import { sameRowLetters } from "@/lib/raci/workshop";
import type { Letters } from "@/lib/raci/types";
import { useMatrix } from "@/lib/query/use-matrix";
import { queryKeys } from "@/lib/query/keys";
import type { WorkshopStateDto } from "@/lib/matrix/workshop-dto";
import { AgendaList } from "./agenda-list";
import { ItemTimer } from "./item-timer";
import { JoinCodeCard } from "./join-code-card";
import { RowFindingsList } from "./row-findings-list";
import { RowLettersEditor } from "./row-letters-editor";
import { VoteDistribution } from "./vote-distribution";
import { useWorkshop } from "./use-workshop";
import { useWorkshopAction } from "./use-workshop-action";
import { WorkshopProviders } from "./workshop-providers";
import { VoteCount } from "./vote-count";

/** The projector view: one responsibility at a time, large type, the facilitator's controls. */
export function FacilitatorScreen({ initial }: { initial: WorkshopStateDto }) {
  return (
    <WorkshopProviders>
      <FacilitatorBody initial={initial} />
    </WorkshopProviders>
  );
}

/** How far the agenda is: decided or parked items out of all. */
function ProgressBar({ done, total }: { done: number; total: number }) {
  return (
    <div
      role="progressbar"
      aria-label="Agenda progress"
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={done}
      aria-valuetext={`${done} of ${total} items decided or parked`}
      className="h-2 flex-1 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
    >
      <div className="h-full rounded-full bg-accent-600" style={{ width: `${total ? (done / total) * 100 : 0}%` }} />
    </div>
  );
}

function FacilitatorBody({ initial }: { initial: WorkshopStateDto }) {
  const { workshop: w, status } = useWorkshop(initial.id, initial);
  const router = useRouter();
  const queryClient = useQueryClient();
  const { run, busy } = useWorkshopAction(initial.id);
  const matrix = useMatrix(initial.matrixId);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);

  const state = w ?? initial;
  const current = state.current;
  const summaryHref = `/t/${state.teamSlug}/workshops/${state.id}/summary`;

  // Decisions change the matrix: refetch it when an outcome changed (not on every vote).
  const outcomes = state.agenda.map((a) => `${a.status}${a.agreement ?? ""}`).join();
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.matrix.detail(state.matrixId), exact: true });
  }, [outcomes, state.matrixId, queryClient]);

  useEffect(() => {
    if (state.status === "ended") router.push(summaryHref);
  }, [state.status, router, summaryHref]);

  // The decision editor starts from the decision, else the majority once revealed, else the row as it is.
  const draftKey = current ? `${current.itemId}:${state.phase}:${current.status}` : "";
  const startLetters = useMemo<Record<string, Letters>>(
    () => current?.decision ?? current?.result?.majority.letters ?? current?.cells ?? {},
    [current],
  );
  const [draft, setDraft] = useState<{ key: string; letters: Record<string, Letters> } | null>(null);
  const letters = draft?.key === draftKey ? draft.letters : startLetters;
  const setLetters = (next: Record<string, Letters>) => setDraft({ key: draftKey, letters: next });

  const personIds = state.columns.map((c) => c.personId);
  const rowFindings = useMemo(() => {
    if (!matrix.data || !current) return null;
    const raci = toRaciMatrix(matrix.data);
    const cells = applyPatches(
      raci.cells,
      personIds.map((personId) => ({
        responsibilityId: current.responsibilityId,
        personId,
        letters: letters[personId] ?? "",
      })),
    );
    return computeFindings({ ...raci, cells }).filter((f) => f.responsibilityId === current.responsibilityId);
  }, [matrix.data, current, letters, personIds]);

  const contestedColumns = useMemo(() => {
    const set = new Set<string>();
    for (const d of current?.result?.disagreements ?? []) {
      if (d.kind === "letter") set.add(d.personId);
      else for (const o of d.options) set.add(o.personId);
    }
    return set;
  }, [current]);

  const present = state.participants.filter((p) => p.active);
  const isBusy = busy !== null;
  const majority = current?.result?.majority.letters;

  return (
    <div ref={rootRef} className="space-y-5 bg-slate-50 dark:bg-slate-950">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Workshop on{" "}
            <Link href={`/t/${state.teamSlug}/matrices/${state.matrixId}`} className="font-medium underline">
              {state.matrixName}
            </Link>{" "}
            ·{" "}
            <span role="status" aria-label="Connection">
              {status === "live" ? "Live" : status === "connecting" ? "Connecting…" : "Reconnecting…"}
            </span>
          </p>
          <h1 className="text-2xl font-semibold tracking-tight">{state.name}</h1>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <JoinCodeCard code={state.joinCode} />
          {state.timerSeconds && current ? (
            <div className="flex flex-col items-center gap-1">
              <ItemTimer
                key={`${current.itemId}:${state.itemStartedAt}`}
                timerSeconds={state.timerSeconds}
                itemStartedAt={state.itemStartedAt}
                serverNow={state.serverNow}
                large
              />
              <Button variant="ghost" size="sm" onClick={() => run({ type: "restart-timer" })} disabled={isBusy}>
                Restart timer
              </Button>
            </div>
          ) : null}
          <div className="flex flex-col gap-2">
            <Button
              variant="secondary"
              size="sm"
              onClick={() => {
                if (document.fullscreenElement) void document.exitFullscreen();
                else void rootRef.current?.requestFullscreen?.();
              }}
            >
              Full screen
            </Button>
            <Button variant="danger" size="sm" onClick={() => setConfirmEnd(true)} disabled={isBusy}>
              End workshop
            </Button>
          </div>
        </div>
      </header>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <main className="min-w-0 space-y-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          {current ? (
            <>
              <div>
                <div className="flex items-center gap-3">
                  <p className="text-lg font-medium text-slate-700 dark:text-slate-300">
                    Item {current.index} of {current.total}
                  </p>
                  <ProgressBar done={state.agenda.filter((a) => a.status !== "pending").length} total={current.total} />
                </div>
                <p className="mt-3 text-sm font-medium tracking-wide text-slate-600 uppercase dark:text-slate-400">
                  {[current.category, current.domain ? `${current.domain.toLowerCase()} domain` : ""]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
                <h2 id="item-title" className="mt-1 text-4xl font-bold tracking-tight md:text-5xl">
                  {current.title}
                </h2>
                {current.description ? (
                  <p className="mt-3 max-w-4xl text-xl text-slate-700 dark:text-slate-300">{current.description}</p>
                ) : null}
                {current.status !== "pending" ? (
                  <p className="mt-2 text-sm font-medium text-slate-700 dark:text-slate-300">
                    This item is{" "}
                    {current.status === "decided" ? "decided already; deciding again replaces it" : "parked"}.
                  </p>
                ) : null}
              </div>

              {state.phase === "voting" ? (
                <div className="flex flex-wrap items-center gap-6">
                  <VoteCount votes={current.votes} large />
                  <Button
                    onClick={() => run({ type: "reveal", itemId: current.itemId })}
                    disabled={isBusy || current.votes.responded === 0}
                    className="h-12 px-6 text-lg"
                  >
                    {busy === "reveal" ? "Revealing…" : "Reveal votes"}
                  </Button>
                </div>
              ) : current.result ? (
                <div className="space-y-3">
                  <VoteDistribution result={current.result} large />
                  <Button
                    variant="secondary"
                    size="sm"
                    onClick={() => run({ type: "reopen", itemId: current.itemId })}
                    disabled={isBusy}
                  >
                    Reopen voting
                  </Button>
                </div>
              ) : null}

              <section
                aria-labelledby="decision-title"
                className="space-y-4 border-t border-slate-200 pt-5 dark:border-slate-800"
              >
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h3 id="decision-title" className="text-xl font-semibold">
                    Decision
                  </h3>
                  {majority ? (
                    <Button
                      variant="ghost"
                      size="sm"
                      onClick={() => setLetters(majority)}
                      disabled={sameRowLetters(letters, majority, personIds)}
                    >
                      Reset to the majority
                    </Button>
                  ) : null}
                </div>
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  {current.result
                    ? "Pre-filled with what most people voted. Change it as the discussion concludes; it is written to the matrix in your name."
                    : "The row as it stands in the matrix. Reveal the votes to start from the majority."}
                </p>
                <div className="grid gap-5 xl:grid-cols-2">
                  <RowLettersEditor
                    columns={state.columns}
                    value={letters}
                    onChange={setLetters}
                    disabled={isBusy}
                    highlight={contestedColumns}
                    size="lg"
                  />
                  <RowFindingsList findings={rowFindings} large />
                </div>
                <div className="flex flex-wrap gap-2 pt-2">
                  <Button
                    className="h-12 px-6 text-lg"
                    disabled={isBusy}
                    onClick={() => run({ type: "decide", itemId: current.itemId, letters, advance: true })}
                  >
                    {busy === "decide" ? "Saving…" : "Decide & next"}
                  </Button>
                  <Button
                    variant="secondary"
                    className="h-12"
                    disabled={isBusy}
                    onClick={() => run({ type: "decide", itemId: current.itemId, letters })}
                  >
                    Decide
                  </Button>
                  <Button
                    variant="secondary"
                    className="h-12"
                    disabled={isBusy}
                    onClick={() => run({ type: "back", fromItemId: current.itemId })}
                  >
                    Back
                  </Button>
                  <Button
                    variant="secondary"
                    className="h-12"
                    disabled={isBusy}
                    onClick={() => run({ type: "next", fromItemId: current.itemId })}
                  >
                    Skip for now
                  </Button>
                  <Button
                    variant="secondary"
                    className="h-12"
                    disabled={isBusy}
                    onClick={() => run({ type: "park", itemId: current.itemId })}
                  >
                    Park
                  </Button>
                </div>
              </section>
            </>
          ) : (
            <div className="space-y-4 py-10 text-center">
              <h2 className="text-3xl font-bold">Nothing left to discuss</h2>
              <p className="text-lg text-slate-700 dark:text-slate-300">
                {state.agenda.some((a) => a.status === "parked")
                  ? "Some items are parked: bring them back from the agenda, or end the workshop."
                  : "Every item is decided. End the workshop to see the summary."}
              </p>
              <div className="flex justify-center gap-2">
                <Button variant="secondary" onClick={() => run({ type: "back", fromItemId: null })} disabled={isBusy}>
                  Back
                </Button>
                <Button onClick={() => setConfirmEnd(true)} disabled={isBusy}>
                  End workshop
                </Button>
              </div>
            </div>
          )}
        </main>

        <aside className="space-y-4">
          <section
            aria-labelledby="agenda-title"
            className="rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900"
          >
            <h2
              id="agenda-title"
              className="border-b border-slate-200 px-4 py-2 text-sm font-semibold dark:border-slate-800"
            >
              Agenda · {state.agenda.filter((a) => a.status === "decided").length} decided,{" "}
              {state.agenda.filter((a) => a.status === "parked").length} parked
            </h2>
            <div className="max-h-[60vh] overflow-y-auto">
              <AgendaList
                agenda={state.agenda}
                currentId={current?.itemId ?? null}
                disabled={isBusy}
                onGoto={(itemId) => run({ type: "goto", itemId })}
                onPark={(itemId) => run({ type: "park", itemId })}
                onUnpark={(itemId) => run({ type: "unpark", itemId })}
                onMove={(itemId, afterId) => run({ type: "reorder", itemId, afterId })}
              />
            </div>
          </section>
          <section
            aria-labelledby="people-title"
            className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
          >
            <h2 id="people-title" className="text-sm font-semibold">
              People here ({present.length})
            </h2>
            {present.length ? (
              <ul className="mt-2 flex flex-wrap gap-1.5 text-sm">
                {present.map((p) => (
                  <li key={p.userId} className="rounded-full bg-slate-100 px-2.5 py-0.5 dark:bg-slate-800">
                    {p.name}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Nobody has joined yet. Share the code.</p>
            )}
          </section>
          <Link href={summaryHref} className={cn(buttonClasses("ghost", "sm"), "w-full")}>
            Summary so far
          </Link>
        </aside>
      </div>

      <Dialog
        open={confirmEnd}
        onClose={() => setConfirmEnd(false)}
        title="End the workshop?"
        description="Votes close and everyone's screen moves to the summary. Decisions already made stay in the matrix."
        size="sm"
      >
        <DialogBody>
          <p className="text-sm">
            {state.agenda.filter((a) => a.status === "pending").length} items not reached and{" "}
            {state.agenda.filter((a) => a.status === "parked").length} parked will be listed as open in the summary.
          </p>
        </DialogBody>
        <DialogFooter>
          <Button variant="secondary" onClick={() => setConfirmEnd(false)}>
            Keep going
          </Button>
          <Button
            variant="danger"
            disabled={isBusy}
            onClick={async () => {
              if (await run({ type: "end" })) router.push(summaryHref);
              setConfirmEnd(false);
            }}
          >
            {busy === "end" ? "Ending…" : "End workshop"}
          </Button>
        </DialogFooter>
      </Dialog>
    </div>
  );
}
