import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { buttonClasses } from "@/components/ui/button";
import { AcceptInvitationForm } from "@/components/access/accept-invitation-form";
import { ROLE_HINTS } from "@/components/access/role-labels";
import { getCurrentUser } from "@/lib/server/session";
import { findInvitationByToken } from "@/lib/server/invitations/find-invitation-by-token";
import { ROLE_LABELS } from "@/lib/permissions";
import { INVITATION_STATE_MESSAGES } from "@/lib/teams/invitation-rules";
import { formatUtc } from "@/lib/teams/audit-words";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

/**
 * Where an invitation link leads. Anyone holding a live link sees the team's name and the
 * offered role; joining needs an account, and sign-in/sign-up come back here. A dead
 * link (expired, withdrawn, used up) says only that: it no longer names the team or the
 * role to whoever holds it.
 */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await getCurrentUser();
  const invitation = await findInvitationByToken(token, user?.id ?? null);
  if (!invitation) notFound();
  const here = `/invite/${token}`;
  const role = ROLE_LABELS[invitation.role].toLowerCase();

  let body: React.ReactNode;
  if (user && invitation.currentRole) {
    body = (
      <>
        <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">
          You are already a member of {invitation.team.name} as {ROLE_LABELS[invitation.currentRole].toLowerCase()}.
          Your role stays as it is.
        </p>
        <Link href={`/t/${invitation.team.slug}`} className={buttonClasses("primary", "md", "mt-6 w-full")}>
          Open {invitation.team.name}
        </Link>
      </>
    );
  } else if (invitation.state !== "active") {
    return (
      <Card>
        <h1 className="text-xl font-semibold">This invitation can no longer be used</h1>
        <p
          role="alert"
          className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/50 dark:text-amber-200"
        >
          {INVITATION_STATE_MESSAGES[invitation.state]}
        </p>
        <Link href={user ? "/teams" : "/sign-in"} className={buttonClasses("secondary", "md", "mt-6 w-full")}>
          {user ? "Your teams" : "Sign in"}
        </Link>
      </Card>
    );
  } else if (!user) {
    const q = `?callbackUrl=${encodeURIComponent(here)}`;
    body = (
      <>
        <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">
          To join, sign in or create an account{invitation.email ? ` with ${invitation.email}` : ""}. You will come back
          here to accept.
        </p>
        <div className="mt-6 flex flex-col gap-2">
          <Link href={`/sign-up${q}`} className={buttonClasses("primary")}>
            Create an account
          </Link>
          <Link href={`/sign-in${q}`} className={buttonClasses("secondary")}>
            Sign in
          </Link>
        </div>
      </>
    );
  } else if (invitation.email && invitation.email.toLowerCase() !== user.email.toLowerCase()) {
    body = (
      <p
        role="alert"
        className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/50 dark:text-amber-200"
      >
        This invitation is for {invitation.email}, and you are signed in as {user.email}. Sign out and sign in with that
        address to accept it, or ask for a new link.
      </p>
    );
  } else {
    body = (
      <>
        <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">
          You are signed in as {user.email}. The link works until {formatUtc(invitation.expiresAt)}.
        </p>
        <AcceptInvitationForm token={token} teamName={invitation.team.name} />
      </>
    );
  }

  return (
    <Card>
      <h1 className="text-xl font-semibold">
        Join {invitation.team.name} as {role}
      </h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        {ROLE_LABELS[invitation.role]}: {ROLE_HINTS[invitation.role].toLowerCase()}.
      </p>
      {body}
    </Card>
  );
}
