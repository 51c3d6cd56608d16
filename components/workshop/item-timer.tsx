"use client";
import { useEffect, useState } from "react";
import { cn } from "@/components/ui/cn";

function mmss(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/**
 * The time left on the current item, from the server's start time and clock (the
 * offset between the server's `now` and ours is applied, so a laptop with a wrong clock
 * still counts right). Advisory: nothing closes when it runs out.
 */
export function ItemTimer({
  timerSeconds,
  itemStartedAt,
  serverNow,
  large,
}: {
  timerSeconds: number | null;
  itemStartedAt: string | null;
  serverNow: string;
  large?: boolean;
}) {
  const [offset] = useState(() => new Date(serverNow).getTime() - Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!timerSeconds || !itemStartedAt) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [timerSeconds, itemStartedAt]);
  if (!timerSeconds || !itemStartedAt) return null;
  const left = timerSeconds - (now + offset - new Date(itemStartedAt).getTime()) / 1000;
  const over = left <= 0;
  return (
    <div
      role="timer"
      aria-label="Time left for this item"
      className={cn(
        "rounded-md px-3 py-1 font-mono font-semibold tabular-nums",
        large ? "text-3xl" : "text-lg",
        over
          ? "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200"
          : left < 15
            ? "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100"
            : "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100",
      )}
    >
      {over ? "Time is up" : mmss(left)}
    </div>
  );
}
