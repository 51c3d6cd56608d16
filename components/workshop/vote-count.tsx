import { cn } from "@/components/ui/cn";

/** "5 of 7 voted" (skips included, said apart), in a polite live region. */
export function VoteCount({
  votes,
  large,
}: {
  votes: { responded: number; skipped: number; expected: number };
  large?: boolean;
}) {
  const expected = Math.max(votes.expected, votes.responded);
  return (
    <p
      aria-live="polite"
      aria-atomic="true"
      className={cn("font-semibold tabular-nums", large ? "text-4xl" : "text-lg")}
    >
      {votes.responded} of {expected} voted
      {votes.skipped ? (
        <span className={cn("ml-2 font-normal text-slate-600 dark:text-slate-400", large ? "text-xl" : "text-sm")}>
          ({votes.skipped} skipped)
        </span>
      ) : null}
    </p>
  );
}
