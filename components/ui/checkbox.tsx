import { cn } from "./cn";

/**
 * A checkbox with its label beside it and an optional description (wired through
 * aria-describedby, so it is read with the box). The label is the click target too.
 */
export function Checkbox({
  id,
  label,
  description,
  error,
  className,
  ...input
}: Omit<React.InputHTMLAttributes<HTMLInputElement>, "type"> & {
  id: string;
  label: React.ReactNode;
  description?: React.ReactNode;
  error?: string;
}) {
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  const describedBy =
    [description ? descriptionId : null, error ? errorId : null, input["aria-describedby"] ?? null]
      .filter(Boolean)
      .join(" ") || undefined;
  return (
    <div className={cn("flex items-start gap-2.5", className)}>
      <input
        {...input}
        id={id}
        type="checkbox"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="mt-0.5 size-4 shrink-0 rounded border-slate-300 accent-accent-600 disabled:cursor-not-allowed dark:border-slate-600"
      />
      <div className="min-w-0 text-sm">
        <label htmlFor={id} className="font-medium text-slate-800 dark:text-slate-200">
          {label}
        </label>
        {description ? (
          <p id={descriptionId} className="mt-0.5 text-slate-600 dark:text-slate-400">
            {description}
          </p>
        ) : null}
        {error ? (
          <p id={errorId} className="mt-0.5 text-red-700 dark:text-red-400">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
