import type { Metadata } from "next";
import { cache } from "react";
import { notFound } from "next/navigation";
import { SharedMatrixView } from "@/components/share/shared-matrix-view";
import { findSharedMatrix } from "@/lib/server/share/find-shared-matrix";
import { formatUtc } from "@/lib/teams/audit-words";

const load = cache(findSharedMatrix);

export async function generateMetadata({ params }: { params: Promise<{ token: string }> }): Promise<Metadata> {
  const shared = await load((await params).token);
  return {
    title: shared ? `${shared.name} (read-only)` : "Not found",
    robots: { index: false, follow: false },
    referrer: "no-referrer",
  };
}

/**
 * A matrix shared by a read-only link, for people without an account: the grid and its
 * findings, nothing else. An unknown or revoked link is a 404.
 */
export default async function SharedMatrixPage({ params }: { params: Promise<{ token: string }> }) {
  const shared = await load((await params).token);
  if (!shared) notFound();
  return (
    <div className="min-h-dvh bg-slate-50 dark:bg-slate-950">
      <main className="mx-auto max-w-screen-2xl space-y-4 px-4 py-6">
        <header className="flex flex-wrap items-end justify-between gap-2">
          <div className="min-w-0">
            <h1 className="text-2xl font-semibold tracking-tight">{shared.name}</h1>
            {shared.description ? (
              <p className="mt-0.5 max-w-3xl text-sm text-slate-600 dark:text-slate-400">{shared.description}</p>
            ) : null}
          </div>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Read-only view · updated <time dateTime={shared.updatedAt}>{formatUtc(shared.updatedAt)}</time>
          </p>
        </header>
        <SharedMatrixView shared={shared} />
      </main>
    </div>
  );
}
