import { formatLetters, lettersToMask, maskToLetters } from "./letters";
import { DEFAULT_SETTINGS, DEFAULT_SEVERITY, FINDING_CODES } from "./rules";
import type { CellPatch, Finding, FindingCode, Fix, Letters, RaciMatrix, RaciSettings, Severity } from "./types";

// Letter bits, as in letters.ts (R=1, A=2, C=4, I=8).
const R = 1;
const A = 2;
const C = 4;

// Column kind bits.
const TL = 1;
const EM = 2;
const BOTH = TL | EM;

// Row domain codes.
const NO_DOMAIN = 0;
const SYSTEM = 1;
const PEOPLE = 2;
const SHARED = 3;

/**
 * At most this many alternative fixes per finding. Fixes are "a choice among few": on a
 * 100-person matrix, 100 "Make X accountable" buttons help nobody, and building them for
 * every row would dominate the run time. The best candidates come first (see `rank`).
 */
export const MAX_FIX_CHOICES = 6;

/**
 * In share mode, PERSON_OVERLOADED needs at least this many rows: on a 3-row matrix one
 * A is already 33% and two are 67%, so a share says nothing about load.
 */
export const OVERLOAD_MIN_ROWS = 5;

/**
 * In share mode the limit is never below this multiple of a fair share (100% divided by
 * the number of people holding any letter). Reason: with two people (a Tech Lead and an
 * Engineering Manager splitting System and People items) each is A on about half the
 * rows; that is the matrix working as intended, not overload, yet it is above the 40%
 * default. With 2 people the effective limit is 75%, with 3 it is 50%, from 4 people on
 * the configured share (40%) applies unchanged. A single person is never "overloaded"
 * in share mode: there is nobody to share with. Count mode is an absolute limit the
 * team chose, so it is applied as is.
 */
export const OVERLOAD_FAIR_SHARE_FACTOR = 1.5;

const SYSTEM_PRINCIPLE = "The Tech Lead is in charge of the System, the Engineering Manager of the People.";

interface Limits {
  on: Readonly<Record<FindingCode, boolean>>;
  maxResponsible: number;
  maxConsulted: number;
  mode: "share" | "count";
  maxShare: number;
  maxCount: number;
  tl: { min: number; max: number };
  em: { min: number; max: number };
}

