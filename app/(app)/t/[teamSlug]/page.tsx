import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { buttonClasses } from "@/components/ui/button";
import { NewMatrixDialog } from "@/components/teams/new-matrix-dialog";
import { findTeamPage } from "@/lib/server/teams/find-team-page";
import { findTeamMembers } from "@/lib/server/teams/find-team-members";
import { findMatrices } from "@/lib/server/matrices/find-matrices";
import { templateSummaries } from "@/lib/matrix/template-summaries";
import { ROLE_LABELS, can } from "@/lib/permissions";

export async function generateMetadata({ params }: { params: Promise<{ teamSlug: string }> }): Promise<Metadata> {
  const { team } = await findTeamPage((await params).teamSlug);
  return { title: team.name };
}

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

export default async function TeamPage({ params }: { params: Promise<{ teamSlug: string }> }) {
  const { team, userId, role } = await findTeamPage((await params).teamSlug);
  const [members, matrices] = await Promise.all([findTeamMembers(userId, team.id), findMatrices(userId, team.id)]);
  const canEdit = can(role, "matrix:edit");
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <section aria-labelledby="matrices-heading" className="space-y-4">
        <div className="flex items-center justify-between gap-4">
          <h1 id="matrices-heading" className="text-2xl font-semibold tracking-tight">
            Matrices
          </h1>
          {canEdit ? (
            <div className="flex items-center gap-2">
              <Link href={`/t/${team.slug}/import`} className={buttonClasses("secondary")}>
                Import
              </Link>
              <NewMatrixDialog teamId={team.id} teamSlug={team.slug} templates={templateSummaries()} />
            </div>
          ) : null}
        </div>
        {matrices.length === 0 ? (
          <Card>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              No matrices yet.{" "}
              {canEdit
                ? "Start from the Tech Lead vs Engineering Manager template to see who owns the System and who owns the People."
                : "A manager of this team can create one."}
            </p>
          </Card>
        ) : (
          <ul aria-label="Matrices" className="grid gap-3 sm:grid-cols-2">
            {matrices.map((m) => (
              <li key={m.id}>
                <Link
                  href={`/t/${team.slug}/matrices/${m.id}`}
                  className="block h-full rounded-xl border border-slate-200 bg-white p-5 shadow-sm hover:border-accent-500 dark:border-slate-800 dark:bg-slate-900"
                >
                  <span className="block font-medium">{m.name}</span>
                  {m.description ? (
                    <span className="mt-1 line-clamp-2 block text-sm text-slate-600 dark:text-slate-400">
                      {m.description}
                    </span>
                  ) : null}
                  <span className="mt-3 block text-xs text-slate-500 dark:text-slate-400">
                    {m.rowCount} responsibilities · {m.columnCount} people · updated{" "}
                    {dateFormat.format(new Date(m.updatedAt))}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <aside aria-labelledby="members-heading">
        <Card className="p-5">
          <h2 id="members-heading" className="text-base font-semibold">
            Members
          </h2>
          <ul aria-label="Members" className="mt-3 divide-y divide-slate-200 dark:divide-slate-800">
            {members.map((m) => (
              <li key={m.userId} className="flex items-center justify-between gap-2 py-2 text-sm">
                <span className="min-w-0">
                  <span className="block truncate font-medium">{m.name}</span>
                  <span className="block truncate text-xs text-slate-500 dark:text-slate-400">{m.email}</span>
                </span>
                <span className="shrink-0 text-xs text-slate-500 dark:text-slate-400">{ROLE_LABELS[m.role]}</span>
              </li>
            ))}
          </ul>
        </Card>
      </aside>
    </div>
  );
}
