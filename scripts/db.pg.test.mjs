// Tests of the migration tool (scripts/db.mjs) on PostgreSQL, of `migrate` (which always
// diffs both providers), of the provider parity check (`diff-check` on the repository's
// migrations) and of scripts/lib/pg-cluster.mjs.
//
// Server: TEST_PG_ADMIN_URL when set (scripts/test.mjs passes its cluster's maintenance
// database), else one private cluster for the whole file (scripts/lib/pg-cluster.mjs).
// Without server binaries the file is skipped with a loud warning, except under CI where
// that is a failure. Each test gets its own database(s) and a temp copy of prisma/.

import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPgBin, startPgCluster } from "./lib/pg-cluster.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DB = path.join(ROOT, "scripts", "db.mjs");
const ADMIN_URL = process.env.TEST_PG_ADMIN_URL || "";
const PG_BIN = findPgBin();
const AVAILABLE = !!ADMIN_URL || !!PG_BIN;
const IS_CI = !!process.env.CI && process.env.CI !== "false" && process.env.CI !== "0";

if (!AVAILABLE) {
  console.warn(
    "\n" +
      "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n" +
      "!!! scripts/db.pg.test.mjs: PostgreSQL migration tests SKIPPED: no PostgreSQL server\n" +
      "!!! binaries (initdb, pg_ctl, postgres) and no TEST_PG_ADMIN_URL. Install them, e.g.\n" +
      "!!! `apt-get install postgresql`. With CI set this is a failure.\n" +
      "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n",
  );
}

describe.runIf(!AVAILABLE && IS_CI)("PostgreSQL availability", () => {
  it("has PostgreSQL server binaries (required when CI is set)", () => {
    throw new Error("No PostgreSQL server binaries (initdb, pg_ctl, postgres) and no TEST_PG_ADMIN_URL, with CI set.");
  });
});

