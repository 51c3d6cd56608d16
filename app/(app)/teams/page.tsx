import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { CreateTeamForm } from "@/components/teams/create-team-form";
import { requireUserForPage } from "@/lib/server/session";
import { findTeamsForUser } from "@/lib/server/teams/find-teams-for-user";
import { ROLE_LABELS } from "@/lib/permissions";

export const metadata: Metadata = { title: "Your teams" };

export default async function TeamsPage() {
  const user = await requireUserForPage("/teams");
  const teams = await findTeamsForUser(user.id);
  return (
    <div className="mx-auto max-w-3xl space-y-8 px-4 py-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Your teams</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          A team holds its people and its responsibility matrices.
        </p>
      </div>
      {teams.length === 0 ? (
        <Card>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            You are not in a team yet. Create one below, or ask a team&apos;s manager for an invitation link.
          </p>
        </Card>
      ) : (
        <ul
          aria-label="Teams"
          className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900"
        >
          {teams.map((t) => (
            <li key={t.id}>
              <Link
                href={`/t/${t.slug}`}
                className="flex items-center justify-between px-5 py-4 hover:bg-slate-50 dark:hover:bg-slate-800/60"
              >
                <span className="font-medium">{t.name}</span>
                <span className="text-xs text-slate-500 dark:text-slate-400">{ROLE_LABELS[t.role]}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Card id="new-team">
        <h2 className="text-lg font-semibold">Create a team</h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">You will be its owner.</p>
        <CreateTeamForm />
      </Card>
    </div>
  );
}
