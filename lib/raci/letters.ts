import type { Letter, Letters } from "./types";

/** The four letters in canonical order. */
export const LETTERS: readonly Letter[] = ["R", "A", "C", "I"];

/** The word for each letter, as shown to people. */
export const LETTER_WORDS: Readonly<Record<Letter, string>> = {
  R: "Responsible",
  A: "Accountable",
  C: "Consulted",
  I: "Informed",
};

/** Bit of each letter in a letters mask. Bit order equals canonical order, so a mask maps to one string. */
export const LETTER_BIT: Readonly<Record<Letter, number>> = { R: 1, A: 2, C: 4, I: 8 };

// All 16 canonical strings indexed by mask: lets the findings hot loop turn a cell
// into a number and back without building strings.
const CANONICAL_BY_MASK: readonly Letters[] = Array.from({ length: 16 }, (_, mask) =>
  LETTERS.filter((l) => (mask & LETTER_BIT[l]) !== 0).join(""),
);

// Null prototype so that isCanonicalLetters("constructor") cannot hit Object.prototype.
const MASK_BY_CANONICAL: Readonly<Record<string, number>> = Object.assign(
  Object.create(null) as Record<string, number>,
  Object.fromEntries(CANONICAL_BY_MASK.map((s, mask) => [s, mask])),
);

/** The text to show for "no letters" wherever a word is needed. */
export const NO_ROLE_TEXT = "no role";

/** True when `value` is one of R, A, C, I (upper case only). */
export function isLetter(value: unknown): value is Letter {
  return value === "R" || value === "A" || value === "C" || value === "I";
}

// Bit of each ASCII character code (R/r, A/a, C/c, I/i), 0 for every other character.
// A typed-array lookup per character beats hashing the string in the findings hot loop.
const CHAR_BITS: Uint8Array = (() => {
  const table = new Uint8Array(128);
  for (const l of LETTERS) {
    table[l.charCodeAt(0)] = LETTER_BIT[l];
    table[l.toLowerCase().charCodeAt(0)] = LETTER_BIT[l];
  }
  return table;
})();

/**
 * Turns letters into a 4-bit mask (R=1, A=2, C=4, I=8). Every R, A, C or I character
 * counts, in any case and order; everything else is ignored (see {@link normalizeLetters}).
 */
export function lettersToMask(letters: string): number {
  let mask = 0;
  for (let i = 0; i < letters.length; i++) {
    const code = letters.charCodeAt(i);
    if (code < 128) mask |= CHAR_BITS[code]!;
  }
  return mask;
}

/** The canonical letters for a 4-bit mask (extra bits are ignored). */
export function maskToLetters(mask: number): Letters {
  return CANONICAL_BY_MASK[mask & 15] ?? "";
}

/** True when `letters` is already canonical: a subset of "RACI" in that order. */
export function isCanonicalLetters(letters: unknown): letters is Letters {
  return typeof letters === "string" && MASK_BY_CANONICAL[letters] !== undefined;
}

/**
 * Normalizes letters to the canonical subset of "RACI" in R, A, C, I order.
 * Accepts a string ("ar", "R/A") or any iterable of strings (a Set, an array); every
 * character R, A, C or I in any case counts, everything else is dropped. For free
 * text ("Responsible", "RASCI", "n/a") use {@link parseLetters}, which understands words
 * and reports what it did not understand.
 */
export function normalizeLetters(input: string | Iterable<string> | null | undefined): Letters {
  if (input == null) return "";
  if (typeof input === "string") return maskToLetters(lettersToMask(input));
  let mask = 0;
  for (const part of input) {
    if (typeof part === "string") mask |= lettersToMask(part);
  }
  return maskToLetters(mask);
}

/** Adds `letter` when missing, removes it when present; the result is canonical. */
export function toggleLetter(letters: string, letter: Letter): Letters {
  return maskToLetters(lettersToMask(letters) ^ LETTER_BIT[letter]);
}

/** Adds `letter` (no-op when present); the result is canonical. */
export function addLetter(letters: string, letter: Letter): Letters {
  return maskToLetters(lettersToMask(letters) | LETTER_BIT[letter]);
}

/** Removes `letter` (no-op when absent); the result is canonical. */
export function removeLetter(letters: string, letter: Letter): Letters {
  return maskToLetters(lettersToMask(letters) & ~LETTER_BIT[letter]);
}

/** True when `letters` contain `letter` (case-insensitive, any order). */
export function hasLetter(letters: string, letter: Letter): boolean {
  return (lettersToMask(letters) & LETTER_BIT[letter]) !== 0;
}

/** The letters of a cell as an array, in canonical order. */
export function letterList(letters: string): Letter[] {
  const mask = lettersToMask(letters);
  return LETTERS.filter((l) => (mask & LETTER_BIT[l]) !== 0);
}

