import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { PrismaClient } from "@/prisma/generated/sqlite/client";
import { sqliteAdapter } from "./sqlite-adapter";

const dirs: string[] = [];
const clients: { $disconnect(): Promise<void> }[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.$disconnect()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup(adapter: (file: string) => PrismaBetterSqlite3) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "remit-sqlite-adapter-"));
  dirs.push(dir);
  const file = path.join(dir, "t.db");
  const other = new Database(file, { timeout: 0 });
  other.pragma("journal_mode = WAL");
  other.exec("CREATE TABLE t (x INTEGER)");
  const client = new PrismaClient({ adapter: adapter(file) });
  clients.push(client, { $disconnect: async () => void other.close() });
  return { client, other };
}

/** A transaction that reads, lets another connection try to write, then writes itself. */
async function readThenWrite(client: PrismaClient, other: Database.Database) {
  let otherError: unknown = null;
  await client.$transaction(async (tx) => {
    await tx.$queryRawUnsafe("SELECT count(*) AS n FROM t");
    try {
      other.prepare("INSERT INTO t (x) VALUES (2)").run(); // busy timeout 0: fails at once if locked
    } catch (e) {
      otherError = e;
    }
    await tx.$executeRawUnsafe("INSERT INTO t (x) VALUES (1)");
  });
  return otherError;
}

describe("sqliteAdapter", () => {
  it("holds the write lock for the whole transaction, so a read-then-write never loses to another writer", async () => {
    const { client, other } = setup((file) => sqliteAdapter(file, 1000));
    const otherError = await readThenWrite(client, other);
    expect((otherError as { code?: string } | null)?.code).toMatch(/^SQLITE_BUSY/);
    expect(other.prepare("SELECT x FROM t").all()).toEqual([{ x: 1 }]);
  });

  it("(control) the plain adapter's deferred BEGIN fails the transaction instead", async () => {
    const { client, other } = setup((file) => new PrismaBetterSqlite3({ url: file, timeout: 1000 }));
    await expect(readThenWrite(client, other)).rejects.toThrow(/timed out|busy/i);
  });
});
