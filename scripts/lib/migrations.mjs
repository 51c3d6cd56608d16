// Applying committed migrations: the `deploy`, `status`, `reset` and `resolve` paths of
// scripts/db.mjs. Runtime dependencies only (better-sqlite3, pg; each imported when its
// provider is used), so `npm start` works without dev dependencies.
//
// The folders and the bookkeeping are Prisma's own, so `prisma migrate deploy` on a
// machine with the native engine sees the same history:
//   <migrations>/<timestamp>_<name>/migration.sql, <migrations>/migration_lock.toml
//   table _prisma_migrations (Prisma's DDL, one row per attempt; checksum = sha256 hex of
//   migration.sql; a row with finished_at and rolled_back_at both NULL is a failed one).
// Unlike Prisma, each migration runs in one transaction together with its bookkeeping
// row, so a failure leaves the schema as it was (the failed attempt is still recorded,
// as Prisma records it, and must be resolved before the next deploy).

import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { lockFileContent } from "./schemas.mjs";

export class MigrationError extends Error {}

// --- the migrations folder ---------------------------------------------------------------

export function sha256(data) {
  return createHash("sha256").update(data).digest("hex");
}

/** Prisma accepts a checksum of the file as is or with CRLF line ends turned to LF. */
export function checksumMatches(recorded, bytes) {
  if (recorded === sha256(bytes)) return true;
  const text = bytes.toString("utf8");
  return text.includes("\r\n") && recorded === sha256(Buffer.from(text.replace(/\r\n/g, "\n"), "utf8"));
}

const LOCK_PROVIDER = { sqlite: "sqlite", postgresql: "postgresql" };

/**
 * Lists `<dir>/<name>/migration.sql` in name order. Checks migration_lock.toml when it
 * exists. A missing folder is an empty history.
 */
export function readMigrationsDir(dir, provider) {
  let entries = [];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    if (e.code !== "ENOENT") throw e;
    return { dir, lock: null, migrations: [] };
  }
  let lock = null;
  const lockPath = path.join(dir, "migration_lock.toml");
  if (fs.existsSync(lockPath)) {
    lock = fs.readFileSync(lockPath, "utf8");
    const m = /^\s*provider\s*=\s*"([^"]*)"/m.exec(lock);
    if (m && m[1] !== LOCK_PROVIDER[provider]) {
      throw new MigrationError(
        `${lockPath} says provider "${m[1]}" but these migrations are used for ${provider}; wrong folder?`,
      );
    }
  }
  const migrations = [];
  for (const e of entries) {
    if (!e.isDirectory() || e.name.startsWith(".")) continue;
    const file = path.join(dir, e.name, "migration.sql");
    if (!fs.existsSync(file)) throw new MigrationError(`${path.join(dir, e.name)} has no migration.sql`);
    const bytes = fs.readFileSync(file);
    migrations.push({ name: e.name, file, bytes, sql: bytes.toString("utf8"), checksum: sha256(bytes) });
  }
  migrations.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { dir, lock, migrations };
}

export function ensureLockFile(dir, provider) {
  const lockPath = path.join(dir, "migration_lock.toml");
  if (!fs.existsSync(lockPath)) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(lockPath, lockFileContent(LOCK_PROVIDER[provider]));
  }
}

// --- comparing the folder with the table ---------------------------------------------

/**
 * @param rows the _prisma_migrations rows (null when the table does not exist)
 * @param local the migrations read from the folder
 */
export function compareHistory(rows, local) {
  const rowsByName = new Map();
  for (const r of rows ?? []) {
    if (r.rolled_back_at != null) continue;
    if (!rowsByName.has(r.migration_name)) rowsByName.set(r.migration_name, []);
    rowsByName.get(r.migration_name).push(r);
  }
  const applied = [];
  const pending = [];
  const modified = [];
  const failed = [];
  for (const [name, rs] of rowsByName) if (rs.some((r) => r.finished_at == null)) failed.push(name);
  const localNames = new Set(local.map((m) => m.name));
  for (const m of local) {
    const done = (rowsByName.get(m.name) ?? []).find((r) => r.finished_at != null);
    if (!done) {
      if (!failed.includes(m.name)) pending.push(m);
      continue;
    }
    applied.push(m);
    if (!checksumMatches(done.checksum, m.bytes)) modified.push(m.name);
  }
  const missing = [...rowsByName.keys()].filter(
    (n) => !localNames.has(n) && rowsByName.get(n).some((r) => r.finished_at != null),
  );
  return { applied, pending, modified, failed, missing };
}

