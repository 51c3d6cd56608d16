// Schema diffing with Prisma's WebAssembly schema engine (@prisma/schema-engine-wasm),
// for `migrate` and `diff-check` in scripts/db.mjs. Development dependencies only; import
// this module lazily.
//
// The engine gets its database connections from a driver adapter factory with a
// `connectToShadowDb()` (SqlMigrationAwareDriverAdapterFactory), wrapped by
// bindMigrationAwareSqlAdapterFactory from @prisma/driver-adapter-utils, the wrapper that
// turns thrown errors into the Result values the engine expects. Diffing "migrations →
// schema" replays the migrations on the shadow database and compares with the schema.
// We hand the engine our own factory so that we control the shadow databases:
//   SQLite: a temp file, deleted afterwards;
//   PostgreSQL: a database `<db>_shadow_<random>` that we create, and drop only after
//   every pool connected to it has been closed (@prisma/adapter-pg's own
//   connectToShadowDb drops before closing, and its {...config, database} override is
//   lost when the config holds a connectionString; so we pass discrete fields).
// @prisma/adapter-pg cannot read PostgreSQL's "char" type (OID 18), which the engine's
// own catalog queries return (relkind, contype, ...): our pools use a pg Client that
// labels such columns as text (the values are strings already).

import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { lockFileContent } from "./schemas.mjs";
import { readMigrationsDir } from "./migrations.mjs";

const require = createRequire(import.meta.url);
const NO_FILTER = { externalTables: [], externalEnums: [] };

let wasmModule;
/** Loads the wasm engine once. Node cannot `import` a .wasm, so we instantiate it by hand. */
async function loadEngine() {
  if (wasmModule) return wasmModule;
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bg = await import(pathToFileURL(bgPath).href);
  const bytes = fs.readFileSync(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  wasmModule = bg;
  return bg;
}

async function importDep(name) {
  return import(pathToFileURL(require.resolve(name)).href);
}

/**
 * Makes dispose() idempotent and records the adapter so that we can close it ourselves.
 * SQLite: the engine replays a whole migration.sql through executeRaw, which
 * better-sqlite3 refuses ("more than one statement"); such scripts go to executeScript.
 */
function tracked(adapter, list) {
  if (adapter.provider === "sqlite") {
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (query) => {
      try {
        return await executeRaw(query);
      } catch (e) {
        const message = String(e?.message ?? "") + String(e?.cause?.message ?? "");
        if (query.args.length > 0 || !/more than one statement/i.test(message)) throw e;
        await adapter.executeScript(query.sql);
        return 0;
      }
    };
  }
  const dispose = adapter.dispose.bind(adapter);
  let done = null;
  adapter.dispose = () => (done ??= dispose());
  list.push(adapter);
  return adapter;
}

class ToolAdapterFactory {
  constructor(provider, adapterName, main, shadow) {
    this.provider = provider;
    this.adapterName = adapterName;
    this.main = main;
    this.shadow = shadow;
    this.adapters = [];
  }
  async connect() {
    return tracked(await this.main.connect(), this.adapters);
  }
  async connectToShadowDb() {
    return tracked(await this.shadow.connect(), this.adapters);
  }
  async disposeAll() {
    await Promise.allSettled(this.adapters.map((a) => a.dispose()));
  }
}

function migrationsList(dir, provider) {
  const { lock, migrations } = readMigrationsDir(dir, provider);
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: lock ?? lockFileContent(provider) },
    shadowDbInitScript: "",
    migrationDirectories: migrations.map((m) => ({
      path: m.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: m.sql } },
    })),
  };
}

