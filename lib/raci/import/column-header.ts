/**
 * How a person or role is written as a column title, both ways: "Ana Lima (Tech Lead)"
 * is the person Ana Lima whose role title is Tech Lead; "Engineering Manager" alone is
 * a role of that name. The CSV/XLSX export writes titles with {@link formatColumnHeader}
 * and the importer reads them with {@link parseColumnHeader}, so a round trip keeps both.
 */
import { recognizeRoleKinds } from "../role-kinds";
import type { RoleKind } from "../types";

/** A column title read back: who, with what role title, and the role kinds that title implies. */
export interface ParsedColumnHeader {
  name: string;
  roleTitle: string;
  roleKinds: RoleKind[];
}

/** The column title of a person: "Name (Role title)", or just the name when the title adds nothing. */
export function formatColumnHeader(name: string, roleTitle: string): string {
  const n = name.trim();
  const t = roleTitle.trim();
  if (!t || t.toLocaleLowerCase() === n.toLocaleLowerCase()) return n;
  return `${n} (${t})`;
}

// "Name (Title)": the last parenthesised group at the very end, holding no parentheses.
const WITH_TITLE = /^(.*?\S)\s*\(([^()]*)\)\s*$/su;

/**
 * Reads a column title. "Ana (TL)" → Ana, role title "TL", Tech Lead. Without a
 * parenthesised title the whole title is the name, and it is also the role title when
 * it names a role ("Tech Lead", "EM") so that role kinds are recognised from it. A role
 * with a note, "Engineering Manager (hiring)", stays whole: the note is not a role title.
 */
export function parseColumnHeader(header: string): ParsedColumnHeader {
  const text = header.replace(/\s+/gu, " ").trim();
  const m = WITH_TITLE.exec(text);
  const before = m?.[1]?.trim() ?? "";
  const inside = m?.[2]?.trim() ?? "";
  if (m && before && inside) {
    const insideKinds = recognizeRoleKinds(inside);
    if (insideKinds.length > 0) return { name: before, roleTitle: inside, roleKinds: insideKinds };
    const beforeKinds = recognizeRoleKinds(before);
    if (beforeKinds.length > 0) return { name: text, roleTitle: before, roleKinds: beforeKinds };
    return { name: before, roleTitle: inside, roleKinds: [] };
  }
  const name = m && before ? before : text;
  const kinds = recognizeRoleKinds(name);
  return { name, roleTitle: kinds.length > 0 ? name : "", roleKinds: kinds };
}
