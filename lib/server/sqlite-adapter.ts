import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";

type Factory = PrismaBetterSqlite3;
type Adapter = Awaited<ReturnType<Factory["connect"]>>;

/** The better-sqlite3 handle the adapter keeps (a public field of its queryable). */
interface WithClient {
  client?: { prepare: (sql: string) => unknown };
}

/**
 * Prisma's better-sqlite3 adapter opens interactive transactions with a plain `BEGIN`
 * (deferred). Such a transaction reads first and takes the write lock only at its first
 * write; if another connection (a second process on the same file: `npm run backup`,
 * a script, the e2e fixtures) committed in between, SQLite answers SQLITE_BUSY at once —
 * the busy timeout cannot help, waiting would not make the snapshot current — and the
 * request failed with "Operation has timed out". `BEGIN IMMEDIATE` takes the write lock
 * up front, so a competing writer makes it wait (busy timeout) instead of fail. Inside
 * this process transactions are already serialised by the adapter, so nothing is lost.
 */
export function sqliteAdapter(filePath: string, busyTimeoutMs: number): Factory {
  const factory = new PrismaBetterSqlite3({ url: filePath, timeout: busyTimeoutMs });
  const connect = factory.connect.bind(factory);
  factory.connect = async (): Promise<Adapter> => {
    const adapter = await connect();
    const client = (adapter as unknown as WithClient).client;
    if (client && typeof client.prepare === "function") {
      const prepare = client.prepare.bind(client);
      client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
    }
    return adapter;
  };
  return factory;
}
