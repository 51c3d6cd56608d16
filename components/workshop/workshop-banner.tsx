"use client";
import { useState } from "react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { Button, buttonClasses } from "@/components/ui/button";
import { queryKeys } from "@/lib/query/keys";
import { workshopApi } from "./workshop-api";

// The start dialog (its form, and zod on submit) loads when someone points at or focuses
// "Start workshop", or at the latest when it is pressed; it mounts open, takes focus and
// gives it back to the button on closing.
const loadStartDialog = () => import("./start-workshop-dialog");
const StartWorkshopDialog = dynamic(() => import("./start-workshop-dialog").then((m) => m.StartWorkshopDialog), {
  ssr: false,
});

/**
 * The matrix's workshops. A start or an end arrives on the matrix's event stream, which
 * refetches this at once (use-matrix-live.ts), as does coming back after a lost
 * connection or to the tab; the slow poll is only a safety net.
 */
function useMatrixWorkshops(matrixId: string) {
  return useQuery({
    queryKey: queryKeys.matrix.workshops(matrixId),
    queryFn: ({ signal }) => workshopApi.forMatrix(matrixId, signal),
    refetchInterval: 120_000,
    staleTime: 10_000,
  });
}

/** On the matrix page, for everyone on the team while a workshop runs: "Workshop in progress — Join". */
export function WorkshopBanner({
  matrixId,
  teamSlug,
  canRun,
}: {
  matrixId: string;
  teamSlug: string;
  canRun: boolean;
}) {
  const { data } = useMatrixWorkshops(matrixId);
  const active = data?.active ?? null;
  if (active) {
    return (
      <div
        role="region"
        aria-label="Workshop"
        className="no-print flex flex-wrap items-center justify-between gap-3 rounded-lg border border-accent-500 bg-accent-50 px-4 py-2 text-sm dark:bg-slate-900"
      >
        <p>
          <span className="font-semibold">Workshop in progress</span> — {active.name}, facilitated by{" "}
          {active.facilitatorName}. Code{" "}
          <span className="font-mono font-semibold tracking-wider">{active.joinCode}</span>
        </p>
        <div className="flex gap-2">
          <Link href={`/t/${teamSlug}/workshops/${active.id}`} className={buttonClasses("primary", "sm")}>
            Join
          </Link>
          {canRun ? (
            <Link
              href={`/t/${teamSlug}/workshops/${active.id}/facilitate`}
              className={buttonClasses("secondary", "sm")}
            >
              Facilitate
            </Link>
          ) : null}
        </div>
      </div>
    );
  }
  return null;
}

/** "Start workshop" in the matrix toolbar, for managers and owners, while none runs. */
export function StartWorkshopButton({ matrixId, teamSlug }: { matrixId: string; teamSlug: string }) {
  const { data } = useMatrixWorkshops(matrixId);
  const [open, setOpen] = useState(false);
  if (!data || data.active) return null;
  const preload = () => void loadStartDialog();
  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        onClick={() => setOpen(true)}
        onPointerEnter={preload}
        onFocus={preload}
        className="no-print"
      >
        Start workshop
      </Button>
      {open ? <StartWorkshopDialog matrixId={matrixId} teamSlug={teamSlug} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
