import { TeamNav } from "@/components/teams/team-nav";
import { findTeamPage } from "@/lib/server/teams/find-team-page";

export default async function TeamLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ teamSlug: string }>;
}) {
  const { teamSlug } = await params;
  const { team, role } = await findTeamPage(teamSlug);
  return (
    <div className="mx-auto max-w-screen-2xl px-4 py-6">
      <div className="no-print mb-6 flex flex-wrap items-end justify-between gap-4 border-b border-slate-200 pb-3 dark:border-slate-800">
        <p className="text-sm text-slate-500 dark:text-slate-400">
          <span className="font-medium text-slate-900 dark:text-slate-100">{team.name}</span>
        </p>
        <TeamNav slug={team.slug} role={role} />
      </div>
      {children}
    </div>
  );
}