function finiteOr(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

function rangeOr(value: unknown, fallback: { min: number; max: number }): { min: number; max: number } {
  const v = (value ?? {}) as { min?: unknown; max?: unknown };
  return { min: finiteOr(v.min, fallback.min), max: finiteOr(v.max, fallback.max) };
}

// Settings normally come through raciSettingsSchema, but computeFindings is total: a
// hand-built or stale settings object falls back to defaults field by field instead of
// throwing. No zod here because this runs on every edit.
function limitsOf(settings: unknown): Limits {
  const s = (settings && typeof settings === "object" ? settings : {}) as Partial<RaciSettings>;
  const d = DEFAULT_SETTINGS;
  const disabled = new Set<unknown>(Array.isArray(s.disabledRules) ? s.disabledRules : []);
  const on = {} as Record<FindingCode, boolean>;
  for (const code of FINDING_CODES) on[code] = !disabled.has(code);
  const overload = (s.overload ?? {}) as Partial<RaciSettings["overload"]>;
  const coding = (s.codingRange ?? {}) as Partial<RaciSettings["codingRange"]>;
  return {
    on,
    maxResponsible: finiteOr(s.maxResponsible, d.maxResponsible),
    maxConsulted: finiteOr(s.maxConsulted, d.maxConsulted),
    mode: overload.mode === "count" || overload.mode === "share" ? overload.mode : d.overload.mode,
    maxShare: finiteOr(overload.maxShare, d.overload.maxShare),
    maxCount: finiteOr(overload.maxCount, d.overload.maxCount),
    tl: rangeOr(coding.techLead, d.codingRange.techLead),
    em: rangeOr(coding.engineeringManager, d.codingRange.engineeringManager),
  };
}

function domainCode(domain: unknown): number {
  if (domain === "SYSTEM") return SYSTEM;
  if (domain === "PEOPLE") return PEOPLE;
  if (domain === "SHARED") return SHARED;
  return NO_DOMAIN;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

/** "Ana", "Ana and Ben", "Ana, Ben and Cy", "Ana, Ben, Cy, Dee and 3 others". */
function listNames(names: readonly string[], max = 4): string {
  if (names.length <= 1) return names[0] ?? "";
  if (names.length > max) {
    const rest = names.length - max;
    return `${names.slice(0, max).join(", ")} and ${rest} ${rest === 1 ? "other" : "others"}`;
  }
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Computes every finding of a matrix. Pure and total: it never throws, whatever the
 * input (empty matrix, one column, duplicate titles, rows without domain, malformed
 * settings); cells that refer to unknown rows or columns are ignored, and of duplicate
 * row or column ids the first one wins.
 *
 * Order is deterministic: rows in matrix order (per row: EMPTY_ROW/NO_ACCOUNTABLE,
 * MULTIPLE_ACCOUNTABLE or TLEM_BOTH_ACCOUNTABLE, NO_RESPONSIBLE, TOO_MANY_RESPONSIBLE,
 * TOO_MANY_CONSULTED, TLEM_DOMAIN_MISMATCH, TLEM_SHARED_EXCLUDED), then columns in
 * matrix order (PERSON_OVERLOADED, PERSON_UNASSIGNED, TLEM_NO_COVER,
 * CODING_TIME_OUT_OF_RANGE), then TLEM_ROLE_MISSING.
 *
 * A more specific rule replaces a general one: EMPTY_ROW is the only finding of an empty
 * row (no NO_ACCOUNTABLE, NO_RESPONSIBLE or TLEM_SHARED_EXCLUDED on top), and
 * TLEM_BOTH_ACCOUNTABLE replaces MULTIPLE_ACCOUNTABLE. Switching the specific rule off
 * brings the general ones back, because the row still has the problem.
 *
 * A column holding both kinds (one person as Tech Lead and Engineering Manager) is never
 * "both accountable" on its own, is never in a domain mismatch, covers both sides of a
 * shared row with one letter, is not asked to cover for itself (TLEM_NO_COVER), and its
 * coding share is checked against the union of both ranges (by default 0–70%).
 */
export function computeFindings(matrix: RaciMatrix): Finding[] {
  const out: Finding[] = [];
  const m = (isObject(matrix) ? matrix : {}) as Partial<RaciMatrix>;
  const lim = limitsOf(m.settings);
  const on = lim.on;

  // ---- Columns: precomputed parallel arrays, so the cell loop touches no objects.
  const colIds: string[] = [];
  const colNames: string[] = [];
  const colShares: (number | null)[] = [];
  const kindList: number[] = [];
  const colIndex = new Map<string, number>();
  for (const col of Array.isArray(m.columns) ? m.columns : []) {
    if (!isObject(col) || typeof col.id !== "string" || colIndex.has(col.id)) continue;
    colIndex.set(col.id, colIds.length);
    colIds.push(col.id);
    colNames.push(text(col.name) || text(col.roleTitle) || "Unnamed person");
    colShares.push(typeof col.codingShare === "number" && Number.isFinite(col.codingShare) ? col.codingShare : null);
    let k = 0;
    if (Array.isArray(col.roleKinds)) {
      for (const kind of col.roleKinds) {
        if (kind === "TECH_LEAD") k |= TL;
        else if (kind === "ENGINEERING_MANAGER") k |= EM;
      }
    }
    kindList.push(k);
  }
  const nCols = colIds.length;
  const kinds = Uint8Array.from(kindList);
  let tlCols = 0;
  let emCols = 0;
  let pureTlCols = 0;
  let pureEmCols = 0;
  let firstDual = -1;
  let firstTl = -1;
  let firstEm = -1;
  for (let c = 0; c < nCols; c++) {
    const k = kinds[c]!;
    if (k & TL) {
      tlCols++;
      if (firstTl < 0) firstTl = c;
    }
    if (k & EM) {
      emCols++;
      if (firstEm < 0) firstEm = c;
    }
    if (k === TL) pureTlCols++;
    if (k === EM) pureEmCols++;
    if (k === BOTH && firstDual < 0) firstDual = c;
  }

  // ---- Per-column accumulators filled during the single row pass.
  const aCount = new Int32Array(nCols);
  const letterCount = new Int32Array(nCols);
  const onSystem = new Uint8Array(nCols);
  const onPeople = new Uint8Array(nCols);
  // The current row's masks by column index, reused for every row: the slow paths
  // (messages, fixes) read it instead of re-reading cells, and nothing is allocated per cell.
  const scratch = new Uint8Array(nCols);

  const cells = isObject(m.cells) ? m.cells : {};
  const seenRows = new Set<string>();
  let nRows = 0;
  let systemRows = 0;
  let peopleRows = 0;
  let domainRows = 0;

  const rows = Array.isArray(m.rows) ? m.rows : [];
  // One context object for all rows; the row fields are overwritten before each use.
  const ctx: RowContext = { rowId: "", title: "", dom: NO_DOMAIN, nCols, scratch, kinds, colIds, colNames, out };
  for (const row of rows) {
    if (!isObject(row) || typeof row.id !== "string" || seenRows.has(row.id)) continue;
    seenRows.add(row.id);
    nRows++;
    const rowId = row.id;
    const title = text(row.title) || "Untitled item";
    const dom = domainCode(row.domain);
    if (dom !== NO_DOMAIN) domainRows++;
    if (dom === SYSTEM) systemRows++;
    else if (dom === PEOPLE) peopleRows++;

    const raw = Object.prototype.hasOwnProperty.call(cells, rowId) ? cells[rowId] : undefined;
    const rowCells = isObject(raw) ? raw : undefined;

    let nR = 0;
    let nA = 0;
    let nC = 0;
    let nAny = 0;
    let firstA = -1;
    let tlA = 0;
    let emA = 0;
    let dualA = 0;
    let tlLetter = false;
    let emLetter = false;
    scratch.fill(0);
    if (rowCells !== undefined) {
      // Walk the row's own entries rather than probing every column id: rows are sparse,
      // and a miss on a dictionary-mode object (JSON from the API) costs as much as a hit.
      // for-in measured fastest across object shapes (JSON-parsed, built by assignment,
      // Object.fromEntries) and, unlike Object.keys/entries, builds no array per row.
      for (const key in rowCells) {
        const v = rowCells[key];
        if (typeof v !== "string" || v === "") continue;
        const c = colIndex.get(key);
        if (c === undefined) continue;
        const mask = lettersToMask(v);
        if (mask === 0) continue;
        scratch[c] = mask;
        nAny++;
        letterCount[c]!++;
        const k = kinds[c]!;
        if (mask & R) nR++;
        if (mask & C) nC++;
        if (mask & A) {
          nA++;
          aCount[c]!++;
          if (firstA < 0 || c < firstA) firstA = c;
          if (k & TL) tlA++;
          if (k & EM) emA++;
          if (k === BOTH) dualA++;
        }
        if (k & TL) tlLetter = true;
        if (k & EM) emLetter = true;
        if (dom === SYSTEM) onSystem[c] = 1;
        else if (dom === PEOPLE) onPeople[c] = 1;
      }
    }

    ctx.rowId = rowId;
    ctx.title = title;
    ctx.dom = dom;

    if (nAny === 0 && on.EMPTY_ROW) {
      emptyRow(ctx);
      continue;
    }
    if (nA === 0 && on.NO_ACCOUNTABLE) noAccountable(ctx);
    if (nA > 1) {
      // A distinct TL-kind and EM-kind pair among the A's; a lone dual-role A is one person.
      const tlEmPair = tlA >= 1 && emA >= 1 && !(tlA === 1 && emA === 1 && dualA === 1);
      if (tlEmPair && on.TLEM_BOTH_ACCOUNTABLE) bothAccountable(ctx);
      else if (on.MULTIPLE_ACCOUNTABLE) multipleAccountable(ctx);
    }
    if (nR === 0 && on.NO_RESPONSIBLE) noResponsible(ctx, nA, firstA);
    if (nR > lim.maxResponsible && on.TOO_MANY_RESPONSIBLE) tooMany(ctx, "R", nR, lim.maxResponsible);
    if (nC > lim.maxConsulted && on.TOO_MANY_CONSULTED) tooMany(ctx, "C", nC, lim.maxConsulted);
    // With several A's the row already has an error about who owns it; a mismatch on
    // top would point at one of them arbitrarily.
    if (nA === 1 && on.TLEM_DOMAIN_MISMATCH) {
      const k = kinds[firstA]!;
      if (dom === SYSTEM && k === EM && tlCols > 0) domainMismatch(ctx, firstA, TL);
      else if (dom === PEOPLE && k === TL && emCols > 0) domainMismatch(ctx, firstA, EM);
    }
    if (dom === SHARED && on.TLEM_SHARED_EXCLUDED) {
      let tlReported = false;
      if (!tlLetter && tlCols > 0) {
        sharedExcluded(ctx, TL);
        tlReported = true;
      }
      // When every EM-kind column is also TL-kind (one person in both roles), the TL
      // finding above already named that person.
      if (!emLetter && emCols > 0 && !(tlReported && pureEmCols === 0)) sharedExcluded(ctx, EM);
    }
  }

  // ---- Column rules.
  let holders = 0;
  for (let c = 0; c < nCols; c++) if (letterCount[c]! > 0) holders++;
  const shareLimit = holders > 0 ? Math.max(lim.maxShare, (OVERLOAD_FAIR_SHARE_FACTOR * 100) / holders) : Infinity;

  for (let c = 0; c < nCols; c++) {
    const personId = colIds[c]!;
    const name = colNames[c]!;
    const k = kinds[c]!;
    const a = aCount[c]!;

    if (on.PERSON_OVERLOADED && a > 0) {
      if (lim.mode === "count") {
        if (a > lim.maxCount) {
          push(out, "PERSON_OVERLOADED", {
            personId,
            message: `${name} is accountable for ${a} items, more than the limit of ${lim.maxCount}. One person owning that much becomes a bottleneck: hand some A's to others.`,
          });
        }
      } else if (nRows >= OVERLOAD_MIN_ROWS && a * 100 > shareLimit * nRows) {
        const pct = Math.round((a * 100) / nRows);
        const limitText = formatPercent(shareLimit);
        const raised =
          shareLimit > lim.maxShare
            ? ` (raised from ${formatPercent(lim.maxShare)} because only ${plural(holders, "person holds", "people hold")} letters here)`
            : "";
        push(out, "PERSON_OVERLOADED", {
          personId,
          message: `${name} is accountable for ${a} of ${nRows} items (${pct}%), above the ${limitText} limit${raised}. One person owning that much becomes a bottleneck: hand some A's to others.`,
        });
      }
    }

    if (on.PERSON_UNASSIGNED && nRows > 0 && letterCount[c] === 0) {
      push(out, "PERSON_UNASSIGNED", {
        personId,
        message: `${name} has no letter on any item. Give them responsibilities, or remove them from this matrix.`,
      });
    }

    if (on.TLEM_NO_COVER) {
      if (k === EM && systemRows > 0 && onSystem[c] === 0) {
        push(out, "TLEM_NO_COVER", {
          personId,
          message: `${name}, the Engineering Manager, has no letter on any System item, so cannot act as Tech Lead when required. Make ${name} at least C or I on some System items.`,
        });
      } else if (k === TL && peopleRows > 0 && onPeople[c] === 0) {
        push(out, "TLEM_NO_COVER", {
          personId,
          message: `${name}, the Tech Lead, has no letter on any People item, so cannot act as Engineering Manager when required. Make ${name} at least C or I on some People items.`,
        });
      }
    }

    const share = colShares[c];
    if (on.CODING_TIME_OUT_OF_RANGE && share != null && k !== 0) {
      const codingMessage = codingTime(name, k, share, lim);
      if (codingMessage !== null) push(out, "CODING_TIME_OUT_OF_RANGE", { personId, message: codingMessage });
    }
  }

  // ---- Matrix rules.
  if (on.TLEM_ROLE_MISSING && domainRows > 0) {
    const split = "The Tech Lead is in charge of the System, the Engineering Manager of the People";
    if (tlCols === 0 && emCols === 0) {
      push(out, "TLEM_ROLE_MISSING", {
        message: `This matrix has System, People or Shared items but no Tech Lead and no Engineering Manager. ${split}: add both roles (vacant if nobody holds them yet), or set the role kind of the people who do.`,
      });
    } else if (tlCols === 0) {
      push(out, "TLEM_ROLE_MISSING", {
        personId: colIds[firstEm]!,
        message: `This matrix has System, People or Shared items and an Engineering Manager (${colNames[firstEm]}) but no Tech Lead. ${split}: add the Tech Lead role, even as a vacant one.`,
      });
    } else if (emCols === 0) {
      push(out, "TLEM_ROLE_MISSING", {
        personId: colIds[firstTl]!,
        message: `This matrix has System, People or Shared items and a Tech Lead (${colNames[firstTl]}) but no Engineering Manager. ${split}: add the Engineering Manager role, even as a vacant one.`,
      });
    } else if ((pureTlCols === 0 || pureEmCols === 0) && firstDual >= 0) {
      push(out, "TLEM_ROLE_MISSING", {
        severity: "info",
        personId: colIds[firstDual]!,
        message: `${colNames[firstDual]} is both the Tech Lead and the Engineering Manager. That is fine for a small team; as the system and the team grow, consider giving the two roles to different people.`,
      });
    }
  }

  return out;
}

function formatPercent(value: number): string {
  return `${Math.round(value * 10) / 10}%`;
}

function codingTime(name: string, k: number, share: number, lim: Limits): string | null {
  const s = formatPercent(share);
  if (k === TL) {
    if (share < lim.tl.min || share > lim.tl.max) {
      const side = share < lim.tl.min ? "below" : "above";
      return `${name}, the Tech Lead, codes about ${s} of the time, ${side} the ${formatPercent(lim.tl.min)} to ${formatPercent(lim.tl.max)} range for a Tech Lead. ${side === "below" ? "A Tech Lead who stops coding loses touch with the System." : "Little time is left to lead the System."}`;
    }
    return null;
  }
  if (k === EM) {
    // The brief's rule is "above the range"; with the default minimum of 0% that is the
    // only way out. A team that sets a minimum gets it checked too.
    if (share > lim.em.max) {
      return `${name}, the Engineering Manager, codes about ${s} of the time, above the ${formatPercent(lim.em.max)} maximum for an Engineering Manager. The People side suffers when the manager is mostly coding.`;
    }
    if (share < lim.em.min) {
      return `${name}, the Engineering Manager, codes about ${s} of the time, below the ${formatPercent(lim.em.min)} minimum set for this team.`;
    }
    return null;
  }
  // One person in both roles legitimately codes anywhere between the two ranges, so only
  // the outer bounds of their union apply (0% to 70% by default).
  const min = Math.min(lim.tl.min, lim.em.min);
  const max = Math.max(lim.tl.max, lim.em.max);
  if (share > max) {
    return `${name} is both Tech Lead and Engineering Manager and codes about ${s} of the time, above the ${formatPercent(max)} that leaves room for both roles.`;
  }
  if (share < min) {
    return `${name} is both Tech Lead and Engineering Manager and codes about ${s} of the time, below the ${formatPercent(min)} minimum set for this team.`;
  }
  return null;
}

function push(
  out: Finding[],
  code: FindingCode,
  f: { message: string; responsibilityId?: string; personId?: string; severity?: Severity; fix?: Fix[] },
): void {
  const finding: Finding = { code, severity: f.severity ?? DEFAULT_SEVERITY[code], message: f.message };
  if (f.responsibilityId !== undefined) finding.responsibilityId = f.responsibilityId;
  if (f.personId !== undefined) finding.personId = f.personId;
  if (f.fix !== undefined && f.fix.length > 0) finding.fix = f.fix;
  out.push(finding);
}

// ---- Row rules (slow paths: they run only when a rule fires).

interface RowContext {
  rowId: string;
  title: string;
  dom: number;
  nCols: number;
  /** Masks of the current row, by column index. */
  scratch: Uint8Array;
  kinds: Uint8Array;
  colIds: readonly string[];
  colNames: readonly string[];
  out: Finding[];
}

function patchOf(ctx: RowContext, c: number, mask: number): CellPatch {
  return { responsibilityId: ctx.rowId, personId: ctx.colIds[c]!, letters: maskToLetters(mask) };
}

function nameOf(ctx: RowContext, c: number): string {
  return ctx.colNames[c]!;
}

function columnsWith(ctx: RowContext, bit: number): number[] {
  const found: number[] = [];
  for (let c = 0; c < ctx.nCols; c++) if (ctx.scratch[c]! & bit) found.push(c);
  return found;
}

/** Kind bit of the domain's owner: Tech Lead for System, Engineering Manager for People. */
function ownerKind(dom: number): number {
  if (dom === SYSTEM) return TL;
  if (dom === PEOPLE) return EM;
  if (dom === SHARED) return BOTH;
  return 0;
}

/**
 * Up to MAX_FIX_CHOICES column indices from `pool` (all columns when omitted), best
 * first: the domain's owner (pure role before a dual-role column), then columns holding
 * `preferBit` on this row, then the rest in column order.
 */
function rank(ctx: RowContext, preferBit: number, exclude: number = -1, pool?: readonly number[]): number[] {
  const owner = ownerKind(ctx.dom);
  const tiers: number[][] = [[], [], [], []];
  const consider = (c: number): void => {
    if (c === exclude) return;
    const k = ctx.kinds[c]!;
    let tier = 3;
    if (owner !== 0 && (k & owner) !== 0) tier = k === BOTH && owner !== BOTH ? 1 : 0;
    else if (preferBit !== 0 && (ctx.scratch[c]! & preferBit) !== 0) tier = 2;
    tiers[tier]!.push(c);
  };
  if (pool) for (const c of pool) consider(c);
  else for (let c = 0; c < ctx.nCols; c++) consider(c);
  const ranked: number[] = [];
  for (const tier of tiers) {
    for (const c of tier) {
      if (ranked.length >= MAX_FIX_CHOICES) return ranked;
      ranked.push(c);
    }
  }
  return ranked;
}

/** The letters a former A keeps: the rest of their letters, or C if nothing is left. */
function withoutA(mask: number): number {
  const rest = mask & ~A;
  return rest === 0 ? C : rest;
}

function describeDemotion(ctx: RowContext, c: number): string {
  const rest = ctx.scratch[c]! & ~A;
  return rest === 0 ? `${nameOf(ctx, c)} becomes C` : `${nameOf(ctx, c)} keeps ${formatLetters(maskToLetters(rest))}`;
}

function emptyRow(ctx: RowContext): void {
  const fix: Fix[] = rank(ctx, 0).map((c) => ({
    label: `Make ${nameOf(ctx, c)} R/A`,
    patches: [patchOf(ctx, c, R | A)],
  }));
  push(ctx.out, "EMPTY_ROW", {
    responsibilityId: ctx.rowId,
    message: `“${ctx.title}” has no letters at all: nobody owns it, does it, or hears about it. Give it at least one accountable (A) and one responsible (R) person.`,
    fix,
  });
}

function noAccountable(ctx: RowContext): void {
  const fix: Fix[] = rank(ctx, R).map((c) => ({
    label: `Make ${nameOf(ctx, c)} accountable`,
    patches: [patchOf(ctx, c, ctx.scratch[c]! | A)],
  }));
  push(ctx.out, "NO_ACCOUNTABLE", {
    responsibilityId: ctx.rowId,
    message: `Nobody is accountable (A) for “${ctx.title}”. Exactly one person should own the outcome.`,
    fix,
  });
}

/** One fix per A-holder: that person stays A, the others drop A (and become C if left empty). */
function keepOnlyFixes(ctx: RowContext, holders: readonly number[]): Fix[] {
  return rank(ctx, 0, -1, holders).map((keep) => {
    const others = holders.filter((o) => o !== keep);
    const detail =
      others.length <= 3
        ? others.map((o) => describeDemotion(ctx, o)).join(", ")
        : `the ${others.length} others drop A; anyone left without letters becomes C`;
    return {
      label: `Keep ${nameOf(ctx, keep)} as the only A (${detail})`,
      patches: others.map((o) => patchOf(ctx, o, withoutA(ctx.scratch[o]!))),
    };
  });
}

function multipleAccountable(ctx: RowContext): void {
  const holders = columnsWith(ctx, A);
  push(ctx.out, "MULTIPLE_ACCOUNTABLE", {
    responsibilityId: ctx.rowId,
    message: `“${ctx.title}” has ${holders.length} people accountable (${listNames(holders.map((c) => nameOf(ctx, c)))}). With more than one A, each can assume the other decides: keep exactly one.`,
    fix: keepOnlyFixes(ctx, holders),
  });
}

function bothAccountable(ctx: RowContext): void {
  const holders = columnsWith(ctx, A);
  // Name a pure Tech Lead and a different Engineering Manager when there are such.
  const tl = holders.find((c) => ctx.kinds[c] === TL) ?? holders.find((c) => (ctx.kinds[c]! & TL) !== 0) ?? -1;
  const em =
    holders.find((c) => c !== tl && ctx.kinds[c] === EM) ??
    holders.find((c) => c !== tl && (ctx.kinds[c]! & EM) !== 0) ??
    -1;
  const others = holders.filter((c) => c !== tl && c !== em).map((c) => nameOf(ctx, c));
  const also = others.length > 0 ? ` ${listNames(others)} ${others.length === 1 ? "is" : "are"} also A.` : "";
  push(ctx.out, "TLEM_BOTH_ACCOUNTABLE", {
    responsibilityId: ctx.rowId,
    message: `The Tech Lead (${nameOf(ctx, tl)}) and the Engineering Manager (${nameOf(ctx, em)}) are both accountable for “${ctx.title}”.${also} Only one of them should be A, so both know who decides. ${SYSTEM_PRINCIPLE}`,
    fix: keepOnlyFixes(ctx, holders),
  });
}

function noResponsible(ctx: RowContext, nA: number, firstA: number): void {
  const fix: Fix[] = [];
  if (nA === 1) {
    fix.push({
      label: `Make the A (${nameOf(ctx, firstA)}) also responsible`,
      patches: [patchOf(ctx, firstA, ctx.scratch[firstA]! | R)],
    });
  }
  for (const c of rank(ctx, C, nA === 1 ? firstA : -1)) {
    if (fix.length >= MAX_FIX_CHOICES) break;
    fix.push({ label: `Make ${nameOf(ctx, c)} responsible`, patches: [patchOf(ctx, c, ctx.scratch[c]! | R)] });
  }
  const who =
    nA === 1
      ? `${nameOf(ctx, firstA)} is accountable, but an A alone does the work only by accident: name who does it.`
      : "Name who does the work; an A alone does it only by accident.";
  push(ctx.out, "NO_RESPONSIBLE", {
    responsibilityId: ctx.rowId,
    message: `Nobody is responsible (R) for “${ctx.title}”. ${who}`,
    fix,
  });
}

/** Names of the columns holding `bit` on this row, listed like {@link listNames}, without building the full list. */
function namesWith(ctx: RowContext, bit: number, total: number, max = 4): string {
  // The total is known, so the scan stops after the names that will be shown.
  const shown = total > max ? max : total;
  const names: string[] = [];
  for (let c = 0; c < ctx.nCols && names.length < shown; c++) {
    if ((ctx.scratch[c]! & bit) !== 0) names.push(ctx.colNames[c]!);
  }
  if (total <= max) return listNames(names, max);
  const rest = total - max;
  return `${names.join(", ")} and ${rest} ${rest === 1 ? "other" : "others"}`;
}

function tooMany(ctx: RowContext, letter: "R" | "C", n: number, max: number): void {
  const names = namesWith(ctx, letter === "R" ? R : C, n);
  if (letter === "R") {
    push(ctx.out, "TOO_MANY_RESPONSIBLE", {
      responsibilityId: ctx.rowId,
      message: `“${ctx.title}” has ${n} people responsible (${names}), more than ${max}. With that many doers the work tends to fall between them.`,
    });
  } else {
    push(ctx.out, "TOO_MANY_CONSULTED", {
      responsibilityId: ctx.rowId,
      message: `“${ctx.title}” consults ${n} people (${names}), more than ${max}. Every C is a conversation before a decision, so decisions slow down.`,
    });
  }
}

function domainMismatch(ctx: RowContext, holder: number, targetKind: number): void {
  const toTl = targetKind === TL;
  const role = toTl ? "Tech Lead" : "Engineering Manager";
  const pool: number[] = [];
  for (let c = 0; c < ctx.nCols; c++) if (c !== holder && (ctx.kinds[c]! & targetKind) !== 0) pool.push(c);
  const demotion = describeDemotion(ctx, holder);
  const fix: Fix[] = rank(ctx, 0, holder, pool).map((t) => ({
    label: `Move A to the ${role} (${nameOf(ctx, t)}); ${demotion}`,
    patches: [patchOf(ctx, t, ctx.scratch[t]! | A), patchOf(ctx, holder, withoutA(ctx.scratch[holder]!))],
  }));
  const message = toTl
    ? `“${ctx.title}” is a System item, but the Engineering Manager (${nameOf(ctx, holder)}) is accountable while there is a Tech Lead (${listNames(pool.map((c) => nameOf(ctx, c)))}). ${SYSTEM_PRINCIPLE}`
    : `“${ctx.title}” is a People item, but the Tech Lead (${nameOf(ctx, holder)}) is accountable while there is an Engineering Manager (${listNames(pool.map((c) => nameOf(ctx, c)))}). ${SYSTEM_PRINCIPLE}`;
  push(ctx.out, "TLEM_DOMAIN_MISMATCH", {
    responsibilityId: ctx.rowId,
    personId: ctx.colIds[holder]!,
    message,
    fix,
  });
}

function sharedExcluded(ctx: RowContext, kind: number): void {
  const pool: number[] = [];
  for (let c = 0; c < ctx.nCols; c++) if ((ctx.kinds[c]! & kind) !== 0) pool.push(c);
  const first = pool[0]!;
  const dualOnly = pool.every((c) => ctx.kinds[c] === BOTH);
  const role = dualOnly
    ? "Tech Lead and Engineering Manager"
    : kind === TL
      ? pool.length > 1
        ? "Tech Leads"
        : "Tech Lead"
      : pool.length > 1
        ? "Engineering Managers"
        : "Engineering Manager";
  const names = listNames(pool.map((c) => nameOf(ctx, c)));
  const subject =
    pool.length > 1 ? `none of the ${role} (${names}) has a letter` : `the ${role} (${names}) has no letter`;
  push(ctx.out, "TLEM_SHARED_EXCLUDED", {
    responsibilityId: ctx.rowId,
    personId: ctx.colIds[first]!,
    message: `“${ctx.title}” is shared between the Tech Lead and the Engineering Manager, but ${subject} on it. Shared items need both: add them at least as C.`,
    fix: pool.slice(0, MAX_FIX_CHOICES).map((c) => ({
      label: `Add ${nameOf(ctx, c)} as C`,
      patches: [patchOf(ctx, c, C)],
    })),
  });
}

// ---- Helpers around findings.

/**
 * Applies cell patches to a cells map without mutating it (rows that are not patched
 * keep their identity). Letters are normalized, so a patch can never store
 * non-canonical letters.
 */
export function applyPatches(cells: RaciMatrix["cells"], patches: readonly CellPatch[]): RaciMatrix["cells"] {
  const next: RaciMatrix["cells"] = { ...cells };
  const copied = new Set<string>();
  for (const p of patches) {
    if (!copied.has(p.responsibilityId)) {
      next[p.responsibilityId] = { ...(cells[p.responsibilityId] ?? {}) };
      copied.add(p.responsibilityId);
    }
    next[p.responsibilityId]![p.personId] = maskToLetters(lettersToMask(p.letters));
  }
  return next;
}

/** The matrix after applying a fix (a new object; the input is not mutated). */
export function applyFix(matrix: RaciMatrix, fix: Fix): RaciMatrix {
  return { ...matrix, cells: applyPatches(matrix.cells, fix.patches) };
}

/** Result of {@link summarizeFindings}. */
export interface FindingsSummary {
  total: number;
  bySeverity: Record<Severity, number>;
  /** Every code, zero when absent. */
  byCode: Record<FindingCode, number>;
  /** "3 errors, 5 warnings", "1 error, 2 notes", "No problems found", "No problems found (2 notes)". */
  health: string;
}

/** Counts findings by severity and by code, with a one-line health sentence. */
export function summarizeFindings(findings: readonly Finding[]): FindingsSummary {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byCode = {} as Record<FindingCode, number>;
  for (const code of FINDING_CODES) byCode[code] = 0;
  for (const f of findings) {
    if (f.severity in bySeverity) bySeverity[f.severity]++;
    if (f.code in byCode) byCode[f.code]++;
  }
  const problems: string[] = [];
  if (bySeverity.error > 0) problems.push(plural(bySeverity.error, "error", "errors"));
  if (bySeverity.warning > 0) problems.push(plural(bySeverity.warning, "warning", "warnings"));
  const notes = bySeverity.info > 0 ? plural(bySeverity.info, "note", "notes") : "";
  let health: string;
  if (problems.length === 0) health = notes ? `No problems found (${notes})` : "No problems found";
  else health = notes ? `${problems.join(", ")}, ${notes}` : problems.join(", ");
  return { total: findings.length, bySeverity, byCode, health };
}

function groupBy(findings: readonly Finding[], key: (f: Finding) => string | undefined): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const f of findings) {
    const k = key(f);
    if (k === undefined) continue;
    const list = map.get(k);
    if (list) list.push(f);
    else map.set(k, [f]);
  }
  return map;
}

/** Findings keyed by row (responsibilityId), in finding order; findings without a row are left out. */
export function findingsByRow(findings: readonly Finding[]): Map<string, Finding[]> {
  return groupBy(findings, (f) => f.responsibilityId);
}

/**
 * Findings keyed by column (personId), in finding order. A finding about one person on
 * one row (e.g. TLEM_DOMAIN_MISMATCH) appears in both this map and {@link findingsByRow}.
 */
export function findingsByColumn(findings: readonly Finding[]): Map<string, Finding[]> {
  return groupBy(findings, (f) => f.personId);
}

/** The canonical letters of a cell in a matrix ("" when absent). */
export function cellLetters(matrix: Pick<RaciMatrix, "cells">, rowId: string, columnId: string): Letters {
  const row = Object.prototype.hasOwnProperty.call(matrix.cells, rowId) ? matrix.cells[rowId] : undefined;
  const v = row && Object.prototype.hasOwnProperty.call(row, columnId) ? row[columnId] : undefined;
  return typeof v === "string" ? maskToLetters(lettersToMask(v)) : "";
}
