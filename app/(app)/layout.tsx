import { AppHeader } from "@/components/app-shell/app-header";
import { requireUserForPage } from "@/lib/server/session";
import { findTeamsForUser } from "@/lib/server/teams/find-teams-for-user";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUserForPage();
  const teams = await findTeamsForUser(user.id);
  return (
    <div className="flex min-h-dvh flex-col bg-slate-50 dark:bg-slate-950">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-slate-900"
      >
        Skip to content
      </a>
      <AppHeader user={user} teams={teams} />
      <main id="main" className="flex-1">
        {children}
      </main>
    </div>
  );
}
