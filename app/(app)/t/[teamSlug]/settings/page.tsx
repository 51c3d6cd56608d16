import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { RenameTeamForm } from "@/components/teams/rename-team-form";
import { DeleteTeamForm, TransferOwnershipForm } from "@/components/access/owner-zone";
import { findTeamPage } from "@/lib/server/teams/find-team-page";
import { findMembers } from "@/lib/server/members/find-members";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "Team settings" };

export default async function TeamSettingsPage({ params }: { params: Promise<{ teamSlug: string }> }) {
  const { team, role, userId } = await findTeamPage((await params).teamSlug);
  if (!can(role, "team:rename")) notFound();
  const isOwner = can(role, "team:delete");
  const members = isOwner ? await findMembers(userId, team.id) : [];
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
      <Card>
        <h2 className="text-lg font-semibold">Members and invitations</h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Roles, removals and invitation links are on the{" "}
          <Link href={`/t/${team.slug}/members`} className="font-medium text-accent-700 underline dark:text-accent-100">
            Members page
          </Link>
          .{" "}
          {isOwner ? (
            <>
              Every change is recorded in the{" "}
              <Link
                href={`/t/${team.slug}/settings/audit`}
                className="font-medium text-accent-700 underline dark:text-accent-100"
              >
                audit log
              </Link>
              .
            </>
          ) : null}
        </p>
      </Card>
      {isOwner ? (
        <>
          <Card>
            <h2 className="text-lg font-semibold">Transfer ownership</h2>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              The member you choose becomes an owner and you become a manager.
            </p>
            <TransferOwnershipForm
              teamId={team.id}
              teamName={team.name}
              candidates={members.filter((m) => m.userId !== userId)}
            />
          </Card>
          <Card className="border-red-200 dark:border-red-900">
            <h2 className="text-lg font-semibold text-red-800 dark:text-red-300">Delete team</h2>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              Deletes the team with all its matrices, people, history and links, for everyone. This cannot be undone.
            </p>
            <DeleteTeamForm teamId={team.id} teamName={team.name} />
          </Card>
        </>
      ) : null}
    </div>
  );
}
