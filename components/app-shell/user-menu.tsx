"use client";
import Link from "next/link";
import { signOutAction } from "@/app/(auth)/actions";
import { DisclosureMenu, menuItemClasses } from "@/components/ui/disclosure-menu";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase() || "?";
}

export function UserMenu({ user }: { user: { name: string; email: string } }) {
  return (
    <DisclosureMenu
      label={`Account: ${user.name}`}
      align="right"
      buttonContent={
        <span
          aria-hidden
          className="grid size-7 place-items-center rounded-full bg-slate-200 text-xs font-semibold text-slate-700 dark:bg-slate-700 dark:text-slate-100"
        >
          {initials(user.name)}
        </span>
      }
    >
      <div className="px-3 py-2">
        <p className="truncate text-sm font-medium">{user.name}</p>
        <p className="truncate text-xs text-slate-500 dark:text-slate-400">{user.email}</p>
      </div>
      <div className="border-t border-slate-200 pt-1 dark:border-slate-700">
        <Link href="/account/tokens" className={menuItemClasses}>
          API tokens
        </Link>
        <form action={signOutAction}>
          <button type="submit" className={menuItemClasses}>
            Sign out
          </button>
        </form>
      </div>
    </DisclosureMenu>
  );
}
