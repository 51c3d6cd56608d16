/**
 * The pure rules of a facilitated workshop: counting the silent votes on one
 * responsibility, the majority the facilitator starts from, where people disagree, how
 * far a decision matches the votes, and which items were the most contested. No
 * framework imports: the server, the projector view and the summary PDF share these.
 */
import { LETTERS, LETTER_BIT, lettersToMask, maskToLetters } from "./letters";
import type { Letter, Letters } from "./types";

/** One person's letters for a row: `{ [personId]: letters }` (missing = no letters). */
export type RowLetters = Readonly<Record<string, Letters>>;

/** A vote on one item: letters per column, or skipped ("I don't know / no opinion"). */
export interface Ballot {
  letters: RowLetters;
  skipped: boolean;
}

/** A column of the matrix as the tally needs it. */
export interface TallyColumn {
  personId: string;
  name: string;
}

/** How many votes gave each letter to one column. */
export interface ColumnTally {
  personId: string;
  name: string;
  counts: Record<Letter, number>;
}

export interface Tally {
  /** Votes with letters (skips excluded): the base of every share. */
  voters: number;
  skipped: number;
  columns: ColumnTally[];
}

/** One place where the votes are split. */
export type Disagreement =
  | {
      kind: "accountable";
      /** Columns people named Accountable, most votes first. */
      options: { personId: string; name: string; votes: number }[];
      message: string;
    }
  | {
      kind: "letter";
      personId: string;
      name: string;
      letter: Letter;
      /** Votes giving this column the letter, and votes not giving it. */
      yes: number;
      no: number;
      message: string;
    };

export interface MajorityDecision {
  /** The letters to pre-fill, per column (only columns with letters). */
  letters: Record<string, Letters>;
  /**
   * Set when the Accountable could not be settled by the votes: the columns tied for the
   * most A votes. The facilitator picks; nothing is pre-filled for A.
   */
  accountableTie: { personId: string; name: string; votes: number }[] | null;
}

/**
 * A column's letter counts as contested when the smaller side (for or against) holds at
 * least this share of the votes: 3 against 4 is contested, 1 against 6 is not.
 */
export const CONTESTED_MIN_SHARE = 0.3;

const A_BIT = LETTER_BIT.A;

function emptyCounts(): Record<Letter, number> {
  return { R: 0, A: 0, C: 0, I: 0 };
}

function lettersOf(row: RowLetters, personId: string): number {
  const v = Object.prototype.hasOwnProperty.call(row, personId) ? row[personId] : undefined;
  return typeof v === "string" ? lettersToMask(v) : 0;
}

/** Counts the votes on one item per column and letter. Votes for unknown columns are ignored. */
export function tallyVotes(columns: readonly TallyColumn[], ballots: readonly Ballot[]): Tally {
  const out: ColumnTally[] = columns.map((c) => ({ personId: c.personId, name: c.name, counts: emptyCounts() }));
  let voters = 0;
  let skipped = 0;
  for (const b of ballots) {
    if (b.skipped) {
      skipped++;
      continue;
    }
    voters++;
    for (const col of out) {
      const mask = lettersOf(b.letters, col.personId);
      for (const l of LETTERS) if (mask & LETTER_BIT[l]) col.counts[l]++;
    }
  }
  return { voters, skipped, columns: out };
}

/** Columns with at least one A vote, most A votes first (ties keep column order). */
function accountableOptions(tally: Tally): { personId: string; name: string; votes: number }[] {
  return tally.columns
    .filter((c) => c.counts.A > 0)
    .map((c) => ({ personId: c.personId, name: c.name, votes: c.counts.A }))
    .sort((a, b) => b.votes - a.votes);
}

/**
 * The decision to pre-fill: for R, C and I, a column gets the letter when more than half
 * of the voters gave it. A row has exactly one Accountable, so A is settled across
 * columns: it goes to the column most voters named Accountable, provided more than half
 * of the voters named one at all (a ballot naming two counts once). When two or more
 * columns tie for the most A votes, A is left out and `accountableTie` says between whom.
 */
export function majorityDecision(tally: Tally, ballots: readonly Ballot[]): MajorityDecision {
  const letters: Record<string, Letters> = {};
  let accountableTie: MajorityDecision["accountableTie"] = null;
  const half = tally.voters / 2;
  for (const col of tally.columns) {
    let mask = 0;
    for (const l of ["R", "C", "I"] as const) if (col.counts[l] > half) mask |= LETTER_BIT[l];
    if (mask) letters[col.personId] = maskToLetters(mask);
  }
  const ids = tally.columns.map((c) => c.personId);
  const namingA = ballots.filter((b) => !b.skipped && ids.some((id) => (lettersOf(b.letters, id) & A_BIT) !== 0));
  const options = accountableOptions(tally);
  if (options.length > 0 && namingA.length > half) {
    const top = options[0]!.votes;
    const tied = options.filter((o) => o.votes === top);
    if (tied.length === 1) {
      const id = tied[0]!.personId;
      letters[id] = maskToLetters(lettersToMask(letters[id] ?? "") | A_BIT);
    } else {
      accountableTie = tied;
    }
  }
  return { letters, accountableTie };
}

