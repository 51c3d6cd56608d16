import Link from "next/link";
import { TeamSwitcher } from "./team-switcher";
import { UserMenu } from "./user-menu";

export function AppHeader({
  user,
  teams,
}: {
  user: { name: string; email: string };
  teams: { slug: string; name: string }[];
}) {
  return (
    <header className="no-print sticky top-0 z-30 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-900/90">
      <div className="mx-auto flex h-14 max-w-screen-2xl items-center gap-3 px-4">
        <Link href="/teams" className="flex items-center gap-2 font-semibold tracking-tight">
          <span aria-hidden className="grid size-7 place-items-center rounded-md bg-accent-600 text-sm text-white">
            R
          </span>
          <span>Remit</span>
        </Link>
        <span aria-hidden className="text-slate-300 dark:text-slate-700">
          /
        </span>
        <TeamSwitcher teams={teams} />
        <div className="ml-auto">
          <UserMenu user={user} />
        </div>
      </div>
    </header>
  );
}
