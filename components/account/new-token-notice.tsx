"use client";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

/** The new token, shown this once, with a copy button. */
export function NewTokenNotice({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="status"
      aria-labelledby="new-token-title"
      className="space-y-3 rounded-lg border border-emerald-300 bg-emerald-50 p-4 outline-none dark:border-emerald-800 dark:bg-emerald-950/40"
    >
      <p id="new-token-title" className="text-sm font-semibold text-emerald-900 dark:text-emerald-200">
        Token “{name}” created. Copy it now: it will not be shown again.
      </p>
      <label htmlFor="new-token-value" className="sr-only">
        New token
      </label>
      <input
        id="new-token-value"
        readOnly
        value={token}
        onFocus={(e) => e.currentTarget.select()}
        className="block h-10 w-full rounded-md border border-emerald-300 bg-white px-3 font-mono text-sm text-slate-900 dark:border-emerald-800 dark:bg-slate-900 dark:text-slate-100"
      />
      <div className="flex flex-wrap items-center gap-2">
        <Button type="button" variant="secondary" size="sm" onClick={copy}>
          {copied ? "Copied" : "Copy token"}
        </Button>
        <Button type="button" variant="ghost" size="sm" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}
