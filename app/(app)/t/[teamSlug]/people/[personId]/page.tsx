import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { findTeamPage } from "@/lib/server/teams/find-team-page";
import { findPersonAssignments } from "@/lib/server/people/find-person-assignments";
import { isAppError } from "@/lib/server/errors";
import { LETTERS, LETTER_WORDS, hasLetter, formatLetters } from "@/lib/raci/letters";
import { ROLE_KIND_NAMES } from "@/lib/raci/role-kinds";

type Params = Promise<{ teamSlug: string; personId: string }>;

async function load(params: Params) {
  const { teamSlug, personId } = await params;
  const { team, userId } = await findTeamPage(teamSlug);
  try {
    return { team, ...(await findPersonAssignments(userId, team.id, personId)) };
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { person } = await load(params);
  return { title: person.name };
}

export default async function PersonPage({ params }: { params: Params }) {
  const { team, person, assignments } = await load(params);
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <p className="text-sm">
          <Link href={`/t/${team.slug}/people`} className="text-accent-700 hover:underline dark:text-accent-100">
            People
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{person.name}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          {[
            person.roleTitle,
            person.roleKinds.map((k) => ROLE_KIND_NAMES[k]).join(" and "),
            person.codingShare !== null ? `${person.codingShare}% hands-on coding` : null,
          ]
            .filter(Boolean)
            .join(" · ") || "No role title yet"}
        </p>
      </div>
      {LETTERS.map((letter) => {
        const items = assignments.filter((a) => hasLetter(a.letters, letter));
        return (
          <section key={letter} aria-labelledby={`letter-${letter}`}>
            <h2 id={`letter-${letter}`} className="text-lg font-semibold">
              {LETTER_WORDS[letter]} <span className="text-sm font-normal text-slate-500">({items.length})</span>
            </h2>
            {items.length === 0 ? (
              <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">Nothing.</p>
            ) : (
              <ul className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
                {items.map((a) => (
                  <li
                    key={`${a.matrixId}-${a.rowId}`}
                    className="flex items-center justify-between gap-3 px-4 py-2 text-sm"
                  >
                    <span>
                      <span className="font-medium">{a.title}</span>{" "}
                      <Link
                        href={`/t/${team.slug}/matrices/${a.matrixId}`}
                        className="text-xs text-slate-500 hover:underline dark:text-slate-400"
                      >
                        {a.matrixName}
                      </Link>
                    </span>
                    <span className="font-mono text-xs">{formatLetters(a.letters)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
