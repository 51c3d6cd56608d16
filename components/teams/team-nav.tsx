"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { can } from "@/lib/permissions";
import type { TeamRole } from "@/lib/schemas/team";

export function TeamNav({ slug, role }: { slug: string; role: TeamRole }) {
  const pathname = usePathname();
  const base = `/t/${slug}`;
  const links = [
    { href: base, label: "Matrices", exact: true, also: `${base}/matrices` },
    { href: `${base}/people`, label: "People", exact: false },
    { href: `${base}/members`, label: "Members", exact: false },
    ...(can(role, "team:rename") ? [{ href: `${base}/settings`, label: "Settings", exact: true }] : []),
    ...(can(role, "audit:view") ? [{ href: `${base}/settings/audit`, label: "Audit log", exact: false }] : []),
  ];
  return (
    <nav aria-label="Team">
      <ul className="flex gap-1">
        {links.map((l) => {
          const active =
            (l.exact ? pathname === l.href : pathname.startsWith(l.href)) ||
            ("also" in l && typeof l.also === "string" && pathname.startsWith(l.also));
          return (
            <li key={l.href}>
              <Link
                href={l.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "rounded-md px-3 py-1.5 text-sm font-medium",
                  active
                    ? "bg-slate-200 text-slate-900 dark:bg-slate-800 dark:text-white"
                    : "text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800",
                )}
              >
                {l.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
