"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * A read-only link with a Copy button. The input is selectable too, for browsers
 * without clipboard access (plain HTTP).
 */
export function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("yes");
    } catch {
      (document.getElementById(id) as HTMLInputElement | null)?.select();
      setCopied("failed");
    }
  }
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          className="block h-10 min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 font-mono text-xs text-slate-900 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-100"
        />
        <Button variant="secondary" onClick={copy}>
          Copy link
        </Button>
      </div>
      <p aria-live="polite" className="text-xs text-slate-600 dark:text-slate-400">
        {copied === "yes"
          ? "Copied to the clipboard."
          : copied === "failed"
            ? "Selected: press Ctrl+C (⌘C) to copy."
            : ""}
      </p>
    </div>
  );
}