describe.runIf(AVAILABLE)("db.mjs on PostgreSQL", () => {
  let TMP = "";
  let cluster = null;
  let serverUrl = ADMIN_URL;
  const databases = [];

  beforeAll(async () => {
    TMP = fs.mkdtempSync(path.join(os.tmpdir(), "remit-db-pg-test-"));
    if (!serverUrl) {
      cluster = await startPgCluster();
      serverUrl = cluster.url;
    }
  }, 120_000);

  afterAll(async () => {
    if (!cluster && serverUrl) {
      const c = await client(serverUrl);
      for (const d of databases) await c.query(`DROP DATABASE IF EXISTS "${d}" WITH (FORCE)`).catch(() => {});
      await c.end();
    }
    await cluster?.stop();
    if (TMP) fs.rmSync(TMP, { recursive: true, force: true });
  }, 60_000);

  async function client(url) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    return c;
  }
  function withDatabase(url, name) {
    const u = new URL(url);
    u.pathname = `/${name}`;
    return u.toString();
  }
  async function createDatabase() {
    const name = `remit_tool_${databases.length}_${randomBytes(3).toString("hex")}`;
    const c = await client(serverUrl);
    await c.query(`CREATE DATABASE "${name}"`);
    await c.end();
    databases.push(name);
    return withDatabase(serverUrl, name);
  }
  async function query(url, sql, params) {
    const c = await client(url);
    try {
      return (await c.query(sql, params)).rows;
    } finally {
      await c.end();
    }
  }

  let n = 0;
  function workspace() {
    const dir = path.join(TMP, `w${++n}`);
    const prismaDir = path.join(dir, "prisma");
    fs.cpSync(path.join(ROOT, "prisma"), prismaDir, {
      recursive: true,
      filter: (src) => !src.includes(`${path.sep}generated`),
    });
    return {
      prismaDir,
      sqliteUrl: `file:${path.join(dir, "remit.db")}`,
      sqliteMigrations: path.join(prismaDir, "migrations"),
      pgMigrations: path.join(prismaDir, "postgres", "migrations"),
      sourceSchema: path.join(prismaDir, "schema.prisma"),
    };
  }
  function db(args, { url, prismaDir, env = {} }) {
    const r = spawnSync(process.execPath, [DB, ...args, ...(prismaDir ? ["--prisma-dir", prismaDir] : [])], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, NODE_ENV: "test", REMIT_PG_TOOL_URL: "", ...env, DATABASE_URL: url },
      timeout: 120_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, out: r.stdout + r.stderr };
  }
  const names = (dir) =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  const sha256 = (file) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");
  function addMigration(dir, name, sql) {
    fs.mkdirSync(path.join(dir, name), { recursive: true });
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  async function shadowDatabasesLeft() {
    return (await query(serverUrl, "SELECT datname FROM pg_database WHERE datname LIKE '%\\_shadow\\_%'")).map(
      (r) => r.datname,
    );
  }

  it("deploy applies the committed migrations once, recording them as Prisma does; status is clean", async () => {
    const w = workspace();
    const url = await createDatabase();
    const expected = names(w.pgMigrations);
    const first = db(["deploy"], { url, prismaDir: w.prismaDir });
    expect(first.code, first.out).toBe(0);
    for (const name of expected) expect(first.stdout).toContain(`Applied migration ${name}`);

    const rows = await query(url, "SELECT * FROM _prisma_migrations ORDER BY migration_name");
    expect(rows.map((r) => r.migration_name)).toEqual(expected);
    for (const r of rows) {
      expect(r.checksum).toBe(sha256(path.join(w.pgMigrations, r.migration_name, "migration.sql")));
      expect(r.finished_at).toBeInstanceOf(Date);
      expect(r.applied_steps_count).toBe(1);
      expect(r.rolled_back_at).toBeNull();
    }
    const cols = await query(
      url,
      "SELECT column_name, data_type, character_maximum_length AS len FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position",
    );
    expect(cols.map((c) => `${c.column_name}:${c.data_type}${c.len ? `(${c.len})` : ""}`)).toEqual([
      "id:character varying(36)",
      "checksum:character varying(64)",
      "finished_at:timestamp with time zone",
      "migration_name:character varying(255)",
      "logs:text",
      "rolled_back_at:timestamp with time zone",
      "started_at:timestamp with time zone",
      "applied_steps_count:integer",
    ]);

    const second = db(["deploy"], { url, prismaDir: w.prismaDir });
    expect(second.code, second.out).toBe(0);
    expect(second.stdout.trim()).toBe(`Database is up to date (${expected.length} migrations)`);
    const st = db(["status"], { url, prismaDir: w.prismaDir });
    expect(st.code, st.out).toBe(0);
  }, 60_000);

  it("status reports pending migrations; a changed applied migration is refused", async () => {
    const w = workspace();
    const url = await createDatabase();
    const st = db(["status"], { url, prismaDir: w.prismaDir });
    expect(st.code).toBe(1);
    expect(st.stdout).toContain("no migrations table yet");
    expect(st.stdout).toMatch(/Pending:\n {2}\d{14}_init/);

    expect(db(["deploy"], { url, prismaDir: w.prismaDir }).code).toBe(0);
    const [init] = names(w.pgMigrations);
    fs.appendFileSync(path.join(w.pgMigrations, init, "migration.sql"), "\n-- edited\n");
    const d = db(["deploy"], { url, prismaDir: w.prismaDir });
    expect(d.code).toBe(1);
    expect(d.stderr).toContain(`changed after being applied (checksum differs): ${init}`);
    expect(db(["status"], { url, prismaDir: w.prismaDir }).code).toBe(1);
  }, 60_000);

  it("a failing migration is rolled back (one transaction), recorded as failed, and blocks until resolved", async () => {
    const w = workspace();
    const url = await createDatabase();
    expect(db(["deploy"], { url, prismaDir: w.prismaDir }).code).toBe(0);
    const broken = "20990101000000_broken";
    addMigration(
      w.pgMigrations,
      broken,
      'CREATE TABLE "Half" ("id" TEXT PRIMARY KEY);\nINSERT INTO "Nope" VALUES (1);\n',
    );
    const d = db(["deploy"], { url, prismaDir: w.prismaDir });
    expect(d.code).toBe(1);
    expect(d.stderr).toContain(`Migration ${broken} failed`);
    expect(await query(url, "SELECT to_regclass('\"Half\"')::text AS t")).toEqual([{ t: null }]);
    const [row] = await query(url, "SELECT * FROM _prisma_migrations WHERE migration_name = $1", [broken]);
    expect(row.finished_at).toBeNull();
    expect(row.logs).toContain('relation "Nope" does not exist');

    const again = db(["deploy"], { url, prismaDir: w.prismaDir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("recorded as failed");
    addMigration(w.pgMigrations, broken, 'CREATE TABLE "Half" ("id" TEXT PRIMARY KEY);\n');
    expect(db(["resolve", "--rolled-back", broken], { url, prismaDir: w.prismaDir }).code).toBe(0);
    const fixed = db(["deploy"], { url, prismaDir: w.prismaDir });
    expect(fixed.code, fixed.out).toBe(0);
    expect(await query(url, "SELECT to_regclass('\"Half\"')::text AS t")).toEqual([{ t: '"Half"' }]);
  }, 60_000);

  it("reset drops schema public and re-applies", async () => {
    const w = workspace();
    const url = await createDatabase();
    expect(db(["deploy"], { url, prismaDir: w.prismaDir }).code).toBe(0);
    await query(url, `INSERT INTO "Team" (id, slug, name, "updatedAt") VALUES ('t1', 't', 'T', now())`);
    expect(db(["reset"], { url, prismaDir: w.prismaDir, env: { NODE_ENV: "production" } }).code).toBe(1);
    const r = db(["reset"], { url, prismaDir: w.prismaDir });
    expect(r.code, r.out).toBe(0);
    expect(await query(url, `SELECT COUNT(*)::int AS n FROM "Team"`)).toEqual([{ n: 0 }]);
    expect(db(["status"], { url, prismaDir: w.prismaDir }).code).toBe(0);
  }, 60_000);

  it("migrate without schema changes writes nothing (both providers)", async () => {
    const w = workspace();
    const url = await createDatabase();
    const before = [names(w.sqliteMigrations), names(w.pgMigrations)];
    const r = db(["migrate", "nothing"], { url, prismaDir: w.prismaDir });
    expect(r.code, r.out).toBe(0);
    expect(r.stdout).toContain("No schema changes");
    expect([names(w.sqliteMigrations), names(w.pgMigrations)]).toEqual(before);
    // It deployed the dev database (DATABASE_URL) afterwards.
    expect(db(["status"], { url, prismaDir: w.prismaDir }).code).toBe(0);
    expect(await shadowDatabasesLeft()).toEqual([]);
  }, 120_000);

  it("migrate <name> writes the same new migration for both providers, and both apply", async () => {
    const w = workspace();
    const pgUrl = await createDatabase();
    expect(db(["deploy"], { url: pgUrl, prismaDir: w.prismaDir }).code).toBe(0);
    fs.appendFileSync(
      w.sourceSchema,
      "\nmodel Widget {\n  id        String   @id @default(cuid())\n  name      String\n  createdAt DateTime @default(now())\n\n  @@index([name])\n}\n",
    );
    // SQLite dev database; the PostgreSQL shadow goes to REMIT_PG_TOOL_URL.
    const r = db(["migrate", "Add widgets!"], {
      url: w.sqliteUrl,
      prismaDir: w.prismaDir,
      env: { REMIT_PG_TOOL_URL: serverUrl },
    });
    expect(r.code, r.out).toBe(0);
    const newSqlite = names(w.sqliteMigrations).at(-1);
    const newPg = names(w.pgMigrations).at(-1);
    expect(newSqlite).toMatch(/^\d{14}_add_widgets$/);
    expect(newPg).toBe(newSqlite);
    expect(fs.readFileSync(path.join(w.sqliteMigrations, newSqlite, "migration.sql"), "utf8")).toContain(
      'CREATE TABLE "Widget"',
    );
    const pgSql = fs.readFileSync(path.join(w.pgMigrations, newPg, "migration.sql"), "utf8");
    expect(pgSql).toContain('CREATE TABLE "Widget"');
    expect(pgSql).toContain("TIMESTAMP(3)");
    expect(r.stdout).toContain(`Applied migration ${newSqlite}`);
    // The generated PostgreSQL schema copy follows the source.
    expect(fs.readFileSync(path.join(w.prismaDir, "postgres", "schema.prisma"), "utf8")).toContain("model Widget");

    // PostgreSQL dev database: the new migration is pending, then applies.
    const st = db(["status"], { url: pgUrl, prismaDir: w.prismaDir });
    expect(st.code).toBe(1);
    expect(st.stdout).toContain(`Pending:\n  ${newPg}`);
    const d = db(["deploy"], { url: pgUrl, prismaDir: w.prismaDir });
    expect(d.code, d.out).toBe(0);
    expect(d.stdout).toContain(`Applied migration ${newPg}`);
    expect(await query(pgUrl, `SELECT to_regclass('"Widget"')::text AS t`)).toEqual([{ t: '"Widget"' }]);

    // Both histories now produce the changed schema; a second migrate finds nothing.
    const check = db(["diff-check"], {
      url: w.sqliteUrl,
      prismaDir: w.prismaDir,
      env: { REMIT_PG_TOOL_URL: serverUrl },
    });
    expect(check.code, check.out).toBe(0);
    const again = db(["migrate", "again"], { url: pgUrl, prismaDir: w.prismaDir });
    expect(again.code, again.out).toBe(0);
    expect(again.stdout).toContain("No schema changes");
    expect(names(w.pgMigrations).at(-1)).toBe(newPg);
    expect(await shadowDatabasesLeft()).toEqual([]);
  }, 120_000);

  it("parity: the repository's committed migrations produce the current schema on both providers", () => {
    // The same check `npm test` relies on: node scripts/db.mjs diff-check.
    const r = db(["diff-check"], { url: `file:${path.join(TMP, "unused.db")}`, env: { REMIT_PG_TOOL_URL: serverUrl } });
    expect(r.code, r.out).toBe(0);
    expect(r.stdout).toMatch(/sqlite: \d+ migrations in .* produce the schema/);
    expect(r.stdout).toMatch(/postgresql: \d+ migrations in .* produce the schema/);
    expect(fs.existsSync(path.join(TMP, "unused.db"))).toBe(false);
  }, 120_000);

  it("the generated PostgreSQL client works through @prisma/adapter-pg on the migrated schema", async () => {
    const url = await createDatabase();
    expect(db(["deploy"], { url }).code).toBe(0);
    const clientFile = path.join(ROOT, "prisma", "generated", "postgres", "client.ts");
    expect(fs.existsSync(clientFile), "run node scripts/prisma-generate.mjs (postinstall)").toBe(true);
    const { PrismaClient } = await import("../prisma/generated/postgres/client.ts");
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    try {
      const team = await prisma.team.create({ data: { slug: "core", name: "Core" } });
      const user = await prisma.user.create({ data: { name: "Grace", email: "grace@example.test" } });
      await prisma.membership.create({ data: { teamId: team.id, userId: user.id, role: "owner" } });
      const read = await prisma.user.findUnique({
        where: { email: "grace@example.test" },
        include: { memberships: true },
      });
      expect(read?.name).toBe("Grace");
      expect(read?.createdAt).toBeInstanceOf(Date);
      expect(read?.memberships.map((m) => m.role)).toEqual(["owner"]);
    } finally {
      await prisma.$disconnect();
    }
  }, 60_000);
});

describe.runIf(!!PG_BIN)("pg-cluster", () => {
  it("starts a private cluster on 127.0.0.1 and removes it on stop", async () => {
    const c = await startPgCluster();
    try {
      expect(c.host).toBe("127.0.0.1");
      expect(c.url).toBe(`postgresql://postgres@127.0.0.1:${c.port}/postgres`);
      const client = new pg.Client({ connectionString: c.url });
      await client.connect();
      const [row] = (
        await client.query("SELECT current_setting('listen_addresses') AS l, current_setting('fsync') AS f")
      ).rows;
      await client.end();
      expect(row).toEqual({ l: "127.0.0.1", f: "off" });
    } finally {
      await c.stop();
    }
    expect(fs.existsSync(c.dataDir)).toBe(false);
  }, 60_000);
});
