import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { buttonClasses } from "@/components/ui/button";
import { findTeamPage } from "@/lib/server/teams/find-team-page";
import { findAuditEvents } from "@/lib/server/audit/find-audit-events";
import { can } from "@/lib/permissions";
import { auditActionWords, auditOutcomeWords, formatUtc } from "@/lib/teams/audit-words";

export const metadata: Metadata = { title: "Audit log" };

const OUTCOME_TONE: Record<string, string> = {
  success: "text-emerald-800 dark:text-emerald-300",
  failure: "text-amber-800 dark:text-amber-300",
  denied: "text-red-800 dark:text-red-300",
};

/** The team's security events, newest first, for owners (anyone else: 404). */
export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ teamSlug: string }>;
  searchParams: Promise<{ page?: string }>;
}) {
  const { team, role, userId } = await findTeamPage((await params).teamSlug);
  if (!can(role, "audit:view")) notFound();
  const requested = Number.parseInt((await searchParams).page ?? "1", 10);
  const { events, page, pageCount, total } = await findAuditEvents(
    userId,
    team.id,
    Number.isFinite(requested) ? requested : 1,
  );
  const base = `/t/${team.slug}/settings/audit`;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Invitations, role changes, removals, read-only links and ownership of {team.name}, newest first. Times are
          UTC. Only owners see this page.
        </p>
      </div>
      {events.length === 0 ? (
        <p className="rounded-xl border border-slate-200 bg-white p-6 text-sm text-slate-600 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400">
          Nothing recorded yet.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">
              Audit events, page {page} of {pageCount}
            </caption>
            <thead className="border-b border-slate-200 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400">
              <tr>
                {["Time (UTC)", "Who", "What", "About", "IP address", "Outcome"].map((h) => (
                  <th key={h} scope="col" className="px-4 py-2 font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {events.map((e) => (
                <tr key={e.id}>
                  <td className="px-4 py-2 whitespace-nowrap tabular-nums">
                    <time dateTime={e.createdAt}>{formatUtc(e.createdAt)}</time>
                  </td>
                  <td className="px-4 py-2">{e.actor}</td>
                  <td className="px-4 py-2">{auditActionWords(e.action)}</td>
                  <td className="px-4 py-2">{e.target}</td>
                  <td className="px-4 py-2 font-mono text-xs">{e.ip}</td>
                  <td className={cn("px-4 py-2 font-medium", OUTCOME_TONE[e.outcome])}>
                    {auditOutcomeWords(e.outcome)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pageCount > 1 ? (
        <nav aria-label="Audit log pages" className="flex items-center justify-between gap-4 text-sm">
          <span className="text-slate-600 dark:text-slate-400">
            Page {page} of {pageCount} · {total} events
          </span>
          <span className="flex gap-2">
            {page > 1 ? (
              <Link href={`${base}?page=${page - 1}`} className={buttonClasses("secondary", "sm")}>
                Newer
              </Link>
            ) : null}
            {page < pageCount ? (
              <Link href={`${base}?page=${page + 1}`} className={buttonClasses("secondary", "sm")}>
                Older
              </Link>
            ) : null}
          </span>
        </nav>
      ) : null}
    </div>
  );
}
