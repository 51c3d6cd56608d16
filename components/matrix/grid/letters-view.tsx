import { letterList } from "@/lib/raci/letters";
import type { Letter } from "@/lib/raci/types";

// Text colours are the letter colours of app/globals.css, darkened (light mode) or
// lightened (dark mode) enough for 4.5:1 text contrast; colour is never the only signal,
// the letters are text.
export const LETTER_TEXT: Readonly<Record<Letter, string>> = {
  R: "text-[color-mix(in_oklch,var(--color-letter-r),black_22%)] dark:text-[color-mix(in_oklch,var(--color-letter-r),white_45%)]",
  A: "text-[color-mix(in_oklch,var(--color-letter-a),black_18%)] dark:text-[color-mix(in_oklch,var(--color-letter-a),white_45%)]",
  C: "text-[color-mix(in_oklch,var(--color-letter-c),black_38%)] dark:text-[color-mix(in_oklch,var(--color-letter-c),white_35%)]",
  I: "text-[color-mix(in_oklch,var(--color-letter-i),black_32%)] dark:text-[color-mix(in_oklch,var(--color-letter-i),white_40%)]",
};

export const LETTER_BG: Readonly<Record<Letter, string>> = {
  R: "bg-letter-r/12 dark:bg-letter-r/25",
  A: "bg-letter-a/12 dark:bg-letter-a/25",
  C: "bg-letter-c/12 dark:bg-letter-c/25",
  I: "bg-letter-i/12 dark:bg-letter-i/25",
};

/** "R/A" with each letter in its colour. Decorative for assistive tech: cells carry the words. */
export function LettersView({ letters }: { letters: string }) {
  const list = letterList(letters);
  if (list.length === 0) return null;
  return (
    <span aria-hidden="true" className="font-mono text-[0.95rem] font-semibold tracking-wide">
      {list.map((l, i) => (
        <span key={l}>
          {i > 0 ? <span className="text-slate-400 dark:text-slate-500">/</span> : null}
          <span className={LETTER_TEXT[l]}>{l}</span>
        </span>
      ))}
    </span>
  );
}
