import { cn } from "@/components/ui/cn";
import type { PresenceUser } from "@/lib/matrix/live";

export interface PresenceBarProps {
  presence: readonly PresenceUser[];
  currentUserId: string;
  /** Avatars shown before "+N". */
  max?: number;
  className?: string;
}

/** "3 people viewing" (the list's accessible name). */
export function viewingLabel(count: number): string {
  return `${count} ${count === 1 ? "person" : "people"} viewing`;
}

/**
 * Who is looking at this matrix now: overlapping initials in each person's colour, the
 * name in a tooltip and as text for screen readers. The current user is first-class
 * ("you"), so the count matches the room.
 */
export function PresenceBar({ presence, currentUserId, max = 8, className }: PresenceBarProps) {
  if (presence.length === 0) return null;
  const shown = presence.slice(0, max);
  const hidden = presence.slice(max);
  return (
    <ul aria-label={viewingLabel(presence.length)} className={cn("flex items-center -space-x-1.5", className)}>
      {shown.map((u) => {
        const name = u.userId === currentUserId ? `${u.name} (you)` : u.name;
        return (
          <li
            key={u.userId}
            title={name}
            className="grid size-8 shrink-0 place-items-center rounded-full text-xs font-semibold text-white ring-2 ring-white select-none dark:ring-slate-950"
            style={{ backgroundColor: u.color }}
          >
            <span aria-hidden="true">{u.initials}</span>
            <span className="sr-only">{name}</span>
          </li>
        );
      })}
      {hidden.length > 0 ? (
        <li
          title={hidden.map((u) => u.name).join(", ")}
          className="grid size-8 shrink-0 place-items-center rounded-full bg-slate-200 text-xs font-semibold text-slate-800 ring-2 ring-white dark:bg-slate-700 dark:text-slate-100 dark:ring-slate-950"
        >
          <span aria-hidden="true">+{hidden.length}</span>
          <span className="sr-only">and {hidden.map((u) => u.name).join(", ")}</span>
        </li>
      ) : null}
    </ul>
  );
}
