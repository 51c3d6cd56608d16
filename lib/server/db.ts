import "server-only";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@/prisma/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/prisma/generated/postgres/client";
import { env, isPostgresUrl } from "@/lib/env";

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

function createDb(): { db: Db; provider: DbProvider } {
  const url = env().DATABASE_URL;
  if (isPostgresUrl(url)) {
    const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    return { db: new PostgresClient({ adapter }) as unknown as Db, provider: "postgresql" };
  }
  // WAL is set once on the file by `db:deploy`; the busy timeout makes a writer wait
  // for a concurrent writer instead of failing with SQLITE_BUSY.
  const adapter = new PrismaBetterSqlite3({ url: sqliteFilePath(url), timeout: 5000 });
  return { db: new SqliteClient({ adapter }), provider: "sqlite" };
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
