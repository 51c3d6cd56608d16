import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { InviteForm } from "@/components/access/invite-form";
import { MembersList } from "@/components/access/members-list";
import { PendingInvitations } from "@/components/access/pending-invitations";
import { findTeamPage } from "@/lib/server/teams/find-team-page";
import { findMembers } from "@/lib/server/members/find-members";
import { findPendingInvitations } from "@/lib/server/invitations/find-invitations";
import { isMailConfigured } from "@/lib/server/mail/mail-config";
import { ROLE_LABELS, can } from "@/lib/permissions";
import { invitableRoles } from "@/lib/teams/role-rules";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ teamSlug: string }> }) {
  const { team, role, userId } = await findTeamPage((await params).teamSlug);
  const canInvite = can(role, "invitations:manage");
  const [members, invitations] = await Promise.all([
    findMembers(userId, team.id),
    canInvite ? findPendingInvitations(userId, team.id) : Promise.resolve([]),
  ]);
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Members</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          You are {ROLE_LABELS[role].toLowerCase()} of {team.name}.{" "}
          {can(role, "members:manage")
            ? "Managers and owners change roles and remove members; only owners appoint owners."
            : "Managers and owners change roles and invite people."}
        </p>
      </div>
      <Card>
        <h2 className="text-lg font-semibold">People in this team</h2>
        <MembersList
          teamId={team.id}
          teamName={team.name}
          members={members}
          currentUserId={userId}
          currentRole={role}
        />
      </Card>
      {canInvite ? (
        <>
          <Card>
            <h2 className="text-lg font-semibold">Invite people</h2>
            <p className="mt-1 mb-4 text-sm text-slate-600 dark:text-slate-400">
              Create a link for the role you choose. Whoever opens it signs in or creates an account, then joins.
            </p>
            <InviteForm teamId={team.id} roles={invitableRoles(role)} isMailConfigured={isMailConfigured()} />
          </Card>
          <Card>
            <h2 className="text-lg font-semibold">Pending invitations</h2>
            <div className="mt-3">
              <PendingInvitations teamId={team.id} invitations={invitations} />
            </div>
          </Card>
        </>
      ) : null}
    </div>
  );
}
