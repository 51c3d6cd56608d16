// The pure parts of `npm run backup` / `npm run restore` (scripts/backup.ts,
// scripts/restore.ts): the list of models in dependency order, the file format and its
// validation, team scoping and the parsing of prisma/schema.prisma that the unit tests
// use to keep the list complete. No database, no file system.
//
// Adding a model to prisma/schema.prisma? Add it to MODELS below, after every model it
// references (scripts/lib/backup-format.test.ts fails until you do).

import { z } from "zod";

export const BACKUP_FORMAT = "remit-backup";
export const BACKUP_VERSION = 1;

export type Row = Record<string, unknown>;
export type Where = Record<string, unknown>;

export interface ModelSpec {
  /** The Prisma model name (also the table name and the key in the file). */
  name: string;
  /** Primary key fields: rows are written sorted by them, so two backups compare. */
  key: string[];
  /** An autoincrement integer id: its PostgreSQL sequence is moved past the restored rows. */
  autoIncrement?: string;
  /** Foreign keys (fields holding another model's id). Nullable ones that point outside
   * a team backup are set to null; a required one pointing outside is an error. */
  refs?: { field: string; model: string; nullable: boolean }[];
  /** The Prisma `where` selecting a team's rows (team backups). */
  team?: (teamId: string) => Where;
  /** Not backed up (ephemeral data), with the reason. */
  skip?: string;
}

/** Every model of prisma/schema.prisma, each after the models it references. */
export const MODELS: readonly ModelSpec[] = [
  {
    name: "User",
    key: ["id"],
    // A team backup holds the team's members, and only them.
    team: (teamId) => ({ memberships: { some: { teamId } } }),
  },
  {
    name: "Account",
    key: ["id"],
    refs: [{ field: "userId", model: "User", nullable: false }],
    team: (teamId) => ({ user: { memberships: { some: { teamId } } } }),
  },
  { name: "Team", key: ["id"], team: (teamId) => ({ id: teamId }) },
  {
    name: "Membership",
    key: ["id"],
    refs: [
      { field: "teamId", model: "Team", nullable: false },
      { field: "userId", model: "User", nullable: false },
    ],
    team: (teamId) => ({ teamId }),
  },
  {
    name: "Person",
    key: ["id"],
    refs: [
      { field: "teamId", model: "Team", nullable: false },
      { field: "userId", model: "User", nullable: true },
    ],
    team: (teamId) => ({ teamId }),
  },
  {
    name: "Matrix",
    key: ["id"],
    refs: [{ field: "teamId", model: "Team", nullable: false }],
    team: (teamId) => ({ teamId }),
  },
  {
    name: "MatrixColumn",
    key: ["id"],
    refs: [
      { field: "matrixId", model: "Matrix", nullable: false },
      { field: "personId", model: "Person", nullable: false },
    ],
    team: (teamId) => ({ matrix: { teamId } }),
  },
  {
    name: "Responsibility",
    key: ["id"],
    refs: [{ field: "matrixId", model: "Matrix", nullable: false }],
    team: (teamId) => ({ matrix: { teamId } }),
  },
  {
    name: "Cell",
    key: ["responsibilityId", "personId"],
    refs: [
      { field: "matrixId", model: "Matrix", nullable: false },
      { field: "responsibilityId", model: "Responsibility", nullable: false },
      { field: "personId", model: "Person", nullable: false },
    ],
    team: (teamId) => ({ matrix: { teamId } }),
  },
  {
    name: "MatrixChange",
    key: ["id"],
    autoIncrement: "id",
    refs: [{ field: "matrixId", model: "Matrix", nullable: false }],
    team: (teamId) => ({ matrix: { teamId } }),
  },
  {
    name: "MatrixSnapshot",
    key: ["id"],
    refs: [{ field: "matrixId", model: "Matrix", nullable: false }],
    team: (teamId) => ({ matrix: { teamId } }),
  },
  {
    name: "Workshop",
    key: ["id"],
    refs: [{ field: "matrixId", model: "Matrix", nullable: false }],
    team: (teamId) => ({ teamId }),
  },
  {
    name: "WorkshopItem",
    key: ["id"],
    refs: [{ field: "workshopId", model: "Workshop", nullable: false }],
    team: (teamId) => ({ workshop: { teamId } }),
  },
  {
    name: "WorkshopVote",
    key: ["id"],
    refs: [
      { field: "workshopId", model: "Workshop", nullable: false },
      { field: "itemId", model: "WorkshopItem", nullable: false },
    ],
    team: (teamId) => ({ workshop: { teamId } }),
  },
  {
    name: "WorkshopParticipant",
    key: ["workshopId", "userId"],
    refs: [{ field: "workshopId", model: "Workshop", nullable: false }],
    team: (teamId) => ({ workshop: { teamId } }),
  },
  {
    name: "Invitation",
    key: ["id"],
    refs: [{ field: "teamId", model: "Team", nullable: false }],
    team: (teamId) => ({ teamId }),
  },
  {
    name: "ShareLink",
    key: ["id"],
    refs: [{ field: "matrixId", model: "Matrix", nullable: false }],
    team: (teamId) => ({ matrix: { teamId } }),
  },
  {
    name: "ApiToken",
    key: ["id"],
    refs: [{ field: "userId", model: "User", nullable: false }],
    team: (teamId) => ({ user: { memberships: { some: { teamId } } } }),
  },
  {
    name: "AuditEvent",
    key: ["id"],
    autoIncrement: "id",
    team: (teamId) => ({ teamId }),
  },
  {
    name: "RateLimit",
    key: ["key"],
    skip: "ephemeral: sign-in attempt counters for the current window",
  },
  {
    name: "Presence",
    key: ["matrixId", "userId", "instanceId"],
    skip: "ephemeral: who is looking at a matrix right now, swept by heartbeat",
  },
];

