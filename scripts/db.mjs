#!/usr/bin/env node
// Remit's database tool. The provider follows DATABASE_URL: postgres:// or postgresql://
// → PostgreSQL (prisma/postgres/migrations), file:… or unset → SQLite
// (prisma/migrations), default file:./data/remit.db relative to the repository root.
//
//   node scripts/db.mjs deploy           apply pending committed migrations (npm start, tests)
//   node scripts/db.mjs status           applied / pending / modified; exit 1 unless up to date
//   node scripts/db.mjs migrate <name>   new migration for both providers from the schema
//                                        change, then deploy (development)
//   node scripts/db.mjs reset [--force]  drop everything and deploy (refused in production
//                                        unless --force)
//   node scripts/db.mjs diff-check       the committed migrations of each provider produce
//                                        exactly the current schema; exit 1 with the diff
//   node scripts/db.mjs resolve --rolled-back <migration>
//                                        mark a failed attempt as rolled back (as
//                                        `prisma migrate resolve --rolled-back` does)
// Options: --prisma-dir <dir> (or REMIT_PRISMA_DIR) to work on a copy of prisma/;
//          --provider sqlite|postgresql (diff-check only).
// PostgreSQL server for migrate/diff-check shadow databases: DATABASE_URL when it is
// PostgreSQL, else REMIT_PG_TOOL_URL, else a private throw-away cluster
// (scripts/lib/pg-cluster.mjs).
//
// deploy/status/reset/resolve need only runtime dependencies (better-sqlite3, pg);
// migrate and diff-check load Prisma's wasm schema engine (dev dependencies) lazily.

import fs from "node:fs";
import path from "node:path";
import { resolveDatabaseUrl, redactUrl } from "./lib/database-url.mjs";
import {
  MigrationError,
  deploy,
  dropAll,
  ensureLockFile,
  readMigrationsDir,
  resolveRolledBack,
  status,
} from "./lib/migrations.mjs";
import { REPO_ROOT, prismaPaths, readSchemas, writePostgresSchema } from "./lib/schemas.mjs";

const USAGE = `usage: node scripts/db.mjs <deploy|status|migrate <name>|reset [--force]|diff-check [--provider sqlite|postgresql]|resolve --rolled-back <migration>> [--prisma-dir <dir>]`;

function parseArgs(argv) {
  const out = { _: [], flags: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--force" || a === "--help" || a === "-h") out.flags[a.replace(/^-+/, "")] = true;
    else if (a === "--prisma-dir" || a === "--provider" || a === "--rolled-back") {
      if (i + 1 >= argv.length) throw new MigrationError(`${a} needs a value\n${USAGE}`);
      out.flags[a.slice(2)] = argv[++i];
    } else if (a.startsWith("--") && a.includes("=")) {
      const [k, v] = a.slice(2).split(/=(.*)/s);
      out.flags[k] = v;
    } else if (a.startsWith("-")) throw new MigrationError(`unknown option ${a}\n${USAGE}`);
    else out._.push(a);
  }
  return out;
}

function target() {
  const t = resolveDatabaseUrl();
  return { ...t, redacted: t.provider === "sqlite" ? t.file : redactUrl(t.url) };
}

const isCI = !!process.env.CI && process.env.CI !== "false" && process.env.CI !== "0";
const rel = (p) => path.relative(process.cwd(), p) || p;

// --- PostgreSQL server for shadow databases ----------------------------------------------

let cluster = null;
async function pgServerUrl({ required }) {
  const t = resolveDatabaseUrl();
  if (t.provider === "postgresql") return t.url;
  if (process.env.REMIT_PG_TOOL_URL) return process.env.REMIT_PG_TOOL_URL;
  const { findPgBin, startPgCluster } = await import("./lib/pg-cluster.mjs");
  if (!findPgBin()) {
    const msg =
      "No PostgreSQL server available for the PostgreSQL shadow database: install the server binaries " +
      "(initdb, pg_ctl, postgres; e.g. apt-get install postgresql) or set DATABASE_URL / REMIT_PG_TOOL_URL to a PostgreSQL server.";
    if (required) throw new MigrationError(msg);
    return null;
  }
  cluster ??= await startPgCluster();
  return cluster.url;
}

// --- commands ------------------------------------------------------------------------------

