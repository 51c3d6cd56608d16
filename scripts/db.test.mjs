// Tests of the migration tool (scripts/db.mjs) on SQLite, and of its pure helpers. No
// server: the PostgreSQL side (and `migrate`, which always diffs both providers) is in
// scripts/db.pg.test.mjs. Each test works on a temp copy of prisma/ (--prisma-dir) and a
// temp database, so the repository is never touched.

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resolveDatabaseUrl } from "./lib/database-url.mjs";
import { compareHistory } from "./lib/migrations.mjs";
import { GENERATED_HEADER, derivePostgresSchema, prismaPaths, readSchemas } from "./lib/schemas.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DB = path.join(ROOT, "scripts", "db.mjs");
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), "remit-db-test-"));
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

let n = 0;
/** A fresh copy of prisma/ (without generated clients) and a database path in a missing folder. */
function workspace() {
  const dir = path.join(TMP, `w${++n}`);
  const prismaDir = path.join(dir, "prisma");
  fs.cpSync(path.join(ROOT, "prisma"), prismaDir, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}generated`),
  });
  const file = path.join(dir, "data", "nested", "remit.db");
  return { dir, prismaDir, file, url: `file:${file}`, sqliteMigrations: path.join(prismaDir, "migrations") };
}

function db(args, { url, prismaDir, env = {} }) {
  const r = spawnSync(process.execPath, [DB, ...args, "--prisma-dir", prismaDir], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "test", REMIT_PG_TOOL_URL: "", ...env, DATABASE_URL: url },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, out: r.stdout + r.stderr };
}

function migrationNames(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

function addMigration(migrationsDir, name, sql) {
  fs.mkdirSync(path.join(migrationsDir, name), { recursive: true });
  fs.writeFileSync(path.join(migrationsDir, name, "migration.sql"), sql);
}

const sha256 = (file) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

describe("schemas", () => {
  it("derives the PostgreSQL schema from the SQLite source", () => {
    const src = fs.readFileSync(path.join(ROOT, "prisma", "schema.prisma"), "utf8");
    const pg = derivePostgresSchema(src);
    expect(pg.startsWith(GENERATED_HEADER)).toBe(true);
    expect(pg).toMatch(/datasource db \{\s*provider = "postgresql"/);
    expect(pg).toMatch(/output\s*=\s*"\.\.\/generated\/postgres"/);
    expect(pg).not.toMatch(/"sqlite"|generated\/sqlite/);
    // Same models.
    const models = (s) => s.match(/^model \w+/gm);
    expect(models(pg)).toEqual(models(src));
  });

  it("refuses a source schema that is not the SQLite one", () => {
    expect(() =>
      derivePostgresSchema(
        'generator client {\n  output = "./generated/sqlite"\n}\ndatasource db {\n  provider = "postgresql"\n}\n',
      ),
    ).toThrow(/sqlite/);
  });

  it("the committed prisma/postgres/schema.prisma is up to date", () => {
    const paths = prismaPaths(path.join(ROOT, "prisma"));
    expect(fs.readFileSync(paths.postgresSchema, "utf8")).toBe(readSchemas(paths).postgresql);
  });
});

describe("DATABASE_URL", () => {
  it("picks the provider and resolves SQLite paths against the repository root", () => {
    expect(resolveDatabaseUrl(undefined, "/repo")).toEqual({
      provider: "sqlite",
      file: "/repo/data/remit.db",
      url: "file:/repo/data/remit.db",
    });
    expect(resolveDatabaseUrl("", "/repo").file).toBe("/repo/data/remit.db");
    expect(resolveDatabaseUrl("file:./x/y.db?connection_limit=1", "/repo").file).toBe("/repo/x/y.db");
    expect(resolveDatabaseUrl("file:/abs/z.db", "/repo").file).toBe("/abs/z.db");
    expect(resolveDatabaseUrl("file:///abs/z.db", "/repo").file).toBe("/abs/z.db");
    expect(resolveDatabaseUrl("postgresql://u:p@h:5432/d").provider).toBe("postgresql");
    expect(resolveDatabaseUrl("postgres://u@h/d").provider).toBe("postgresql");
    expect(() => resolveDatabaseUrl("mysql://h/d")).toThrow(/DATABASE_URL/);
  });
});

describe("compareHistory", () => {
  const m = (name, content = name) => ({ name, bytes: Buffer.from(content), checksum: "" });
  const row = (name, content, extra = {}) => ({
    migration_name: name,
    checksum: createHash("sha256").update(content).digest("hex"),
    finished_at: "2025-01-01T00:00:00.000+00:00",
    rolled_back_at: null,
    ...extra,
  });
  it("sorts migrations into applied, pending, modified, failed and missing", () => {
    const r = compareHistory(
      [
        row("a", "a"),
        row("b", "old"),
        row("c", "c", { finished_at: null }),
        row("d", "d", { finished_at: null, rolled_back_at: "x" }),
        row("z", "z"),
      ],
      [m("a"), m("b"), m("c"), m("d"), m("e")],
    );
    expect(r.applied.map((x) => x.name)).toEqual(["a", "b"]);
    expect(r.modified).toEqual(["b"]);
    expect(r.failed).toEqual(["c"]);
    expect(r.pending.map((x) => x.name)).toEqual(["d", "e"]);
    expect(r.missing).toEqual(["z"]);
  });
  it("accepts a checksum taken with LF line ends for a CRLF file (as Prisma does)", () => {
    const r = compareHistory([row("a", "x\ny\n")], [m("a", "x\r\ny\r\n")]);
    expect(r.modified).toEqual([]);
  });
});

describe("db.mjs on SQLite", () => {
  let w;
  beforeEach(() => {
    w = workspace();
  });

  it("deploy applies the committed migrations once, recording them as Prisma does", () => {
    const names = migrationNames(w.sqliteMigrations);
    expect(names.length).toBeGreaterThan(0);
    const first = db(["deploy"], w);
    expect(first.code, first.out).toBe(0);
    for (const name of names) expect(first.stdout).toContain(`Applied migration ${name}`);
    expect(fs.existsSync(w.file)).toBe(true);

    const sqlite = new Database(w.file, { readonly: true });
    try {
      expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
      const rows = sqlite.prepare('SELECT * FROM "_prisma_migrations" ORDER BY migration_name').all();
      expect(rows.map((r) => r.migration_name)).toEqual(names);
      for (const r of rows) {
        expect(r.checksum).toBe(sha256(path.join(w.sqliteMigrations, r.migration_name, "migration.sql")));
        expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
        expect(r.finished_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
        expect(r.started_at).toMatch(/^\d{4}-\d\d-\d\dT/);
        expect(r.rolled_back_at).toBeNull();
        expect(r.logs).toBeNull();
        expect(r.applied_steps_count).toBe(1);
      }
      // Prisma's own DDL for the table.
      const ddl = sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = '_prisma_migrations'").get().sql;
      expect(ddl).toContain('"applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0');
      expect(
        sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'User'").get(),
      ).toBeTruthy();
    } finally {
      sqlite.close();
    }

    const second = db(["deploy"], w);
    expect(second.code, second.out).toBe(0);
    expect(second.stdout.trim()).toBe(`Database is up to date (${names.length} migrations)`);

    const st = db(["status"], w);
    expect(st.code, st.out).toBe(0);
    expect(st.stdout).toContain("Database is up to date");
  });

  it("status reports pending migrations (exit 1) without creating the database", () => {
    const st = db(["status"], w);
    expect(st.code).toBe(1);
    expect(st.stdout).toMatch(/Pending:\n {2}\d{14}_init/);
    expect(fs.existsSync(w.file)).toBe(false);

    expect(db(["deploy"], w).code).toBe(0);
    addMigration(
      w.sqliteMigrations,
      "20990101000000_add_note",
      'CREATE TABLE "Note" ("id" TEXT NOT NULL PRIMARY KEY);\n',
    );
    const st2 = db(["status"], w);
    expect(st2.code).toBe(1);
    expect(st2.stdout).toContain("Pending:\n  20990101000000_add_note");
    const d = db(["deploy"], w);
    expect(d.code, d.out).toBe(0);
    expect(d.stdout.trim()).toMatch(/^Applied migration 20990101000000_add_note \(\d+ ms\)$/);
    expect(db(["status"], w).code).toBe(0);
  });

  it("refuses to deploy when an applied migration was changed", () => {
    expect(db(["deploy"], w).code).toBe(0);
    const [init] = migrationNames(w.sqliteMigrations);
    fs.appendFileSync(path.join(w.sqliteMigrations, init, "migration.sql"), "\n-- edited\n");
    addMigration(
      w.sqliteMigrations,
      "20990101000000_add_note",
      'CREATE TABLE "Note" ("id" TEXT NOT NULL PRIMARY KEY);\n',
    );
    const d = db(["deploy"], w);
    expect(d.code).toBe(1);
    expect(d.stderr).toContain(`changed after being applied (checksum differs): ${init}`);
    // Nothing else was applied.
    const sqlite = new Database(w.file, { readonly: true });
    expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'Note'").get()).toBeUndefined();
    sqlite.close();
    const st = db(["status"], w);
    expect(st.code).toBe(1);
    expect(st.stdout).toContain(`Modified after being applied (checksum differs):\n  ${init}`);
  });

  it("a failing migration is rolled back, recorded as failed, and blocks deploys until resolved", () => {
    expect(db(["deploy"], w).code).toBe(0);
    const broken = "20990101000000_broken";
    addMigration(
      w.sqliteMigrations,
      broken,
      'CREATE TABLE "Half" ("id" TEXT NOT NULL PRIMARY KEY);\nINSERT INTO "Nope" VALUES (1);\n',
    );
    const d = db(["deploy"], w);
    expect(d.code).toBe(1);
    expect(d.stderr).toContain(`Migration ${broken} failed`);
    expect(d.stderr).toContain("no such table: Nope");

    let sqlite = new Database(w.file, { readonly: true });
    expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'Half'").get()).toBeUndefined();
    const failed = sqlite.prepare('SELECT * FROM "_prisma_migrations" WHERE migration_name = ?').get(broken);
    expect(failed.finished_at).toBeNull();
    expect(failed.rolled_back_at).toBeNull();
    expect(failed.applied_steps_count).toBe(0);
    expect(failed.logs).toContain("no such table: Nope");
    sqlite.close();

    const again = db(["deploy"], w);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`recorded as failed in _prisma_migrations: ${broken}`);
    expect(db(["status"], w).stdout).toContain(`Failed (resolve with`);

    addMigration(w.sqliteMigrations, broken, 'CREATE TABLE "Half" ("id" TEXT NOT NULL PRIMARY KEY);\n');
    const res = db(["resolve", "--rolled-back", broken], w);
    expect(res.code, res.out).toBe(0);
    const fixed = db(["deploy"], w);
    expect(fixed.code, fixed.out).toBe(0);
    expect(fixed.stdout).toContain(`Applied migration ${broken}`);
    sqlite = new Database(w.file, { readonly: true });
    const rows = sqlite
      .prepare('SELECT * FROM "_prisma_migrations" WHERE migration_name = ? ORDER BY started_at')
      .all(broken);
    expect(rows).toHaveLength(2);
    expect(rows[0].rolled_back_at).not.toBeNull();
    expect(rows[1].finished_at).not.toBeNull();
    sqlite.close();
  });

  it("a table redefinition does not cascade-delete child rows", async () => {
    expect(db(["deploy"], w).code).toBe(0);
    let sqlite = new Database(w.file);
    sqlite
      .prepare(
        `INSERT INTO "User" (id, name, email, updatedAt) VALUES ('u1', 'Ada', 'ada@x.test', '2025-01-01T00:00:00.000Z')`,
      )
      .run();
    sqlite
      .prepare(`INSERT INTO "Account" (id, userId, provider, providerAccountId) VALUES ('a1', 'u1', 'github', '42')`)
      .run();
    sqlite.close();

    // SQLite cannot ALTER a column: Prisma redefines the table (copy, DROP, rename).
    const paths = prismaPaths(w.prismaDir);
    const schema = fs
      .readFileSync(paths.sourceSchema, "utf8")
      .replace(/^(\s*image\s+)String\?/m, '$1String @default("")');
    const { diffSqlite } = await import("./lib/schema-engine.mjs");
    const r = await diffSqlite({ migrationsDir: w.sqliteMigrations, schema });
    expect(r.empty).toBe(false);
    expect(r.script).toContain('DROP TABLE "User"');
    addMigration(w.sqliteMigrations, "20990101000000_image_required", r.script);

    const d = db(["deploy"], w);
    expect(d.code, d.out).toBe(0);
    sqlite = new Database(w.file, { readonly: true });
    expect(sqlite.prepare(`SELECT image FROM "User" WHERE id = 'u1'`).get()).toEqual({ image: "" });
    expect(sqlite.prepare(`SELECT id FROM "Account"`).all()).toEqual([{ id: "a1" }]);
    sqlite.close();
  }, 30_000);

  it("reset drops everything and re-applies; refused in production without --force", () => {
    expect(db(["deploy"], w).code).toBe(0);
    let sqlite = new Database(w.file);
    sqlite
      .prepare(`INSERT INTO "Team" (id, slug, name, updatedAt) VALUES ('t1', 't', 'T', '2025-01-01T00:00:00.000Z')`)
      .run();
    sqlite.close();

    const refused = db(["reset"], { ...w, env: { NODE_ENV: "production" } });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("NODE_ENV=production");

    const r = db(["reset"], w);
    expect(r.code, r.out).toBe(0);
    expect(r.stdout).toContain("Applied migration");
    sqlite = new Database(w.file, { readonly: true });
    expect(sqlite.prepare(`SELECT COUNT(*) AS n FROM "Team"`).get().n).toBe(0);
    sqlite.close();

    const forced = db(["reset", "--force"], { ...w, env: { NODE_ENV: "production" } });
    expect(forced.code, forced.out).toBe(0);
  });

  it("diff-check (SQLite): the committed migrations produce the schema; a schema change without a migration fails", () => {
    const ok = db(["diff-check", "--provider", "sqlite"], w);
    expect(ok.code, ok.out).toBe(0);
    expect(ok.stdout).toContain("produce the schema");

    const paths = prismaPaths(w.prismaDir);
    fs.appendFileSync(paths.sourceSchema, "\nmodel Widget {\n  id   String @id\n  name String\n}\n");
    const bad = db(["diff-check", "--provider", "sqlite"], w);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('CREATE TABLE "Widget"');
    expect(bad.stdout).toContain("postgres/schema.prisma is stale"); // the copy was not regenerated
  });

  it("the generated SQLite client works through @prisma/adapter-better-sqlite3 on the migrated schema", async () => {
    expect(db(["deploy"], w).code).toBe(0);
    const clientFile = path.join(ROOT, "prisma", "generated", "sqlite", "client.ts");
    expect(fs.existsSync(clientFile), "run node scripts/prisma-generate.mjs (postinstall)").toBe(true);
    const { PrismaClient } = await import("../prisma/generated/sqlite/client.ts");
    const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
    const prisma = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: w.url }) });
    try {
      const user = await prisma.user.create({ data: { name: "Ada", email: "ada@example.test" } });
      const read = await prisma.user.findUnique({ where: { id: user.id } });
      expect(read?.email).toBe("ada@example.test");
      expect(read?.createdAt).toBeInstanceOf(Date);
      const change = await prisma.matrixChange.count();
      expect(change).toBe(0);
    } finally {
      await prisma.$disconnect();
    }
  }, 30_000);

  it("refuses a migrations folder whose lock file names another provider", () => {
    fs.writeFileSync(path.join(w.sqliteMigrations, "migration_lock.toml"), 'provider = "postgresql"\n');
    const d = db(["deploy"], w);
    expect(d.code).toBe(1);
    expect(d.stderr).toContain('says provider "postgresql"');
  });
});