function refusal({ modified, failed }, migrationsDir) {
  const lines = [];
  if (failed.length) {
    lines.push(
      `Migration${failed.length > 1 ? "s" : ""} recorded as failed in _prisma_migrations: ${failed.join(", ")}.`,
      "Each migration runs in a transaction here, so a failed one left no partial changes (a failure recorded",
      "by another tool may have). Fix the migration, then mark the attempt rolled back and deploy again:",
      ...failed.map((n) => `  node scripts/db.mjs resolve --rolled-back ${n}`),
    );
  }
  if (modified.length) {
    lines.push(
      `Migration${modified.length > 1 ? "s were" : " was"} changed after being applied (checksum differs): ${modified.join(", ")}.`,
      `Applied migrations are history: restore ${modified.length > 1 ? "them" : "it"} in ${migrationsDir} (git checkout) and put the`,
      "change in a new migration (node scripts/db.mjs migrate <name>). In development, `node scripts/db.mjs reset` starts over.",
    );
  }
  return lines.join("\n");
}

// --- SQLite ----------------------------------------------------------------------------

const SQLITE_TABLE = `CREATE TABLE "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/** The timestamp format Prisma writes to SQLite through its driver adapters. */
function sqliteTime(d = new Date()) {
  return d.toISOString().replace("Z", "+00:00");
}

class SqliteStore {
  static async open(target, { create }) {
    if (!create && !fs.existsSync(target.file)) return null;
    const { default: Database } = await import("better-sqlite3");
    fs.mkdirSync(path.dirname(target.file), { recursive: true });
    const db = new Database(target.file);
    db.pragma("busy_timeout = 10000");
    if (create) db.pragma("journal_mode = WAL");
    return new SqliteStore(db, target);
  }
  constructor(db, target) {
    this.db = db;
    this.describe = `SQLite ${target.file}`;
  }
  hasTable() {
    return !!this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
  }
  rows() {
    if (!this.hasTable()) return null;
    return this.db.prepare('SELECT * FROM "_prisma_migrations" ORDER BY "started_at" ASC').all();
  }
  async withLock(fn) {
    return fn();
  }
  ensureTable() {
    this.db.exec("BEGIN IMMEDIATE");
    try {
      if (!this.hasTable()) this.db.exec(SQLITE_TABLE);
      this.db.exec("COMMIT");
    } catch (e) {
      if (this.db.inTransaction) this.db.exec("ROLLBACK");
      throw e;
    }
  }
  /** Applies one migration. Returns false when another process applied it meanwhile. */
  apply(m) {
    const db = this.db;
    const startedAt = sqliteTime();
    // Foreign keys off for the migration, as SQLite's table-redefinition procedure needs
    // (PRAGMA foreign_keys is a no-op inside a transaction, and a DROP TABLE with them on
    // would run ON DELETE CASCADE actions). Integrity is checked before committing.
    db.pragma("foreign_keys = OFF");
    db.exec("BEGIN IMMEDIATE");
    try {
      const done = db
        .prepare(
          'SELECT 1 FROM "_prisma_migrations" WHERE "migration_name" = ? AND "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL',
        )
        .get(m.name);
      if (done) {
        db.exec("ROLLBACK");
        return false;
      }
      db.exec(m.sql);
      const violations = db.prepare("PRAGMA foreign_key_check").all();
      if (violations.length) {
        const v = violations[0];
        throw new Error(
          `foreign key check failed after the migration: ${violations.length} row(s), e.g. table "${v.table}" rowid ${v.rowid} → "${v.parent}"`,
        );
      }
      db.prepare(
        'INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "logs", "rolled_back_at", "started_at", "applied_steps_count") VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)',
      ).run(randomUUID(), m.checksum, sqliteTime(), m.name, startedAt);
      db.exec("COMMIT");
      return true;
    } catch (e) {
      if (db.inTransaction) db.exec("ROLLBACK");
      this.recordFailure(m, startedAt, e);
      throw e;
    } finally {
      db.pragma("foreign_keys = ON");
    }
  }
  recordFailure(m, startedAt, e) {
    try {
      this.db
        .prepare(
          'INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "logs", "rolled_back_at", "started_at", "applied_steps_count") VALUES (?, ?, NULL, ?, ?, NULL, ?, 0)',
        )
        .run(randomUUID(), m.checksum, m.name, failureLog(m, e), startedAt);
    } catch {}
  }
  markRolledBack(name) {
    return this.db
      .prepare(
        'UPDATE "_prisma_migrations" SET "rolled_back_at" = ? WHERE "migration_name" = ? AND "finished_at" IS NULL AND "rolled_back_at" IS NULL',
      )
      .run(sqliteTime(), name).changes;
  }
  async close() {
    this.db.close();
  }
}

function failureLog(m, e) {
  const code = e?.code ? `Database error code: ${e.code}\n\n` : "";
  return `${code}Database error:\n${e?.message ?? e}\n\nMigration ${m.name} failed and its transaction was rolled back.`;
}

// --- PostgreSQL --------------------------------------------------------------------------

const PG_TABLE = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

// Prisma Migrate's advisory lock key: our deploys and `prisma migrate deploy` exclude each other.
const PG_LOCK_KEY = 72707369;

export async function pgClient(url) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  return client;
}

class PgStore {
  static async open(target) {
    return new PgStore(await pgClient(target.url), target);
  }
  constructor(client, target) {
    this.client = client;
    this.describe = `PostgreSQL ${target.redacted}`;
  }
  async hasTable() {
    const r = await this.client.query("SELECT to_regclass('_prisma_migrations')::text AS t");
    return r.rows[0].t != null;
  }
  async rows() {
    if (!(await this.hasTable())) return null;
    return (await this.client.query("SELECT * FROM _prisma_migrations ORDER BY started_at ASC")).rows;
  }
  async withLock(fn) {
    await this.client.query(`SELECT pg_advisory_lock(${PG_LOCK_KEY})`);
    try {
      return await fn();
    } finally {
      await this.client.query(`SELECT pg_advisory_unlock(${PG_LOCK_KEY})`).catch(() => {});
    }
  }
  async ensureTable() {
    if (!(await this.hasTable())) await this.client.query(PG_TABLE);
  }
  async apply(m) {
    const c = this.client;
    const startedAt = new Date();
    await c.query("BEGIN");
    try {
      await c.query(m.sql); // simple query protocol: the whole script in one round trip
      await c.query(
        "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count) VALUES ($1, $2, clock_timestamp(), $3, NULL, NULL, $4, 1)",
        [randomUUID(), m.checksum, m.name, startedAt],
      );
      await c.query("COMMIT");
      return true;
    } catch (e) {
      await c.query("ROLLBACK").catch(() => {});
      if (e?.code === "25001") {
        e.message += " (migrations run in a transaction here; a statement such as CREATE INDEX CONCURRENTLY cannot)";
      }
      await c
        .query(
          "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count) VALUES ($1, $2, NULL, $3, $4, NULL, $5, 0)",
          [randomUUID(), m.checksum, m.name, failureLog(m, e), startedAt],
        )
        .catch(() => {});
      throw e;
    }
  }
  async markRolledBack(name) {
    const r = await this.client.query(
      "UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = $1 AND finished_at IS NULL AND rolled_back_at IS NULL",
      [name],
    );
    return r.rowCount;
  }
  async close() {
    await this.client.end().catch(() => {});
  }
}

async function openStore(target, opts) {
  return target.provider === "sqlite" ? SqliteStore.open(target, opts) : PgStore.open(target);
}

// --- commands ------------------------------------------------------------------------------

/**
 * Applies pending migrations. target: { provider, file? , url, redacted }.
 * Returns { applied: string[], total }.
 */
export async function deploy({ target, migrationsDir, log = console.log }) {
  const { migrations } = readMigrationsDir(migrationsDir, target.provider);
  const store = await openStore(target, { create: true });
  try {
    return await store.withLock(async () => {
      await store.ensureTable();
      const cmp = compareHistory(await store.rows(), migrations);
      if (cmp.failed.length || cmp.modified.length) throw new MigrationError(refusal(cmp, migrationsDir));
      if (cmp.missing.length) {
        log(`Warning: applied migrations not found in ${migrationsDir}: ${cmp.missing.join(", ")}`);
      }
      const applied = [];
      for (const m of cmp.pending) {
        const t0 = Date.now();
        try {
          if (await store.apply(m)) {
            applied.push(m.name);
            log(`Applied migration ${m.name} (${Date.now() - t0} ms)`);
          }
        } catch (e) {
          throw new MigrationError(
            `Migration ${m.name} failed; its transaction was rolled back and the attempt is recorded as failed.\n` +
              `${e?.message ?? e}\n` +
              `Fix ${path.relative(process.cwd(), m.file) || m.file}, then: node scripts/db.mjs resolve --rolled-back ${m.name}`,
          );
        }
      }
      if (applied.length === 0) log(`Database is up to date (${migrations.length} migrations)`);
      return { applied, total: migrations.length };
    });
  } finally {
    await store.close();
  }
}

/** Compares the folder with the database. Returns the comparison plus `ok`. */
export async function status({ target, migrationsDir }) {
  const { migrations } = readMigrationsDir(migrationsDir, target.provider);
  const store = await openStore(target, { create: false });
  let rows = null;
  try {
    rows = store ? await store.rows() : null;
  } finally {
    await store?.close();
  }
  const cmp = compareHistory(rows, migrations);
  const ok = !cmp.pending.length && !cmp.modified.length && !cmp.failed.length && !cmp.missing.length;
  return { ...cmp, total: migrations.length, ok, describe: store?.describe, exists: rows != null };
}

export async function resolveRolledBack({ target, name }) {
  const store = await openStore(target, { create: false });
  if (!store) throw new MigrationError("The database does not exist yet.");
  try {
    if (!(await store.hasTable())) throw new MigrationError("The database has no _prisma_migrations table.");
    const n = await store.markRolledBack(name);
    if (!n) throw new MigrationError(`No failed attempt of ${name} is recorded.`);
    return n;
  } finally {
    await store.close();
  }
}

/** Drops everything: SQLite deletes the file (and -wal, -shm, -journal); PostgreSQL recreates schema public. */
export async function dropAll(target) {
  if (target.provider === "sqlite") {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(target.file + suffix, { force: true });
    return;
  }
  const client = await pgClient(target.url);
  try {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  } finally {
    await client.end().catch(() => {});
  }
}