async function cmdDeploy(paths) {
  const t = target();
  await deploy({ target: t, migrationsDir: paths.migrations[t.provider] });
}

async function cmdStatus(paths) {
  const t = target();
  const dir = paths.migrations[t.provider];
  const s = await status({ target: t, migrationsDir: dir });
  console.log(
    `${t.provider === "sqlite" ? "SQLite" : "PostgreSQL"} ${t.redacted}${s.exists ? "" : " (no migrations table yet)"}`,
  );
  console.log(`${s.total} migration${s.total === 1 ? "" : "s"} in ${rel(dir)}, ${s.applied.length} applied`);
  if (s.pending.length) console.log(`Pending:\n${s.pending.map((m) => `  ${m.name}`).join("\n")}`);
  if (s.modified.length)
    console.log(`Modified after being applied (checksum differs):\n${s.modified.map((n) => `  ${n}`).join("\n")}`);
  if (s.failed.length)
    console.log(
      `Failed (resolve with \`node scripts/db.mjs resolve --rolled-back <name>\`):\n${s.failed.map((n) => `  ${n}`).join("\n")}`,
    );
  if (s.missing.length)
    console.log(`Applied but missing from ${rel(dir)}:\n${s.missing.map((n) => `  ${n}`).join("\n")}`);
  if (s.ok) console.log("Database is up to date");
  return s.ok ? 0 : 1;
}

function migrationTimestamp(existingNames) {
  const fmt = (d) => d.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  let ts = fmt(new Date());
  const latest = existingNames
    .map((n) => n.slice(0, 14))
    .filter((p) => /^\d{14}$/.test(p))
    .sort()
    .pop();
  if (latest && ts <= latest) {
    // Clock behind the newest migration: keep the order anyway.
    const d = new Date(
      Date.UTC(
        +latest.slice(0, 4),
        +latest.slice(4, 6) - 1,
        +latest.slice(6, 8),
        +latest.slice(8, 10),
        +latest.slice(10, 12),
        +latest.slice(12, 14) + 1,
      ),
    );
    ts = fmt(d);
  }
  return ts;
}

async function cmdMigrate(paths, rawName) {
  if (!rawName)
    throw new MigrationError(`migrate needs a name, e.g. node scripts/db.mjs migrate add_widgets\n${USAGE}`);
  const name = rawName
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
  if (!name) throw new MigrationError(`"${rawName}" is not a usable migration name`);
  const t0 = Date.now();
  if (writePostgresSchema(paths)) console.log(`Wrote ${rel(paths.postgresSchema)}`);
  const schemas = readSchemas(paths);
  const { diffSqlite, diffPostgres } = await import("./lib/schema-engine.mjs");

  const results = {};
  results.sqlite = await diffSqlite({
    migrationsDir: paths.migrations.sqlite,
    schema: schemas.sqlite,
    schemaPath: paths.sourceSchema,
  });
  const serverUrl = await pgServerUrl({ required: true });
  results.postgresql = await diffPostgres({
    migrationsDir: paths.migrations.postgresql,
    schema: schemas.postgresql,
    schemaPath: paths.postgresSchema,
    serverUrl,
  });

  if (results.sqlite.empty && results.postgresql.empty) {
    console.log("No schema changes");
  } else {
    const existing = ["sqlite", "postgresql"].flatMap((p) =>
      readMigrationsDir(paths.migrations[p], p).migrations.map((m) => m.name),
    );
    const folder = `${migrationTimestamp(existing)}_${name}`;
    for (const provider of ["sqlite", "postgresql"]) {
      const r = results[provider];
      if (r.empty) {
        console.log(`No ${provider} changes (only the other provider's migrations differ)`);
        continue;
      }
      const dir = path.join(paths.migrations[provider], folder);
      ensureLockFile(paths.migrations[provider], provider);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, "migration.sql"), r.script);
      console.log(`Created ${rel(path.join(dir, "migration.sql"))}`);
    }
    console.log(
      `Diffed both providers in ${Date.now() - t0} ms. Review the SQL (data loss, defaults) before committing.`,
    );
  }
  await cmdDeploy(paths);
}

