#!/usr/bin/env node
// `npm test`: the whole gate, in order, failing fast.
//
//   lint → typecheck → unit (vitest) → build (next build, once) →
//   e2e pass 1 on SQLite → PostgreSQL pass 2 (vitest *.pg.test.* + the same e2e suite)
//
// Options:
//   --only=unit|e2e|sqlite|pg   run just that part (e2e = both passes; builds if needed)
//   --no-build                  reuse an existing .next build (builds anyway if none)
//   anything else (and everything after `--`) goes to `playwright test`, e.g. `-g "sign in"`
//
// Every server, cluster and temp dir started here is stopped/removed on success, failure
// and Ctrl-C. The last line printed is always `N passed, N failed` (steps, not tests).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { killAllServersSync, startAppServer } from "./lib/app-server.mjs";
import { findChromium } from "./lib/browser.mjs";
import { getFreePort } from "./lib/free-port.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const isCI = !!process.env.CI && process.env.CI !== "false" && process.env.CI !== "0";
const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const c = (code, s) => (useColor ? `\x1b[${code}m${s}\x1b[0m` : s);
const bold = (s) => c("1", s);
const red = (s) => c("31", s);
const green = (s) => c("32", s);
const yellow = (s) => c("33", s);

// ───────────────────────────── arguments ─────────────────────────────
const ONLY_VALUES = ["unit", "e2e", "sqlite", "pg"];
let only = null;
let noBuild = false;
const playwrightArgs = [];
{
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      playwrightArgs.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith("--only=")) {
      only = a.slice("--only=".length);
    } else if (a === "--only") {
      only = argv[++i];
    } else if (a === "--no-build") {
      noBuild = true;
    } else if (a === "--help" || a === "-h") {
      console.log("usage: node scripts/test.mjs [--only=unit|e2e|sqlite|pg] [--no-build] [playwright args…]");
      process.exit(0);
    } else {
      playwrightArgs.push(a);
    }
  }
  if (only !== null && !ONLY_VALUES.includes(only)) {
    console.error(`test.mjs: --only must be one of ${ONLY_VALUES.join(", ")} (got ${only})`);
    console.log("0 passed, 1 failed");
    process.exit(2);
  }
}

const want = {
  lint: only === null,
  typecheck: only === null,
  unit: only === null || only === "unit",
  sqlite: only === null || only === "e2e" || only === "sqlite",
  pg: only === null || only === "e2e" || only === "pg",
};
want.build = want.sqlite || want.pg;

// ───────────────────────────── cleanup ─────────────────────────────
/** Async cleanups, run last-in-first-out. */
const cleanups = [];
/** Temp dirs: also removed synchronously on exit. */
const tempDirs = new Set();
/** Foreground child process groups (lint, vitest, playwright…). */
const children = new Set();
let interrupted = null;

function makeTempDir(prefix) {
  const d = mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.add(d);
  return d;
}

async function runCleanups() {
  while (cleanups.length) {
    const fn = cleanups.pop();
    try {
      await fn();
    } catch (e) {
      console.error(yellow(`cleanup: ${e?.message ?? e}`));
    }
  }
  for (const d of tempDirs) {
    try {
      rmSync(d, { recursive: true, force: true });
    } catch {
      /* best effort */
    }
  }
  tempDirs.clear();
}

process.on("exit", () => {
  // Last resort (e.g. an uncaught error): nothing async is possible here.
  for (const ch of children) killGroup(ch.pid, "SIGKILL");
  killAllServersSync();
  for (const d of tempDirs) {
    try {
      rmSync(d, { recursive: true, force: true });
    } catch {
      /* best effort */
    }
  }
});

function killGroup(pid, sig) {
  if (!pid) return;
  try {
    process.kill(-pid, sig);
  } catch {
    /* gone */
  }
}

