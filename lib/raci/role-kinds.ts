import type { RoleKind } from "./types";

/** Every role kind, in canonical order (Tech Lead first). */
export const ROLE_KINDS: readonly RoleKind[] = ["TECH_LEAD", "ENGINEERING_MANAGER"];

/** Human names of the role kinds. */
export const ROLE_KIND_NAMES: Readonly<Record<RoleKind, string>> = {
  TECH_LEAD: "Tech Lead",
  ENGINEERING_MANAGER: "Engineering Manager",
};

/** True when `value` is a known role kind. */
export function isRoleKind(value: unknown): value is RoleKind {
  return value === "TECH_LEAD" || value === "ENGINEERING_MANAGER";
}

// Phrases as word sequences, matched on whole words only: this is what keeps "TL" out
// of "Title" and "EM" out of "Member" or "System".
const PHRASES: ReadonlyArray<{ words: readonly string[]; kinds: readonly RoleKind[] }> = [
  { words: ["tech", "lead"], kinds: ["TECH_LEAD"] },
  { words: ["tech", "leader"], kinds: ["TECH_LEAD"] },
  { words: ["techlead"], kinds: ["TECH_LEAD"] },
  { words: ["technical", "lead"], kinds: ["TECH_LEAD"] },
  { words: ["technical", "leader"], kinds: ["TECH_LEAD"] },
  { words: ["tl"], kinds: ["TECH_LEAD"] },
  { words: ["lead", "engineer"], kinds: ["TECH_LEAD"] },
  // Google's "Tech Lead Manager" (TLM) is, by definition, one person holding both roles.
  { words: ["tlm"], kinds: ["TECH_LEAD", "ENGINEERING_MANAGER"] },
  { words: ["tech", "lead", "manager"], kinds: ["TECH_LEAD", "ENGINEERING_MANAGER"] },
  { words: ["engineering", "manager"], kinds: ["ENGINEERING_MANAGER"] },
  { words: ["eng", "manager"], kinds: ["ENGINEERING_MANAGER"] },
  { words: ["em"], kinds: ["ENGINEERING_MANAGER"] },
  { words: ["dev", "manager"], kinds: ["ENGINEERING_MANAGER"] },
  { words: ["development", "manager"], kinds: ["ENGINEERING_MANAGER"] },
  { words: ["software", "engineering", "manager"], kinds: ["ENGINEERING_MANAGER"] },
];

/** Splits a title into lower-case words; anything that is not a letter or digit separates words. */
function words(title: string): string[] {
  return title
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
}

function containsSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) {
      if (haystack[i + j] !== needle[j]) continue outer;
    }
    return true;
  }
  return false;
}

/** Deduplicates role kinds and puts them in canonical order, dropping unknown values. */
export function normalizeRoleKinds(kinds: Iterable<unknown> | null | undefined): RoleKind[] {
  if (kinds == null) return [];
  const set = new Set<unknown>(kinds);
  return ROLE_KINDS.filter((k) => set.has(k));
}

/**
 * Role kinds recognised in a job title, case-insensitive and on whole words:
 * "Senior Tech Lead" → [TECH_LEAD]; "TL/EM" and "Tech Lead & Engineering Manager" → both;
 * "Title", "Member", "System" → none.
 */
export function recognizeRoleKinds(title: string | null | undefined): RoleKind[] {
  if (typeof title !== "string" || title.trim() === "") return [];
  const w = words(title);
  const found = new Set<RoleKind>();
  for (const phrase of PHRASES) {
    if (containsSequence(w, phrase.words)) for (const k of phrase.kinds) found.add(k);
  }
  return normalizeRoleKinds(found);
}

/** Serializes role kinds to the stored form: "TECH_LEAD,ENGINEERING_MANAGER" ("" for none). */
export function serializeRoleKinds(kinds: Iterable<unknown> | null | undefined): string {
  return normalizeRoleKinds(kinds).join(",");
}

/**
 * Parses the stored comma-separated form. Lenient on purpose (whitespace, case, unknown
 * values are dropped): it reads what older or hand-edited rows may contain.
 */
export function parseRoleKinds(stored: string | null | undefined): RoleKind[] {
  if (typeof stored !== "string") return [];
  return normalizeRoleKinds(stored.split(",").map((s) => s.trim().toUpperCase()));
}

/** Inputs of {@link effectiveRoleKinds}, shaped like a stored person/role record. */
export interface RoleKindSource {
  roleTitle: string | null | undefined;
  /** Stored kinds, as an array or in the stored comma-separated form. */
  roleKinds: readonly RoleKind[] | string | null | undefined;
  /** True when someone set the kinds by hand; then the title is not consulted. */
  kindsManual: boolean | null | undefined;
}

/**
 * The kinds the rules should use: the stored kinds when they were set by hand (even
 * when empty, so that "this Tech Lead title is not really a TL" can be expressed),
 * otherwise the kinds recognised from the title.
 */
export function effectiveRoleKinds(source: RoleKindSource): RoleKind[] {
  if (source.kindsManual === true) {
    const stored = source.roleKinds;
    return typeof stored === "string" ? parseRoleKinds(stored) : normalizeRoleKinds(stored);
  }
  return recognizeRoleKinds(source.roleTitle);
}