async function cmdReset(paths, force) {
  if (process.env.NODE_ENV === "production" && !force) {
    throw new MigrationError(
      "Refusing to reset: NODE_ENV=production. Pass --force if you really mean to drop all data.",
    );
  }
  const t = target();
  await dropAll(t);
  console.log(`Dropped ${t.provider === "sqlite" ? t.file : `schema public of ${t.redacted}`}`);
  await cmdDeploy(paths);
}

async function cmdDiffCheck(paths, only) {
  if (only && !["sqlite", "postgresql"].includes(only))
    throw new MigrationError(`--provider must be sqlite or postgresql`);
  const t0 = Date.now();
  const schemas = readSchemas(paths);
  let ok = true;
  let skipped = false;
  let onDisk = null;
  try {
    onDisk = fs.readFileSync(paths.postgresSchema, "utf8");
  } catch {}
  if (onDisk !== null && onDisk !== schemas.postgresql) {
    ok = false;
    console.log(`${rel(paths.postgresSchema)} is stale: run node scripts/prisma-generate.mjs`);
  }
  const { diffSqlite, diffPostgres } = await import("./lib/schema-engine.mjs");
  for (const provider of ["sqlite", "postgresql"]) {
    if (only && only !== provider) continue;
    const dir = paths.migrations[provider];
    let r;
    if (provider === "sqlite") {
      r = await diffSqlite({ migrationsDir: dir, schema: schemas.sqlite, schemaPath: paths.sourceSchema });
    } else {
      const serverUrl = await pgServerUrl({ required: isCI });
      if (!serverUrl) {
        console.warn(
          "\n!!! diff-check: PostgreSQL NOT CHECKED — no PostgreSQL server binaries and no DATABASE_URL/REMIT_PG_TOOL_URL server.\n" +
            "!!! Install them (e.g. apt-get install postgresql) to check prisma/postgres/migrations. (With CI set this is an error.)\n",
        );
        skipped = true;
        continue;
      }
      r = await diffPostgres({
        migrationsDir: dir,
        schema: schemas.postgresql,
        schemaPath: paths.postgresSchema,
        serverUrl,
      });
    }
    const n = readMigrationsDir(dir, provider).migrations.length;
    if (r.empty) {
      console.log(`${provider}: ${n} migrations in ${rel(dir)} produce the schema`);
    } else {
      ok = false;
      console.log(
        `${provider}: the migrations in ${rel(dir)} do not produce the schema. Missing (run node scripts/db.mjs migrate <name>):\n${r.script}`,
      );
    }
  }
  console.log(
    `diff-check ${ok ? "passed" : "FAILED"}${skipped ? " (PostgreSQL NOT checked)" : ""} in ${Date.now() - t0} ms`,
  );
  return ok ? 0 : 1;
}

async function cmdResolve(paths, name) {
  if (!name) throw new MigrationError(`usage: node scripts/db.mjs resolve --rolled-back <migration>`);
  const t = target();
  await resolveRolledBack({ target: t, name });
  console.log(`Marked the failed attempt of ${name} as rolled back`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const [cmd, ...rest] = args._;
  if (!cmd || args.flags.help) {
    console.log(USAGE);
    return cmd ? 0 : 1;
  }
  const paths = prismaPaths(args.flags["prisma-dir"] ?? process.env.REMIT_PRISMA_DIR ?? path.join(REPO_ROOT, "prisma"));
  switch (cmd) {
    case "deploy":
      await cmdDeploy(paths);
      return 0;
    case "status":
      return cmdStatus(paths);
    case "migrate":
      await cmdMigrate(paths, rest.join("_"));
      return 0;
    case "reset":
      await cmdReset(paths, !!args.flags.force);
      return 0;
    case "diff-check":
      return cmdDiffCheck(paths, args.flags.provider);
    case "resolve":
      await cmdResolve(paths, args.flags["rolled-back"]);
      return 0;
    default:
      throw new MigrationError(`unknown command "${cmd}"\n${USAGE}`);
  }
}

main()
  .then((code) => (process.exitCode = code))
  .catch((e) => {
    if (e instanceof MigrationError) console.error(e.message);
    else if (e?.code === "ECONNREFUSED" || e?.code === "ENOTFOUND" || e?.code === "28P01" || e?.code === "3D000")
      console.error(`Cannot connect to the database: ${e.message}`);
    else console.error(process.env.REMIT_DEBUG ? e : `db: ${e?.message ?? e}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cluster?.stop();
  });