for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, () => {
    if (interrupted) {
      // Second Ctrl-C: stop waiting politely.
      for (const ch of children) killGroup(ch.pid, "SIGKILL");
      process.exit(130);
    }
    interrupted = sig;
    console.error(red(`\n${sig} received: stopping child processes, servers and clusters…`));
    for (const ch of children) killGroup(ch.pid, sig === "SIGHUP" ? "SIGTERM" : sig);
    killAllServersSync(); // a server still starting makes waitReady() fail at once
    // The running step notices `interrupted` when its child exits; make sure we exit
    // even if something hangs.
    setTimeout(() => {
      for (const ch of children) killGroup(ch.pid, "SIGKILL");
    }, 10_000).unref();
    setTimeout(async () => {
      await runCleanups();
      printSummary();
      process.exit(sig === "SIGINT" ? 130 : 143);
    }, 30_000);
  });
}

// A bug in this script must still clean up and end with the summary line.
for (const ev of ["uncaughtException", "unhandledRejection"]) {
  process.on(ev, async (err) => {
    console.error(red(`test.mjs internal error (${ev}): ${err?.stack ?? err}`));
    results.push({ name: "test.mjs", seconds: 0, result: "failed", note: String(err?.message ?? err) });
    await runCleanups();
    printSummary();
    process.exit(1);
  });
}

// ───────────────────────────── running things ─────────────────────────────
class StepError extends Error {}

/**
 * Run a command in its own process group, inheriting stdout/stderr.
 * Resolves on exit 0, rejects with a StepError otherwise.
 */
function run(cmd, args, { env = {}, cwd = root, label } = {}) {
  const shown = label ?? [path.relative(root, cmd) || cmd, ...args].join(" ");
  console.log(c("2", `$ ${shown}`));
  return new Promise((resolve, reject) => {
    if (interrupted) return reject(new StepError(`interrupted (${interrupted})`));
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
      stdio: ["ignore", "inherit", "inherit"],
      detached: true,
    });
    children.add(child);
    child.on("error", (err) => {
      children.delete(child);
      reject(new StepError(`${shown}: ${err.message}`));
    });
    child.on("exit", (code, signal) => {
      children.delete(child);
      // Reap anything the command left behind in its group (workers, browsers).
      killGroup(child.pid, "SIGKILL");
      if (interrupted) return reject(new StepError(`interrupted (${interrupted})`));
      if (code === 0) resolve();
      else reject(new StepError(`${shown} exited with ${signal ? `signal ${signal}` : `code ${code}`}`));
    });
  });
}

const node = process.execPath;
const bin = {
  eslint: path.join(root, "node_modules/eslint/bin/eslint.js"),
  tsc: path.join(root, "node_modules/typescript/bin/tsc"),
  vitest: path.join(root, "node_modules/vitest/vitest.mjs"),
  next: path.join(root, "node_modules/next/dist/bin/next"),
  playwright: path.join(root, "node_modules/@playwright/test/cli.js"),
  db: path.join(root, "scripts/db.mjs"),
};

// ───────────────────────────── steps ─────────────────────────────
/** @type {{name: string, seconds: number, result: "passed"|"failed"|"skipped"|"not run", note?: string}[]} */
const results = [];
let failed = false;

function banner(title) {
  const line = "═".repeat(Math.max(20, 72 - title.length - 4));
  console.log(`\n${bold(c("36", `══ ${title} ${line}`))}`);
}

async function step(name, fn) {
  if (failed || interrupted) {
    results.push({ name, seconds: 0, result: "not run" });
    return;
  }
  banner(name);
  const t0 = performance.now();
  try {
    const r = await fn();
    const seconds = (performance.now() - t0) / 1000;
    if (r && r.skipped) {
      results.push({ name, seconds, result: "skipped", note: r.note });
      console.log(yellow(`── ${name}: skipped${r.note ? ` (${r.note})` : ""}`));
    } else {
      results.push({ name, seconds, result: "passed", note: r?.note });
      console.log(green(`── ${name}: passed in ${seconds.toFixed(1)}s`));
    }
  } catch (e) {
    const seconds = (performance.now() - t0) / 1000;
    failed = true;
    results.push({ name, seconds, result: "failed", note: e?.message?.split("\n")[0] });
    console.error(red(`── ${name}: FAILED after ${seconds.toFixed(1)}s`));
    console.error(red(e instanceof StepError ? e.message : (e?.stack ?? String(e))));
  }
}

