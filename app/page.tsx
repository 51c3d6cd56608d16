import Link from "next/link";
import { redirect } from "next/navigation";
import { buttonClasses } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/server/session";

export default async function HomePage() {
  if (await getCurrentUser()) redirect("/teams");
  return (
    <div className="mx-auto flex min-h-dvh max-w-3xl flex-col justify-center px-6 py-16">
      <header className="flex items-center gap-2 text-lg font-semibold tracking-tight">
        <span aria-hidden className="grid size-7 place-items-center rounded-md bg-accent-600 text-sm text-white">
          R
        </span>
        Remit
      </header>
      <main>
        <h1 className="mt-10 text-4xl font-semibold tracking-tight text-balance sm:text-5xl">
          Decide who owns what in your engineering team.
        </h1>
        <p className="mt-5 max-w-2xl text-lg text-slate-600 dark:text-slate-400">
          Remit keeps your team&apos;s RACI matrix — Responsible, Accountable, Consulted, Informed — in one live place,
          and shows at once where ownership is missing, doubled or misplaced, above all between the Tech Lead and the
          Engineering Manager.
        </p>
        <div className="mt-8 flex gap-3">
          <Link href="/sign-up" className={buttonClasses("primary")}>
            Create an account
          </Link>
          <Link href="/sign-in" className={buttonClasses("secondary")}>
            Sign in
          </Link>
        </div>
      </main>
    </div>
  );
}
