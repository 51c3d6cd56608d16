import "server-only";
import type { ImportColumn } from "@/lib/raci/import";

/** A person of the team, as matching needs it. */
export interface TeamPerson {
  id: string;
  name: string;
}

const key = (s: string) => s.trim().replace(/\s+/g, " ").toLocaleLowerCase();

/**
 * Which existing person of the team each import column is (or undefined: a new person
 * will be created), by name, case-insensitive: the full column title first ("Engineering
 * Manager (hiring)"), then the name read from it ("Ana" from "Ana (TL)"). A person is
 * used by one column at most. Preview and save call this same function.
 */
export function matchPeople(columns: readonly ImportColumn[], people: readonly TeamPerson[]): (string | undefined)[] {
  const byName = new Map<string, string>();
  for (const p of people) if (!byName.has(key(p.name))) byName.set(key(p.name), p.id);
  const used = new Set<string>();
  return columns.map((c) => {
    for (const candidate of [c.header, c.name]) {
      const id = byName.get(key(candidate));
      if (id && !used.has(id)) {
        used.add(id);
        return id;
      }
    }
    return undefined;
  });
}
