import type { Metadata } from "next";
import Link from "next/link";

// The token is in the address: keep these pages out of search engines.
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function InviteLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center bg-slate-50 px-4 py-12 dark:bg-slate-950">
      <header className="mb-8">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
          <span aria-hidden className="grid size-7 place-items-center rounded-md bg-accent-600 text-sm text-white">
            R
          </span>
          Remit
        </Link>
      </header>
      <main className="w-full max-w-md">{children}</main>
    </div>
  );
}
