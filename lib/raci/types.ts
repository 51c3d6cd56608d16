/**
 * The pure RACI domain. Nothing in lib/raci imports next, react or prisma: the grid,
 * the server, the API, the CSV codec and the PDF all share these types and functions.
 */

/** One RACI letter. Canonical order is R, A, C, I. */
export type Letter = "R" | "A" | "C" | "I";

/** A cell's letters as a canonical string: a subset of "RACI" in that order ("" = empty). */
export type Letters = string;

/** What a column stands for, as far as the Tech Lead / Engineering Manager rules care. */
export type RoleKind = "TECH_LEAD" | "ENGINEERING_MANAGER";

/** The domain of a responsibility, from the engineering-ladders split. */
export type Domain = "SYSTEM" | "PEOPLE" | "SHARED";

export type Severity = "error" | "warning" | "info";

/** A column of a matrix: a named person or an unfilled role. */
export interface RaciColumn {
  /** The person's id (columns are people of the team). */
  id: string;
  name: string;
  roleTitle: string;
  /** Effective role kinds (explicit, or recognised from the title). May hold both. */
  roleKinds: RoleKind[];
  isVacant: boolean;
  /** Hands-on coding share in percent, or null when unknown. */
  codingShare: number | null;
}

/** A row of a matrix. */
export interface RaciRow {
  id: string;
  title: string;
  description: string;
  category: string;
  domain: Domain | null;
}

/** The matrix as the rules see it. `cells[rowId][columnId]` is a canonical Letters string. */
export interface RaciMatrix {
  columns: RaciColumn[];
  rows: RaciRow[];
  cells: Record<string, Record<string, Letters>>;
  settings: RaciSettings;
}

/** Every finding code. These strings are public API: keep them exactly. */
export type FindingCode =
  | "NO_ACCOUNTABLE"
  | "MULTIPLE_ACCOUNTABLE"
  | "NO_RESPONSIBLE"
  | "EMPTY_ROW"
  | "TOO_MANY_RESPONSIBLE"
  | "TOO_MANY_CONSULTED"
  | "PERSON_OVERLOADED"
  | "PERSON_UNASSIGNED"
  | "TLEM_ROLE_MISSING"
  | "TLEM_BOTH_ACCOUNTABLE"
  | "TLEM_DOMAIN_MISMATCH"
  | "TLEM_SHARED_EXCLUDED"
  | "TLEM_NO_COVER"
  | "CODING_TIME_OUT_OF_RANGE";

/** One cell write that a fix proposes; applied through the same API as a manual edit. */
export interface CellPatch {
  responsibilityId: string;
  personId: string;
  letters: Letters;
}

/** A one-click fix: a label and the cell writes it makes (one undoable edit). */
export interface Fix {
  label: string;
  patches: CellPatch[];
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  responsibilityId?: string;
  personId?: string;
  message: string;
  /** Unambiguous fixes, or a choice among few (e.g. one per column). */
  fix?: Fix[];
}

/** Per-matrix rule switches and thresholds. Defaults live in lib/raci/settings.ts. */
export interface RaciSettings {
  disabledRules: FindingCode[];
  maxResponsible: number;
  maxConsulted: number;
  overload: { mode: "share" | "count"; maxShare: number; maxCount: number };
  codingRange: {
    techLead: { min: number; max: number };
    engineeringManager: { min: number; max: number };
  };
}
