import type { Metadata } from "next";
import Link from "next/link";
import { findTeamPage } from "@/lib/server/teams/find-team-page";
import { findPeople } from "@/lib/server/people/people";
import { ROLE_KIND_NAMES } from "@/lib/raci/role-kinds";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage({ params }: { params: Promise<{ teamSlug: string }> }) {
  const { team, userId } = await findTeamPage((await params).teamSlug);
  const people = await findPeople(userId, team.id);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">People and roles</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Everyone who can be a column of this team&apos;s matrices. Pick one to see what they own across all matrices.
        </p>
      </div>
      {people.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No people yet: add them as columns of a matrix.</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">People and roles of {team.name}</caption>
            <thead className="border-b border-slate-200 text-xs text-slate-500 uppercase dark:border-slate-800 dark:text-slate-400">
              <tr>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Name
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Role title
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Acts as
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Hands-on coding
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {people.map((p) => (
                <tr key={p.id}>
                  <th scope="row" className="px-4 py-2.5 font-medium">
                    <Link
                      href={`/t/${team.slug}/people/${p.id}`}
                      className="text-accent-700 hover:underline dark:text-accent-100"
                    >
                      {p.name}
                    </Link>
                    {p.isVacant ? (
                      <span className="ml-2 text-xs font-normal text-slate-500">(unfilled role)</span>
                    ) : null}
                  </th>
                  <td className="px-4 py-2.5">{p.roleTitle || "—"}</td>
                  <td className="px-4 py-2.5">{p.roleKinds.map((k) => ROLE_KIND_NAMES[k]).join(" and ") || "—"}</td>
                  <td className="px-4 py-2.5">{p.codingShare === null ? "—" : `${p.codingShare}%`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
