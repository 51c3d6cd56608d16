import { cn } from "./cn";

/** A form-level message, announced politely when it changes. */
export function FormMessage({ message, tone = "error" }: { message?: string; tone?: "error" | "success" }) {
  return (
    <div aria-live="polite" role={tone === "error" && message ? "alert" : undefined}>
      {message ? (
        <p
          className={cn(
            "rounded-md px-3 py-2 text-sm",
            tone === "error"
              ? "bg-red-50 text-red-800 dark:bg-red-950/50 dark:text-red-300"
              : "bg-emerald-50 text-emerald-800 dark:bg-emerald-950/50 dark:text-emerald-300",
          )}
        >
          {message}
        </p>
      ) : null}
    </div>
  );
}