/** Display form: "RA" → "R/A", "" → "". */
export function formatLetters(letters: string): string {
  return letterList(letters).join("/");
}

/** Words for letters: "RA" → "Responsible and Accountable", "RAC" → "Responsible, Accountable and Consulted", "" → "no role". */
export function describeLetters(letters: string): string {
  const words = letterList(letters).map((l) => LETTER_WORDS[l]);
  return joinWords(words) || NO_ROLE_TEXT;
}

/**
 * The accessible name of a grid cell, e.g.
 * "Code Reviews and Feedback, Tech Lead: Accountable, 1 finding".
 * The finding count is appended only when it is a positive number: "0 findings" on
 * every clean cell would be noise for screen-reader users.
 */
export function a11yCellLabel(rowTitle: string, columnName: string, letters: string, findingCount?: number): string {
  const base = `${rowTitle}, ${columnName}: ${describeLetters(letters)}`;
  if (findingCount === undefined || !Number.isFinite(findingCount) || findingCount <= 0) return base;
  const n = Math.floor(findingCount);
  return `${base}, ${n} ${n === 1 ? "finding" : "findings"}`;
}

/** "a", "a and b", "a, b and c". */
function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** Result of {@link parseLetters}. */
export interface ParsedLetters {
  /** Canonical letters found in the input. */
  letters: Letters;
  /** Tokens that were not understood, in order of appearance, without duplicates (e.g. "S" from RASCI). */
  unknown: string[];
}

// Whole inputs that mean "nobody here", compared after trimming and lower-casing.
const EMPTY_INPUTS = new Set(["", "-", "--", "—", "–", "/", "n/a", "na", "none", "."]);

// Separators between tokens. Markdown emphasis (*, _, `) and quotes are here too because
// the Markdown and CSV importers feed cells like "**A**" or "'R'" straight in.
const SEPARATORS = /[\s/\\,;:|&+\-–—*_`"'’‘“”.]+/u;

// A Map, not an object literal: a token like "constructor" must not hit Object.prototype.
const WORD_LETTERS: ReadonlyMap<string, Letter> = new Map<string, Letter>([
  ["responsible", "R"],
  ["accountable", "A"],
  ["consulted", "C"],
  ["consult", "C"],
  ["informed", "I"],
  ["inform", "I"],
]);

// People write "R and A"; the conjunction is not a token to report.
const FILLER_WORDS = new Set(["and"]);

// Letters of common RACI variants (RASCI's S, RACI-VS's V, CAIRO's O). A compact token
// made only of these and RACI ("RS", "RASCI") is split per character, so the RACI part
// survives and the variant letter is reported. Any other token is reported whole, so
// that a word like "Lead" does not silently become an "A".
const VARIANT_CHARS = new Set(["S", "V", "O"]);

/** Removes text in parentheses, nested or unclosed: "A (for now)" → "A ". */
function stripParentheses(input: string): string {
  let depth = 0;
  let out = "";
  for (const ch of input) {
    if (ch === "(") depth++;
    else if (ch === ")") {
      if (depth > 0) depth--;
      // A stray ")" with no opener is treated as a separator.
      else out += " ";
    } else if (depth === 0) out += ch;
  }
  return out;
}

/**
 * Liberal parser for letters typed or imported by people: "a / r", "R, A", "A & R",
 * "c/i", "R+A", "ra", "Responsible and Accountable", "**A**" all work. Empty input,
 * whitespace, "-", "—", "–", "/" and "n/a" mean no letters; text in parentheses is
 * ignored. Anything else ends up in `unknown` (e.g. "S" from "RASCI"), so an importer
 * can warn instead of guessing.
 */
export function parseLetters(input: string | null | undefined): ParsedLetters {
  const unknown: string[] = [];
  if (typeof input !== "string") return { letters: "", unknown };
  const text = stripParentheses(input).trim();
  if (EMPTY_INPUTS.has(text.toLowerCase())) return { letters: "", unknown };

  let mask = 0;
  const seen = new Set<string>();
  const report = (token: string): void => {
    const key = token.toUpperCase();
    if (seen.has(key)) return;
    seen.add(key);
    unknown.push(token);
  };

  for (const token of text.split(SEPARATORS)) {
    if (token === "") continue;
    const lower = token.toLowerCase();
    if (FILLER_WORDS.has(lower)) continue;
    const word = WORD_LETTERS.get(lower);
    if (word !== undefined) {
      mask |= LETTER_BIT[word];
      continue;
    }
    const upper = token.toUpperCase();
    if (/^[RACISVO]+$/.test(upper)) {
      for (const ch of upper) {
        if (isLetter(ch)) mask |= LETTER_BIT[ch];
        else if (VARIANT_CHARS.has(ch)) report(ch);
      }
      continue;
    }
    report(token);
  }
  return { letters: maskToLetters(mask), unknown };
}
