// The database side of `npm run backup` / `npm run restore`: dump a database (or one
// team) to a backup object, load a backup object into an empty database. Works on either
// provider through the generated Prisma clients; the provider follows DATABASE_URL with
// the same rule as scripts/db.mjs.

import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "../../prisma/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "../../prisma/generated/postgres/client";
import { resolveDatabaseUrl } from "./database-url.mjs";
import { deploy, status } from "./migrations.mjs";
import { prismaPaths } from "./schemas.mjs";
import {
  BACKED_UP_MODELS,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupFile,
  type Row,
  chunkSize,
  chunks,
  delegateName,
  pruneDanglingRefs,
  sortRows,
  toPlainRow,
} from "./backup-format";

export type Provider = "sqlite" | "postgresql";
type Client = InstanceType<typeof SqliteClient>;
type Target = ReturnType<typeof resolveDatabaseUrl>;

interface Delegate {
  findMany(args?: unknown): Promise<Row[]>;
  findUnique(args: unknown): Promise<Row | null>;
  count(args?: unknown): Promise<number>;
  createMany(args: { data: Row[] }): Promise<{ count: number }>;
  deleteMany(args?: unknown): Promise<{ count: number }>;
}
type Tx = Parameters<Parameters<Client["$transaction"]>[0]>[0];

export class BackupError extends Error {}

function delegate(db: Client | Tx, model: string): Delegate {
  const d = (db as unknown as Record<string, Delegate | undefined>)[delegateName(model)];
  if (!d) throw new BackupError(`the Prisma client has no model ${model}: run npm install (prisma generate)`);
  return d;
}

export function openDatabase(raw = process.env.DATABASE_URL): { db: Client; provider: Provider; target: Target } {
  const target = resolveDatabaseUrl(raw);
  if (target.provider === "postgresql") {
    const db = new PostgresClient({ adapter: new PrismaPg({ connectionString: target.url }) }) as unknown as Client;
    return { db, provider: "postgresql", target };
  }
  const db = new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: target.file, timeout: 5000 }) });
  return { db, provider: "sqlite", target };
}

function migrationsDir(target: Target): string {
  return prismaPaths().migrations[target.provider];
}

/** The newest applied migration; throws unless every committed migration is applied. */
export async function requireMigrated(target: Target): Promise<string | undefined> {
  const s = await status({ target, migrationsDir: migrationsDir(target) });
  if (!s.exists || s.pending.length || s.failed.length || s.modified.length)
    throw new BackupError(
      `the database's migrations are not up to date (${s.exists ? `${s.pending.length} pending` : "no migrations table"}): run npm run db:deploy first`,
    );
  return s.applied.at(-1)?.name;
}

/** Reads every backed-up table (or one team's rows) in one consistent snapshot. */
export async function dumpDatabase(opts: { teamSlug?: string; raw?: string } = {}): Promise<{
  backup: BackupFile;
  cleared: { model: string; field: string; count: number }[];
}> {
  const { db, provider, target } = openDatabase(opts.raw);
  try {
    const migration = await requireMigrated(target);
    const tables = await db.$transaction(
      async (tx: Tx) => {
        let teamId: string | undefined;
        if (opts.teamSlug) {
          const team = await delegate(tx, "Team").findUnique({ where: { slug: opts.teamSlug } });
          if (!team) throw new BackupError(`no team with slug "${opts.teamSlug}"`);
          teamId = team.id as string;
        }
        const out: Record<string, Row[]> = {};
        for (const m of BACKED_UP_MODELS) {
          if (teamId && !m.team)
            throw new BackupError(`model ${m.name} has no team filter in scripts/lib/backup-format.ts`);
          const rows = await delegate(tx, m.name).findMany(teamId ? { where: m.team!(teamId) } : undefined);
          out[m.name] = sortRows(rows.map(toPlainRow), m.key);
        }
        return out;
      },
      // One snapshot of all tables while the app keeps writing (the SQLite client's type
      // stands for both clients and knows only SQLite's one isolation level).
      {
        timeout: 600_000,
        maxWait: 30_000,
        ...(provider === "postgresql" ? { isolationLevel: "RepeatableRead" as unknown as "Serializable" } : {}),
      },
    );
    const pruned = opts.teamSlug ? pruneDanglingRefs(tables) : { tables, cleared: [] };
    return {
      backup: {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: new Date().toISOString(),
        source: { provider, ...(migration ? { migration } : {}) },
        scope: opts.teamSlug ? { teamSlug: opts.teamSlug } : {},
        tables: pruned.tables,
      },
      cleared: pruned.cleared,
    };
  } finally {
    await db.$disconnect();
  }
}

/**
 * Loads a validated backup into the database of DATABASE_URL (or `raw`): applies pending
 * migrations, refuses a database holding any row of a backed-up table unless `force`
 * (then deletes them first), inserts everything in one transaction and moves PostgreSQL
 * sequences past the restored ids.
 */
export async function restoreDatabase(
  backup: BackupFile,
  opts: { force?: boolean; raw?: string; log?: (line: string) => void } = {},
): Promise<{ counts: Record<string, number>; provider: Provider }> {
  const log = opts.log ?? (() => {});
  const { db, provider, target } = openDatabase(opts.raw);
  try {
    await deploy({ target, migrationsDir: migrationsDir(target), log });
    const counts: Record<string, number> = {};
    await db.$transaction(
      async (tx: Tx) => {
        const present: string[] = [];
        for (const m of BACKED_UP_MODELS) {
          const n = await delegate(tx, m.name).count();
          if (n) present.push(`${m.name}: ${n}`);
        }
        if (present.length && !opts.force)
          throw new BackupError(
            `the target database is not empty (${present.join(", ")}). restore loads into an empty database; ` +
              "use another database, or pass --force to delete all of its data first.",
          );
        if (present.length) {
          for (const m of [...BACKED_UP_MODELS].reverse()) await delegate(tx, m.name).deleteMany();
          log(`--force: deleted the existing data (${present.join(", ")})`);
        }
        for (const m of BACKED_UP_MODELS) {
          const rows = backup.tables[m.name] ?? [];
          const columns = Math.max(1, ...rows.slice(0, 50).map((r) => Object.keys(r).length));
          for (const part of chunks(rows, chunkSize(columns))) await delegate(tx, m.name).createMany({ data: part });
          counts[m.name] = rows.length;
          if (provider === "postgresql" && m.autoIncrement) {
            const col = m.autoIncrement.replace(/"/g, '""');
            const table = m.name.replace(/"/g, '""');
            await tx.$queryRawUnsafe(
              `SELECT setval(pg_get_serial_sequence('"${table}"', '${col}'), COALESCE(MAX("${col}"), 1), MAX("${col}") IS NOT NULL) FROM "${table}"`,
            );
          }
        }
      },
      { timeout: 600_000, maxWait: 30_000 },
    );
    return { counts, provider };
  } finally {
    await db.$disconnect();
  }
}