export const BACKED_UP_MODELS: readonly ModelSpec[] = MODELS.filter((m) => !m.skip);

/** Prisma's client property for a model: "MatrixChange" → "matrixChange". */
export function delegateName(model: string): string {
  return model.charAt(0).toLowerCase() + model.slice(1);
}

// --- the file -------------------------------------------------------------------------

const rowSchema = z.record(z.string(), z.unknown());

export const backupFileSchema = z.object({
  format: z.literal(BACKUP_FORMAT, { message: `not a Remit backup (format must be "${BACKUP_FORMAT}")` }),
  version: z.literal(BACKUP_VERSION, {
    message: `unsupported backup version (this Remit reads version ${BACKUP_VERSION})`,
  }),
  createdAt: z.iso.datetime(),
  source: z.object({
    provider: z.enum(["sqlite", "postgresql"]),
    /** The newest migration applied to the source database (informational). */
    migration: z.string().optional(),
  }),
  scope: z.object({ teamSlug: z.string().min(1).optional() }),
  tables: z.record(z.string(), z.array(rowSchema)).superRefine((tables, ctx) => {
    const known = new Map(MODELS.map((m) => [m.name, m]));
    for (const name of Object.keys(tables)) {
      const spec = known.get(name);
      if (!spec) ctx.addIssue({ code: "custom", message: `unknown table "${name}"`, path: [name] });
      else if (spec.skip && tables[name]!.length)
        ctx.addIssue({ code: "custom", message: `table "${name}" is never backed up (${spec.skip})`, path: [name] });
    }
  }),
});

export type BackupFile = z.infer<typeof backupFileSchema>;

export class BackupFormatError extends Error {}

/** Parses and validates a backup file's text; throws BackupFormatError with every problem. */
export function parseBackup(text: string): BackupFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new BackupFormatError(`not JSON: ${(e as Error).message}`);
  }
  const parsed = backupFileSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.length ? i.path.join(".") : "(file)"}: ${i.message}`);
    throw new BackupFormatError(`invalid backup file:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

// --- rows -----------------------------------------------------------------------------

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Rows in primary key order, by code unit (never a database collation). */
export function sortRows(rows: Row[], key: readonly string[]): Row[] {
  return [...rows].sort((x, y) => {
    for (const k of key) {
      const c = compareValues(x[k], y[k]);
      if (c !== 0) return c;
    }
    return 0;
  });
}

/** A Prisma row as plain JSON: Dates become ISO strings. */
export function toPlainRow(row: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = v instanceof Date ? v.toISOString() : v;
  return out;
}

/**
 * A team backup must load on its own: nullable references to rows outside it (a person
 * linked to a user who is not a member) become null; a required one is an error.
 * Returns the tables (new row objects where changed) and what was cleared.
 */
export function pruneDanglingRefs(
  tables: Record<string, Row[]>,
  models: readonly ModelSpec[] = BACKED_UP_MODELS,
): { tables: Record<string, Row[]>; cleared: { model: string; field: string; count: number }[] } {
  const ids = new Map<string, Set<unknown>>();
  for (const m of models)
    if (m.key.length === 1) ids.set(m.name, new Set((tables[m.name] ?? []).map((r) => r[m.key[0]!])));
  const cleared: { model: string; field: string; count: number }[] = [];
  const out: Record<string, Row[]> = {};
  for (const m of models) {
    let rows = tables[m.name] ?? [];
    for (const ref of m.refs ?? []) {
      const present = ids.get(ref.model);
      if (!present) continue;
      let count = 0;
      rows = rows.map((r) => {
        const v = r[ref.field];
        if (v == null || present.has(v)) return r;
        if (!ref.nullable)
          throw new Error(`${m.name}.${ref.field} = ${String(v)} points at a ${ref.model} outside the backup`);
        count++;
        return { ...r, [ref.field]: null };
      });
      if (count) cleared.push({ model: m.name, field: ref.field, count });
    }
    out[m.name] = rows;
  }
  return { tables: out, cleared };
}

/** Rows per createMany: at most 500, and under SQLite's bound-parameter limit. */
export function chunkSize(columns: number, maxParams = 30_000, maxRows = 500): number {
  return Math.max(1, Math.min(maxRows, Math.floor(maxParams / Math.max(1, columns))));
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// --- prisma/schema.prisma (for the tests that keep MODELS honest) ------------------------

export interface SchemaModel {
  name: string;
  /** Relations that hold the foreign key here: fields → the referenced model. */
  relations: { fields: string[]; model: string; optional: boolean }[];
}

export function parseSchemaModels(schema: string): SchemaModel[] {
  const models: SchemaModel[] = [];
  const re = /^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm;
  for (const m of schema.matchAll(re)) {
    const relations: SchemaModel["relations"] = [];
    for (const line of m[2]!.split("\n")) {
      const f = /^\s*\w+\s+(\w+)(\?)?\s+.*@relation\(([^)]*)\)/.exec(line);
      const fields = f && /fields:\s*\[([^\]]*)\]/.exec(f[3]!);
      if (f && fields)
        relations.push({ model: f[1]!, optional: !!f[2], fields: fields[1]!.split(",").map((s) => s.trim()) });
    }
    models.push({ name: m[1]!, relations });
  }
  return models;
}