let summaryPrinted = false;
function printSummary() {
  if (summaryPrinted) return;
  summaryPrinted = true;
  const w = Math.max(4, ...results.map((r) => r.name.length));
  console.log(`\n${bold("Summary")}`);
  console.log(`${"step".padEnd(w)}  ${"seconds".padStart(8)}  result`);
  console.log(`${"-".repeat(w)}  ${"-".repeat(8)}  ${"-".repeat(7)}`);
  let total = 0;
  for (const r of results) {
    total += r.seconds;
    const col = r.result === "passed" ? green : r.result === "failed" ? red : yellow;
    console.log(
      `${r.name.padEnd(w)}  ${r.seconds.toFixed(1).padStart(8)}  ${col(r.result)}${r.note && r.result !== "passed" ? `  (${r.note})` : ""}`,
    );
  }
  console.log(`${"total".padEnd(w)}  ${total.toFixed(1).padStart(8)}`);
  const passed = results.filter((r) => r.result === "passed").length;
  const nfailed = results.filter((r) => r.result === "failed").length;
  // Plain, uncoloured, on its own line, always last: CI greps this.
  process.stdout.write(`\n${passed} passed, ${nfailed} failed\n`);
}

// ───────────────────────────── helpers ─────────────────────────────
// next.config.ts honours NEXT_DIST_DIR (default .next); build, start and this check agree
// because they all see the same environment.
const distDir = process.env.NEXT_DIST_DIR || ".next";
const buildExists = () => existsSync(path.join(root, distDir, "BUILD_ID"));

/** PostgreSQL server binaries: PATH, then /usr/lib/postgresql/<highest>/bin. */
function findInitdb() {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, "initdb"))) return path.join(dir, "initdb");
  }
  const base = "/usr/lib/postgresql";
  try {
    const versions = readdirSync(base)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) {
      const p = path.join(base, v, "bin/initdb");
      if (existsSync(p)) return p;
    }
  } catch {
    /* none */
  }
  return null;
}

async function loadPgCluster() {
  const file = path.join(root, "scripts/lib/pg-cluster.mjs");
  if (!existsSync(file)) return null;
  return import(pathToFileURL(file).href);
}

/** The PostgreSQL server binaries dir (or initdb path), or null. */
async function pgBinariesAvailable() {
  const mod = await loadPgCluster().catch(() => null);
  // pg-cluster.mjs decides (it honours REMIT_PG_BIN); our own probe is only a fallback
  // for when that module is absent.
  if (mod?.findPgBin) return (await mod.findPgBin()) ?? null;
  return findInitdb();
}

function withDatabase(url, db) {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

async function createDatabases(adminUrl, names) {
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const n of names) await client.query(`CREATE DATABASE "${n}"`);
  } finally {
    await client.end();
  }
}

/**
 * Deploy migrations, start `next start` on a free port, wait until it's ready. A second
 * instance on the same database passes the first one's `authSecret` (sessions work on
 * both) and skips the deploy.
 */
