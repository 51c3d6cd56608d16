"use client";
import Link from "next/link";
import { useParams } from "next/navigation";
import { DisclosureMenu, menuItemClasses } from "@/components/ui/disclosure-menu";

export function TeamSwitcher({ teams }: { teams: { slug: string; name: string }[] }) {
  const params = useParams<{ teamSlug?: string }>();
  const current = teams.find((t) => t.slug === params.teamSlug);
  return (
    <DisclosureMenu
      label={current ? `Team: ${current.name}. Switch team` : "Switch team"}
      buttonContent={<span className="max-w-48 truncate">{current?.name ?? "Your teams"}</span>}
    >
      <p className="px-3 pt-2 pb-1 text-xs font-medium tracking-wide text-slate-500 uppercase">Teams</p>
      <ul>
        {teams.map((t) => (
          <li key={t.slug}>
            <Link
              href={`/t/${t.slug}`}
              aria-current={t.slug === current?.slug ? "page" : undefined}
              className={menuItemClasses}
            >
              <span className="truncate">{t.name}</span>
              {t.slug === current?.slug ? <span className="ml-auto text-xs text-slate-500">current</span> : null}
            </Link>
          </li>
        ))}
      </ul>
      <div className="mt-1 border-t border-slate-200 pt-1 dark:border-slate-700">
        <Link href="/teams#new-team" className={menuItemClasses}>
          Create a team
        </Link>
        <Link href="/teams" className={menuItemClasses}>
          All teams
        </Link>
      </div>
    </DisclosureMenu>
  );
}
