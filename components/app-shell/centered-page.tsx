import Link from "next/link";
import { cn } from "@/components/ui/cn";

/** The signed-out frame: the Remit mark above one centered column (sign-in, invitations). */
export function CenteredPage({ children, width = "sm" }: { children: React.ReactNode; width?: "sm" | "md" }) {
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
      <main className={cn("w-full", width === "sm" ? "max-w-sm" : "max-w-md")}>{children}</main>
    </div>
  );
}
