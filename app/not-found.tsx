import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center px-6 text-center">
      <p className="text-sm font-medium text-accent-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        It does not exist, or you do not have access to it.
      </p>
      <Link href="/teams" className={buttonClasses("secondary", "md", "mt-6")}>
        Back to your teams
      </Link>
    </main>
  );
}
