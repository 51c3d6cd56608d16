/** A URL slug from a name: lower-case ASCII letters, digits and single dashes. */
// Letters that Unicode does not decompose into a base letter plus a mark.
const FOLD: Record<string, string> = { ø: "o", æ: "ae", œ: "oe", ß: "ss", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i" };

export function slugify(name: string, maxLength = 40): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[øæœßłđðþı]/g, (ch) => FOLD[ch] ?? ch)
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/g, "");
  return slug || "team";
}

/** Candidate slugs: the base, then base-2, base-3, … */
export function slugCandidate(base: string, attempt: number): string {
  return attempt === 0 ? base : `${base}-${attempt + 1}`;
}