function says(n: number): string {
  return `${n} ${n === 1 ? "says" : "say"}`;
}

/**
 * Where the votes are split: the Accountable given to different columns ("4 say Tech
 * Lead is A, 3 say Engineering Manager"), then each column and letter where the smaller
 * side holds at least {@link CONTESTED_MIN_SHARE} of the votes ("3 say Ana is C, 4 say
 * not"). Needs two voters or more.
 */
export function findDisagreements(tally: Tally): Disagreement[] {
  const out: Disagreement[] = [];
  if (tally.voters < 2) return out;
  const options = accountableOptions(tally);
  if (options.length > 1) {
    const [first, ...rest] = options;
    const message = `${says(first!.votes)} ${first!.name} is A, ${rest.map((o) => `${o.votes} say ${o.name}`).join(", ")}`;
    out.push({ kind: "accountable", options, message: message.replace(/\b1 say\b/g, "1 says") });
  }
  for (const col of tally.columns) {
    for (const letter of LETTERS) {
      const yes = col.counts[letter];
      const no = tally.voters - yes;
      if (Math.min(yes, no) / tally.voters < CONTESTED_MIN_SHARE) continue;
      // A split between columns is reported once, above; a lone column split on A is not.
      if (letter === "A" && options.length > 1) continue;
      out.push({
        kind: "letter",
        personId: col.personId,
        name: col.name,
        letter,
        yes,
        no,
        message: `${says(yes)} ${col.name} is ${letter}, ${no} ${no === 1 ? "says" : "say"} not`,
      });
    }
  }
  return out;
}

/** True when two rows hold the same letters in every given column. */
export function sameRowLetters(a: RowLetters, b: RowLetters, personIds: readonly string[]): boolean {
  return personIds.every((id) => lettersOf(a, id) === lettersOf(b, id));
}

/**
 * The agreement of a decision: the share of votes (skips excluded) whose letters for the
 * row equal the decision exactly, column by column. null when nobody voted.
 */
export function agreementScore(
  ballots: readonly Ballot[],
  decision: RowLetters,
  personIds: readonly string[],
): number | null {
  const votes = ballots.filter((b) => !b.skipped);
  if (votes.length === 0) return null;
  const matching = votes.filter((b) => sameRowLetters(b.letters, decision, personIds)).length;
  return matching / votes.length;
}

/** "75%" for 0.75; "—" when there were no votes. */
export function formatAgreement(agreement: number | null): string {
  return agreement === null ? "—" : `${Math.round(agreement * 100)}%`;
}

export interface ContestableItem {
  id: string;
  agreement: number | null;
  voteCount: number;
}

/**
 * The decided items with votes, least agreement first (more votes first on a tie, then
 * agenda order): the ones the team should look at again.
 */
export function mostContested<T extends ContestableItem>(items: readonly T[], limit = 5): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => item.agreement !== null && item.voteCount > 0 && item.agreement < 1)
    .sort(
      (a, b) =>
        (a.item.agreement ?? 1) - (b.item.agreement ?? 1) || b.item.voteCount - a.item.voteCount || a.index - b.index,
    )
    .slice(0, Math.max(0, limit))
    .map(({ item }) => item);
}

/** A decision keeps at most one A per row: true when it names two or more Accountables. */
export function hasSeveralAccountable(letters: RowLetters): boolean {
  return Object.values(letters).filter((l) => typeof l === "string" && (lettersToMask(l) & A_BIT) !== 0).length > 1;
}

/** The letters worth storing: canonical, empty columns dropped. */
export function compactRowLetters(letters: RowLetters): Record<string, Letters> {
  const out: Record<string, Letters> = {};
  for (const [id, l] of Object.entries(letters)) {
    const canonical = typeof l === "string" ? maskToLetters(lettersToMask(l)) : "";
    if (canonical) out[id] = canonical;
  }
  return out;
}

/** An agenda item as navigation needs it, in agenda order. */
export interface AgendaEntry {
  id: string;
  status: "pending" | "decided" | "parked";
}

/**
 * Where "next" goes: the first pending item after the current one, else the first
 * pending one from the top (the current item excluded); null when nothing is pending
 * (parked items wait until they are brought back).
 */
export function nextItemId(agenda: readonly AgendaEntry[], currentId: string | null): string | null {
  const at = currentId === null ? -1 : agenda.findIndex((i) => i.id === currentId);
  const after = agenda.slice(at + 1).find((i) => i.status === "pending");
  if (after) return after.id;
  return agenda.slice(0, Math.max(0, at)).find((i) => i.status === "pending")?.id ?? null;
}

/**
 * Where "back" goes: the item just before the current one, whatever its status (the
 * facilitator revisits a decision); the last item once the agenda is done; the first
 * item stays put.
 */
export function previousItemId(agenda: readonly AgendaEntry[], currentId: string | null): string | null {
  if (agenda.length === 0) return null;
  if (currentId === null) return agenda.at(-1)!.id;
  const at = agenda.findIndex((i) => i.id === currentId);
  if (at <= 0) return agenda[0]!.id;
  return agenda[at - 1]!.id;
}