async function startApp({ name, databaseUrl, dir, authSecret = randomBytes(32).toString("base64url"), deploy = true }) {
  if (deploy) {
    await run(node, [bin.db, "deploy"], {
      env: { DATABASE_URL: databaseUrl },
      label: `DATABASE_URL=${databaseUrl} node scripts/db.mjs deploy`,
    });
  }
  const port = await getFreePort();
  const logFile = path.join(dir, `${name}-server.log`);
  const server = startAppServer({
    root,
    port,
    name,
    logFile,
    env: {
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: authSecret,
      AUTH_TRUST_HOST: "true",
      // Test-only endpoints (e.g. /api/diagnostics/realtime for e2e/live.spec.ts).
      REMIT_TEST_DIAGNOSTICS: "1",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  cleanups.push(() => server.stop());
  console.log(c("2", `$ next start -p ${port}   (pid ${server.pid}, log ${logFile})`));
  const t0 = performance.now();
  const ready = await server.waitReady();
  console.log(
    `${name} server ready at ${server.url} (${ready.probe} → ${ready.status}) in ${((performance.now() - t0) / 1000).toFixed(1)}s`,
  );
  return { server, authSecret };
}

async function runPlaywright({ pass, server, databaseUrl, authSecret, server2 = null }) {
  try {
    await run(node, [bin.playwright, "test", ...playwrightArgs], {
      env: {
        E2E_BASE_URL: server.url,
        // e2e/multi-instance.spec.ts runs when there is a second instance on the same database.
        E2E_BASE_URL_2: server2?.url ?? "",
        E2E_DATABASE_URL: databaseUrl,
        E2E_AUTH_SECRET: authSecret,
        E2E_PASS: pass,
        E2E_OUTPUT_DIR: path.join(root, "test-results", pass),
        E2E_REPORT_DIR: path.join(root, "playwright-report", pass),
      },
      label: `E2E_BASE_URL=${server.url} playwright test ${playwrightArgs.join(" ")}`.trim(),
    });
  } catch (e) {
    for (const s of [server, server2]) {
      if (!s || interrupted) continue;
      if (s.exited) e.message += `\n${pass} server (${s.url}) died during the run; log tail:\n${s.logTail(40)}`;
      else {
        // The server's own errors explain most failing requests (a 500 shows no details).
        const errors = serverErrors(s.logFile);
        if (errors) e.message += `\n${pass} server (${s.url}) logged these errors:\n${errors}`;
      }
    }
    throw e;
  }
}

/** The last error lines of a server log (JSON lines with level "error"), trimmed. */
function serverErrors(logFile, max = 15) {
  let text = "";
  try {
    text = readFileSync(logFile, "utf8");
  } catch {
    return "";
  }
  const lines = text.split("\n").filter((l) => l.includes('"level":"error"'));
  return lines
    .slice(-max)
    .map((l) => (l.length > 1200 ? `${l.slice(0, 1200)}…` : l))
    .join("\n");
}

function pgMissingWarning() {
  const lines = [
    "WARNING: PostgreSQL server binaries (initdb, postgres) were not found.",
    "WARNING: Pass 2 (the e2e suite and the *.pg.test.* integration tests on PostgreSQL) is SKIPPED.",
    "WARNING: Production runs on PostgreSQL, so this run proves SQLite only.",
    "WARNING: Install them with `apt-get install postgresql` (Debian/Ubuntu: /usr/lib/postgresql/<v>/bin)",
    "WARNING: or put initdb/pg_ctl on PATH, or set REMIT_PG_BIN=<dir with initdb, pg_ctl, postgres>.",
    "WARNING: With CI set, this is a failure, not a skip.",
  ];
  const bar = "!".repeat(78);
  console.error(yellow([bar, ...lines, bar].join("\n")));
}

// ───────────────────────────── the run ─────────────────────────────
const tStart = performance.now();
console.log(
  bold(
    `Remit test run: ${only ? `--only=${only}` : "everything"}${noBuild ? " --no-build" : ""}${isCI ? " (CI)" : ""}${playwrightArgs.length ? `; playwright args: ${playwrightArgs.join(" ")}` : ""}`,
  ),
);

if (want.sqlite || want.pg) {
  // Cheap preflight, so a missing browser fails before a multi-minute build.
  await step("preflight", async () => {
    const found = findChromium();
    if (!found.executablePath) throw new StepError(found.error);
    console.log(`chromium: ${found.executablePath} (${found.source})`);
    if (!existsSync(bin.db)) throw new StepError("scripts/db.mjs is missing (needed to deploy migrations).");
    if (want.pg) {
      const initdb = await pgBinariesAvailable();
      console.log(`postgresql: ${initdb ?? "NOT FOUND"}`);
      if (!initdb && isCI) {
        pgMissingWarning();
        throw new StepError("PostgreSQL server binaries are required when CI is set.");
      }
    }
  });
}

if (want.lint) {
  await step("lint", () => run(node, [bin.eslint, "."], { label: "eslint ." }));
}

if (want.typecheck) {
  await step("typecheck", async () => {
    // next-env.d.ts and .next/types are generated; produce them without a build.
    await run(node, [bin.next, "typegen"], { label: "next typegen" });
    await run(node, [bin.tsc, "--noEmit"], { label: "tsc --noEmit" });
  });
}

if (want.unit) {
  await step("unit", () =>
    run(node, [bin.vitest, "run", "--project", "unit"], {
      env: { TEST_PG_URL: "", TEST_PG_ADMIN_URL: "" },
      label: "vitest run --project unit",
    }),
  );
}

if (want.build) {
  await step("build", async () => {
    if (noBuild && buildExists()) return { skipped: true, note: `--no-build, reusing ${distDir}` };
    if (noBuild) console.log(yellow(`--no-build given but no build exists (${distDir}/BUILD_ID): building.`));
    await run(node, [bin.next, "build"], {
      env: { NODE_ENV: "production" },
      label: "next build",
    });
    if (!buildExists()) throw new StepError(`next build finished but ${distDir}/BUILD_ID is missing`);
  });
}

if (want.sqlite) {
  await step("e2e sqlite", async () => {
    const dir = makeTempDir("remit-e2e-sqlite-");
    const databaseUrl = `file:${path.join(dir, "e2e.db")}`;
    const { server, authSecret } = await startApp({ name: "sqlite", databaseUrl, dir });
    try {
      await runPlaywright({ pass: "sqlite", server, databaseUrl, authSecret });
    } finally {
      await server.stop();
    }
  });
}

if (want.pg) {
  /** Shared by the two pg rows; created by the first that runs. */
  let cluster = null;
  let pgDir = null;
  let pgSkipped = false;

  const ensureCluster = async () => {
    if (cluster) return cluster;
    const mod = await loadPgCluster();
    if (!mod?.startPgCluster) {
      throw new StepError("scripts/lib/pg-cluster.mjs (startPgCluster) is missing.");
    }
    pgDir = makeTempDir("remit-e2e-pg-");
    const t0 = performance.now();
    const started = await mod.startPgCluster({ log: (line) => console.log(line) });
    cluster = started;
    cleanups.push(async () => {
      await started.stop();
    });
    await createDatabases(started.url, ["remit_e2e", "remit_test"]);
    console.log(
      `postgresql cluster up at ${started.host}:${started.port} in ${((performance.now() - t0) / 1000).toFixed(1)}s`,
    );
    return cluster;
  };

  await step("pg integration", async () => {
    const initdb = await pgBinariesAvailable();
    if (!initdb) {
      pgMissingWarning();
      if (isCI) throw new StepError("PostgreSQL server binaries are required when CI is set.");
      pgSkipped = true;
      return { skipped: true, note: "no PostgreSQL binaries" };
    }
    const cl = await ensureCluster();
    await run(node, [bin.vitest, "run", "--project", "pg"], {
      env: { TEST_PG_URL: withDatabase(cl.url, "remit_test"), TEST_PG_ADMIN_URL: cl.url },
      label: "TEST_PG_URL=… vitest run --project pg",
    });
  });

  await step("e2e postgres", async () => {
    if (pgSkipped) return { skipped: true, note: "no PostgreSQL binaries" };
    const cl = await ensureCluster();
    const databaseUrl = withDatabase(cl.url, "remit_e2e");
    const { server, authSecret } = await startApp({ name: "postgres", databaseUrl, dir: pgDir });
    // A second instance on the same database, for e2e/multi-instance.spec.ts.
    const { server: server2 } = await startApp({
      name: "postgres-2",
      databaseUrl,
      dir: pgDir,
      authSecret,
      deploy: false,
    });
    try {
      await runPlaywright({ pass: "postgres", server, databaseUrl, authSecret, server2 });
    } finally {
      await Promise.all([server.stop(), server2.stop()]);
    }
  });
}

await runCleanups();
if (interrupted) {
  printSummary();
  process.exit(interrupted === "SIGINT" ? 130 : 143);
}
console.log(c("2", `\nwall clock ${((performance.now() - tStart) / 1000).toFixed(1)}s`));
printSummary();
// Exit explicitly: a stray handle must not keep CI waiting (stdout is synchronous
// for files and pipes on Linux, so nothing is lost).
process.exit(failed ? 1 : 0);
