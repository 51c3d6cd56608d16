import "server-only";
import type { Letter, Severity } from "@/lib/raci/types";

/** Paper sizes in points (1/72 inch), portrait. */
export const PAPER: Readonly<Record<"a4" | "letter", { width: number; height: number; name: string }>> = {
  a4: { width: 595.28, height: 841.89, name: "A4" },
  letter: { width: 612, height: 792, name: "Letter" },
};

/** Margins and the running header/footer bands, in points. */
export const PAGE = {
  marginX: 30,
  headerTop: 20,
  contentTop: 46,
  footerGap: 38,
} as const;

// The app's letter colours (app/globals.css, oklch) in sRGB: `text` is the darkened
// shade used for letters (4.5:1 on the tint), `tint` the cell background.
export const LETTER_COLORS: Readonly<Record<Letter, { text: string; tint: string; chip: string }>> = {
  R: { text: "#00509d", tint: "#e3f1fd", chip: "#0f74c5" },
  A: { text: "#5d15a2", tint: "#f1e6fe", chip: "#7d40c8" },
  C: { text: "#8a3e00", tint: "#fdebdc", chip: "#bb6802" },
  I: { text: "#005f51", tint: "#e0f3ee", chip: "#218373" },
};

/** Short meanings for the legend. */
export const LETTER_MEANINGS: Readonly<Record<Letter, string>> = {
  R: "does the work",
  A: "owns the outcome and signs it off; exactly one per item",
  C: "asked before a decision",
  I: "told after a decision",
};

export const SEVERITY_COLORS: Readonly<Record<Severity, string>> = {
  error: "#c81e1e",
  warning: "#b45309",
  info: "#2563eb",
};

export const SEVERITY_TITLES: Readonly<Record<Severity, { one: string; many: string }>> = {
  error: { one: "error", many: "errors" },
  warning: { one: "warning", many: "warnings" },
  info: { one: "note", many: "notes" },
};

export const INK = {
  text: "#0f172a",
  muted: "#475569",
  faint: "#64748b",
  rule: "#cbd5e1",
  grid: "#e2e8f0",
  groupFill: "#f1f5f9",
  headerFill: "#f8fafc",
  accent: "#2e5ad1",
} as const;

/** Type sizes (pt) and line heights. */
export const TYPE = {
  title: 16,
  body: 7.5,
  bodyLine: 9.3,
  small: 6.5,
  header: 7,
  headerLine: 8.4,
  letters: 7.5,
  chrome: 7.5,
} as const;
