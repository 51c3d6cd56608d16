import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { RenameTeamForm } from "@/components/teams/rename-team-form";
import { findTeamPage } from "@/lib/server/teams/find-team-page";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "Team settings" };

export default async function TeamSettingsPage({ params }: { params: Promise<{ teamSlug: string }> }) {
  const { team, role } = await findTeamPage((await params).teamSlug);
  if (!can(role, "team:rename")) notFound();
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Team settings</h1>
      <Card>
        <h2 className="text-lg font-semibold">Team name</h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          The address of the team (/t/{team.slug}) stays the same, so links keep working.
        </p>
        <RenameTeamForm teamId={team.id} name={team.name} />
      </Card>
    </div>
  );
}
