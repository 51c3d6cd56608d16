/**
 * How a person looks in presence: a colour picked from their user id (the same in every
 * browser and on every visit) and their initials. Pure; the server fills these into
 * presence messages so every client agrees.
 */

/**
 * Tailwind 600/700 hues. Each carries white text at ≥ 4.5:1 and stands out at ≥ 3:1 (the
 * WCAG non-text contrast) against white and against slate-900/950, so an outline or an
 * avatar reads in light and dark mode alike (checked in presence-style.test.ts).
 */
export const PRESENCE_PALETTE: readonly string[] = [
  "#2563eb", // blue-600
  "#dc2626", // red-600
  "#047857", // emerald-700
  "#7c3aed", // violet-600
  "#b45309", // amber-700
  "#db2777", // pink-600
  "#0e7490", // cyan-700
  "#4d7c0f", // lime-700
  "#c026d3", // fuchsia-600
  "#c2410c", // orange-700
];

/** FNV-1a: small, stable and well spread for short ids like cuids. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The presence colour of a user: deterministic from the id. */
export function presenceColor(userId: string): string {
  return PRESENCE_PALETTE[hash(userId) % PRESENCE_PALETTE.length] ?? "#2563eb";
}

/** "Ada Lovelace" → "AL", "plato" → "PL", "  " → "?" (whole characters, not UTF-16 halves). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0];
  if (!first) return "?";
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const chars = last ? [Array.from(first)[0], Array.from(last)[0]] : Array.from(first).slice(0, 2);
  return chars.join("").toLocaleUpperCase();
}
