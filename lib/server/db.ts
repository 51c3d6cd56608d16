import "server-only";
import path from "node:path";
import { sqliteAdapter } from "@/lib/server/sqlite-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@/prisma/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/prisma/generated/postgres/client";
import { env, isPostgresUrl } from "@/lib/env";
import { logger } from "@/lib/server/logger";
import { SQLITE_PRAGMAS } from "@/lib/server/sqlite-pragmas";
import { compileWasmWithBaselineOnly } from "@/lib/server/prisma-wasm";

/**
 * One Prisma client per process, chosen at run time by DATABASE_URL. Both generated
 * clients come from the same source schema, so they expose the same API; the SQLite
 * client's type stands for both.
 */
export type Db = InstanceType<typeof SqliteClient>;

export type DbProvider = "sqlite" | "postgresql";

const globalForDb = globalThis as unknown as { remitDb?: Db; remitDbProvider?: DbProvider };

function sqliteFilePath(url: string): string {
  const file = url.replace(/^file:/, "");
  return path.isAbsolute(file) ? file : path.resolve(process.cwd(), file);
}

/**
 * Interactive transactions wait for the connection (SQLite has one, serialised by the
 * adapter) up to maxWait. Prisma's 2 s default turned bursts of writes on a loaded
 * 2-core machine into 500s ("Transaction API error: Operation has timed out"); waiting
 * longer is what a user wants from a busy server. `timeout` bounds one transaction.
 */
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 20_000 } as const;

function createDb(): { db: Db; provider: DbProvider } {
  compileWasmWithBaselineOnly();
  const url = env().DATABASE_URL;
  if (isPostgresUrl(url)) {
    const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    return {
      db: new PostgresClient({ adapter, transactionOptions: TRANSACTION_OPTIONS }) as unknown as Db,
      provider: "postgresql",
    };
  }
  // WAL is set once on the file by `db:deploy`; the busy timeout makes a writer wait
  // for a concurrent writer instead of failing with SQLITE_BUSY; see sqlite-pragmas.ts.
  const adapter = sqliteAdapter(sqliteFilePath(url), 5000);
  const client = new SqliteClient({ adapter, transactionOptions: TRANSACTION_OPTIONS });
  // One connection (the adapter serialises on it): issued first, these run before any
  // query of the app.
  for (const pragma of SQLITE_PRAGMAS) {
    client.$executeRawUnsafe(pragma).catch((err: unknown) => logger.error("SQLite setting failed", { err, pragma }));
  }
  return { db: client, provider: "sqlite" };
}

function init(): Db {
  if (!globalForDb.remitDb) {
    const { db, provider } = createDb();
    globalForDb.remitDb = db;
    globalForDb.remitDbProvider = provider;
  }
  return globalForDb.remitDb;
}

/** The Prisma client. Created lazily so that `next build` never opens a database. */
export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const client = init();
    const value = Reflect.get(client, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export function dbProvider(): DbProvider {
  init();
  return globalForDb.remitDbProvider ?? "sqlite";
}