async function runDiff(factory, { migrationsDir, provider, schema, schemaPath }) {
  const bg = await loadEngine();
  const { bindMigrationAwareSqlAdapterFactory } = await importDep("@prisma/driver-adapter-utils");
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    (line) => {
      if (process.env.REMIT_DEBUG_SCHEMA_ENGINE) console.error(line);
    },
    bound,
  );
  try {
    const result = await engine.diff({
      from: { tag: "migrations", ...migrationsList(migrationsDir, provider) },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: true,
      filters: NO_FILTER,
    });
    // exitCode 2: the diff is not empty.
    return { empty: result.exitCode !== 2, script: result.stdout ?? "" };
  } catch (e) {
    // Errors thrown by the driver reach the engine as "External error id#N"; the error
    // itself waits in the binder's registry.
    const causes = [...String(e?.message ?? "").matchAll(/External error id#(\d+)/g)]
      .map(([, id]) => bound.errorRegistry.consumeError(Number(id))?.error)
      .filter(Boolean)
      .map((err) => err?.message ?? String(err));
    if (causes.length) e.message += `\nCaused by: ${causes.join("\n")}`;
    throw e;
  } finally {
    engine.free();
    await factory.disposeAll();
  }
}

/** Diff (committed SQLite migrations replayed on a temp-file shadow) → schema. */
export async function diffSqlite({ migrationsDir, schema, schemaPath = "schema.prisma" }) {
  const { PrismaBetterSqlite3 } = await importDep("@prisma/adapter-better-sqlite3");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "remit-shadow-"));
  try {
    const factory = new ToolAdapterFactory(
      "sqlite",
      "@prisma/adapter-better-sqlite3",
      new PrismaBetterSqlite3({ url: ":memory:" }),
      new PrismaBetterSqlite3({ url: path.join(tmp, "shadow.db") }),
    );
    return await runDiff(factory, { migrationsDir, provider: "sqlite", schema, schemaPath });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** A pg Client whose results report "char" (OID 18) columns as text (OID 25). */
function charAsTextClient(pg) {
  const relabel = (res) => {
    for (const r of Array.isArray(res) ? res : [res]) {
      for (const f of r?.fields ?? []) if (f.dataTypeID === 18) f.dataTypeID = 25;
    }
    return res;
  };
  return class CharAsTextClient extends pg.Client {
    query(config, values, callback) {
      if (typeof values === "function") [values, callback] = [undefined, values];
      if (typeof callback === "function") {
        return super.query(config, values, (err, res) => callback(err, err ? res : relabel(res)));
      }
      if (config && typeof config.submit === "function") return super.query(config, values); // a Submittable
      return super.query(config, values).then(relabel);
    }
  };
}

/** Discrete connection fields of a PostgreSQL URL (pg's own parser). */
export async function pgFields(url) {
  const { default: pg } = await import("pg");
  const p = new pg.Client({ connectionString: url }).connectionParameters;
  const fields = { host: p.host, port: p.port, user: p.user, password: p.password, database: p.database };
  if (p.ssl) fields.ssl = p.ssl;
  return fields;
}

function quoteIdent(name) {
  return '"' + name.replace(/"/g, '""') + '"';
}

/**
 * Diff (committed PostgreSQL migrations replayed on a shadow database) → schema.
 * serverUrl: a server we may create and drop a database on.
 */
export async function diffPostgres({ migrationsDir, schema, schemaPath = "schema.prisma", serverUrl }) {
  const { default: pg } = await import("pg");
  const { PrismaPg } = await importDep("@prisma/adapter-pg");
  const base = await pgFields(serverUrl);
  const Client = charAsTextClient(pg);
  const pools = [];
  const adapterFactory = (config) => {
    const pool = new pg.Pool({ ...config, Client, max: 4 });
    pool.on("error", () => {});
    pools.push(pool);
    return new PrismaPg(pool, { disposeExternalPool: true });
  };
  const shadowName = `${(base.database || "postgres").slice(0, 40)}_shadow_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client(base);
  admin.on("error", () => {});
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${quoteIdent(shadowName)}`);
    try {
      const factory = new ToolAdapterFactory(
        "postgres",
        "@prisma/adapter-pg",
        adapterFactory(base),
        adapterFactory({ ...base, database: shadowName }),
      );
      return await runDiff(factory, { migrationsDir, provider: "postgresql", schema, schemaPath });
    } finally {
      // Close every pool before dropping the shadow database (runDiff disposed the adapters).
      await Promise.allSettled(pools.filter((p) => !p.ended).map((p) => p.end()));
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(shadowName)}`).catch(async (e) => {
        // A connection we do not know of: force it (PostgreSQL 13+), else report.
        await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(shadowName)} WITH (FORCE)`).catch(() => {
          console.warn(`Could not drop the shadow database ${shadowName}: ${e.message}`);
        });
      });
    }
  } finally {
    await admin.end().catch(() => {});
  }
}
