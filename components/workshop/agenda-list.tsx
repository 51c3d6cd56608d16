"use client";
import { cn } from "@/components/ui/cn";
import { formatAgreement } from "@/lib/raci/workshop";
import type { AgendaItemDto } from "@/lib/matrix/workshop-dto";

const STATUS_LABEL = { pending: "To discuss", decided: "Decided", parked: "Parked" } as const;
const STATUS_STYLE = {
  pending: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200",
  decided: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100",
  parked: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100",
} as const;

function IconButton({
  label,
  onClick,
  disabled,
  children,
}: {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  children: React.ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={onClick}
      disabled={disabled}
      className="grid size-8 place-items-center rounded-md text-slate-600 hover:bg-slate-100 disabled:opacity-30 dark:text-slate-300 dark:hover:bg-slate-800"
    >
      {children}
    </button>
  );
}

/**
 * The agenda beside the projector view: every item with its outcome; the facilitator
 * jumps to one, parks or brings it back, and moves it up or down (plain buttons, so the
 * order is changed from the keyboard as easily as with a mouse).
 */
export function AgendaList({
  agenda,
  currentId,
  disabled,
  onGoto,
  onPark,
  onUnpark,
  onMove,
}: {
  agenda: AgendaItemDto[];
  currentId: string | null;
  disabled?: boolean;
  onGoto: (id: string) => void;
  onPark: (id: string) => void;
  onUnpark: (id: string) => void;
  /** Place `id` after `afterId` (null: first). */
  onMove: (id: string, afterId: string | null) => void;
}) {
  return (
    <ol aria-label="Agenda" className="divide-y divide-slate-200 dark:divide-slate-800">
      {agenda.map((item, i) => {
        const isCurrent = item.id === currentId;
        return (
          <li
            key={item.id}
            aria-current={isCurrent ? "step" : undefined}
            className={cn("flex items-center gap-2 py-2 pr-1 pl-2", isCurrent && "bg-accent-50 dark:bg-slate-800")}
          >
            <span className="w-6 shrink-0 text-right text-xs text-slate-600 tabular-nums dark:text-slate-400">
              {i + 1}
            </span>
            <button
              type="button"
              onClick={() => onGoto(item.id)}
              disabled={disabled || isCurrent}
              className="min-w-0 flex-1 text-left text-sm hover:underline disabled:no-underline"
              aria-label={`Go to “${item.title}”`}
            >
              <span className={cn("block truncate", isCurrent && "font-semibold")}>{item.title}</span>
              <span className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs">
                <span className={cn("rounded px-1.5 py-0.5 font-medium", STATUS_STYLE[item.status])}>
                  {STATUS_LABEL[item.status]}
                </span>
                {item.status === "decided" && item.agreement !== null ? (
                  <span className="text-slate-600 dark:text-slate-400">
                    {formatAgreement(item.agreement)} agreement
                  </span>
                ) : null}
              </span>
            </button>
            <IconButton
              label={`Move “${item.title}” up`}
              disabled={disabled || i === 0}
              onClick={() => onMove(item.id, i >= 2 ? agenda[i - 2]!.id : null)}
            >
              <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-4">
                <path d="M10 5l5 6H5l5-6Z" />
              </svg>
            </IconButton>
            <IconButton
              label={`Move “${item.title}” down`}
              disabled={disabled || i === agenda.length - 1}
              onClick={() => onMove(item.id, agenda[i + 1]!.id)}
            >
              <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-4">
                <path d="M10 15l-5-6h10l-5 6Z" />
              </svg>
            </IconButton>
            {item.status === "parked" ? (
              <button
                type="button"
                onClick={() => onUnpark(item.id)}
                disabled={disabled}
                aria-label={`Bring back “${item.title}”`}
                className="rounded-md px-2 py-1 text-xs font-medium text-accent-700 hover:bg-accent-50 dark:text-accent-100 dark:hover:bg-slate-800"
              >
                Unpark
              </button>
            ) : item.status === "pending" ? (
              <button
                type="button"
                onClick={() => onPark(item.id)}
                disabled={disabled}
                aria-label={`Park “${item.title}”`}
                className="rounded-md px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
              >
                Park
              </button>
            ) : (
              <span className="w-[3.25rem]" />
            )}
          </li>
        );
      })}
    </ol>
  );
}
