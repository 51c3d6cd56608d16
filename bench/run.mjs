#!/usr/bin/env node
// `npm run bench`: Remit's performance figures against a production build on SQLite.
//
//   build (into .next-bench, only when needed) → throw-away SQLite database → `next start`
//   on a free loopback port → seed matrices → measure → table + bench/results/latest.json
//
// Options:
//   --no-build   reuse the existing .next-bench build even if sources are newer
//   --rebuild    build even if .next-bench looks up to date
//   --quick      fewer samples and shorter loads (a smoke run, ~2 minutes; figures are rougher)
//   --no-probe   do not preload bench/lib/server-probe.cjs (SQL statement counts, memory
//                breakdown) into the server
//
// Everything started here (server, browser, tsx tasks, temp dir) is stopped/removed on
// success, failure and Ctrl-C. Timings are reported, never asserted: the exit code is 0
// whenever the run completed, even with MISSes (1 only when the bench itself failed).
// See bench/README.md for what each figure means and how it is measured.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

import { killAllServersSync, startAppServer } from "../scripts/lib/app-server.mjs";
import { chromiumLaunchOptions, findChromium } from "../scripts/lib/browser.mjs";
import { getFreePort } from "../scripts/lib/free-port.mjs";
import { api, rawGet, signIn } from "./lib/http.mjs";
import { measureSseLatency } from "./lib/sse-latency.mjs";
import { summarize } from "./lib/stats.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tStart = performance.now();
const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const c = (code, s) => (useColor ? `\x1b[${code}m${s}\x1b[0m` : s);
const dim = (s) => c("2", s);
const bold = (s) => c("1", s);
const red = (s) => c("31", s);
const green = (s) => c("32", s);
const yellow = (s) => c("33", s);
const log = (s) => console.log(`${dim(`[${((performance.now() - tStart) / 1000).toFixed(0).padStart(3)}s]`)} ${s}`);

// ───────────────────────────── arguments ─────────────────────────────
const argv = new Set(process.argv.slice(2));
if (argv.has("--help") || argv.has("-h")) {
  console.log("usage: node bench/run.mjs [--no-build] [--rebuild] [--quick] [--no-probe]");
  process.exit(0);
}
for (const a of argv) {
  if (!["--no-build", "--rebuild", "--quick", "--no-probe"].includes(a)) {
    console.error(`bench: unknown option ${a} (see --help)`);
    process.exit(2);
  }
}
const quick = argv.has("--quick");
const N = {
  loadRuns: quick ? 3 : 7,
  loadWarmups: quick ? 1 : 2,
  editSamples: quick ? 8 : 20,
  liveSamples: quick ? 10 : 25,
  pdfRuns: quick ? 3 : 7,
  putSamples: quick ? 100 : 300,
  floorSamples: quick ? 100 : 300,
  findingsRuns: 50,
  readSeconds: quick ? 5 : 10,
  writeSeconds: quick ? 8 : 20,
};

// Build into our own folder so that nobody else's build or server is disturbed.
process.env.NEXT_DIST_DIR ||= ".next-bench";
const distDir = process.env.NEXT_DIST_DIR;
process.env.NEXT_TELEMETRY_DISABLED = "1";

// ───────────────────────────── cleanup ─────────────────────────────
/** Async cleanups, last-in-first-out. */
const cleanups = [];
const tempDirs = new Set();
const children = new Set();
let interrupted = null;

function killGroup(pid, sig) {
  if (!pid) return;
  try {
    process.kill(-pid, sig);
  } catch {
    /* gone */
  }
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
  for (const ch of children) killGroup(ch.pid, "SIGKILL");
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
  tempDirs.clear();
}

process.on("exit", () => {
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

for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, () => {
    if (interrupted) process.exit(130);
    interrupted = sig;
    console.error(red(`\n${sig}: stopping the server, the browser and the tasks…`));
    for (const ch of children) killGroup(ch.pid, "SIGTERM");
    killAllServersSync();
    void runCleanups().finally(() => process.exit(sig === "SIGINT" ? 130 : 143));
    setTimeout(() => process.exit(1), 15_000).unref();
  });
}

for (const ev of ["uncaughtException", "unhandledRejection"]) {
  process.on(ev, async (err) => {
    console.error(red(`bench internal error (${ev}): ${err?.stack ?? err}`));
    await runCleanups();
    process.exit(1);
  });
}

/**
 * Runs a command in its own process group. Resolves with its stdout+stderr tail on exit 0.
 * @returns {Promise<string>}
 */
function run(cmd, args, { env = {}, label, timeoutMs = 600_000, echo = false } = {}) {
  return new Promise((resolve, reject) => {
    if (interrupted) return reject(new Error(`interrupted (${interrupted})`));
    const child = spawn(cmd, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    children.add(child);
    let out = "";
    const keep = (d) => {
      out = (out + d.toString()).slice(-20_000);
      if (echo) process.stdout.write(dim(d.toString()));
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const timer = setTimeout(() => killGroup(child.pid, "SIGKILL"), timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      children.delete(child);
      reject(new Error(`${label}: ${err.message}`));
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      killGroup(child.pid, "SIGKILL");
      if (code === 0) resolve(out);
      else
        reject(
          new Error(`${label} exited with ${signal ?? `code ${code}`}:\n${out.split("\n").slice(-25).join("\n")}`),
        );
    });
  });
}

const node = process.execPath;
const bin = {
  next: path.join(root, "node_modules/next/dist/bin/next"),
  tsx: path.join(root, "node_modules/tsx/dist/cli.mjs"),
  db: path.join(root, "scripts/db.mjs"),
};

/** Runs a bench/lib/tasks.ts task and returns the JSON it wrote. */
async function task(dir, name, args, env, timeoutMs = 120_000) {
  const out = path.join(dir, `${name}-${Date.now()}.json`);
  await run(node, [bin.tsx, "bench/lib/tasks.ts", name, out, ...args.map(String)], {
    env,
    label: `tasks.ts ${name}`,
    timeoutMs,
  });
  return JSON.parse(readFileSync(out, "utf8"));
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ───────────────────────────── build ─────────────────────────────
const buildIdFile = path.join(root, distDir, "BUILD_ID");

/** The newest mtime among what goes into the build (files and folders, so deletions count). */
function newestSource() {
  let newest = { mtime: 0, file: "" };
  const see = (p) => {
    const m = statSync(p).mtimeMs;
    if (m > newest.mtime) newest = { mtime: m, file: path.relative(root, p) };
  };
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    see(dir);
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (!/\.(test|spec)\.[cm]?[jt]sx?$/.test(e.name)) see(p);
    }
  };
  for (const d of ["app", "components", "lib", "public"]) walk(path.join(root, d));
  for (const f of ["next.config.ts", "proxy.ts", "instrumentation.ts", "postcss.config.mjs", "package-lock.json"]) {
    if (existsSync(path.join(root, f))) see(path.join(root, f));
  }
  return newest;
}

/**
 * `next build` adds "<distDir>/types/**" globs to tsconfig.json (a tracked file). Put it
 * back exactly as it was, but only when our entries are the sole difference.
 */
function restoreTsconfig(before) {
  const file = path.join(root, "tsconfig.json");
  const now = readFileSync(file, "utf8");
  if (now === before) return;
  try {
    const parsed = JSON.parse(now);
    const prefix = `${distDir.replace(/^\.\//, "")}/`;
    const hadBefore = (JSON.parse(before).include ?? []).filter((x) => x.startsWith(prefix));
    if (hadBefore.length || !Array.isArray(parsed.include)) return;
    parsed.include = parsed.include.filter((x) => !x.startsWith(prefix));
    const rewritten = `${JSON.stringify(parsed, null, 2)}\n`;
    if (`${JSON.stringify(JSON.parse(now), null, 2)}\n` !== now) {
      console.error(yellow(`tsconfig.json: next build added ${prefix}types globs; not in canonical form, left as is.`));
      return;
    }
    writeFileSync(file, rewritten);
    log(dim(`tsconfig.json: removed the ${prefix}types globs next build added`));
  } catch (e) {
    console.error(yellow(`tsconfig.json: could not restore (${e?.message ?? e})`));
  }
}

async function ensureBuild() {
  const exists = existsSync(buildIdFile);
  let reason = null;
  if (argv.has("--rebuild")) reason = "--rebuild";
  else if (!exists) reason = `no build in ${distDir}`;
  else if (!argv.has("--no-build")) {
    const built = statSync(buildIdFile).mtimeMs;
    const src = newestSource();
    if (src.mtime > built) reason = `${src.file} is newer than the build`;
  }
  if (!reason) {
    log(`build: reusing ${distDir} (${argv.has("--no-build") ? "--no-build" : "up to date"})`);
    return { built: false, distDir, reason: "reused" };
  }
  const tsconfigBefore = readFileSync(path.join(root, "tsconfig.json"), "utf8");
  for (let attempt = 1; attempt <= 2; attempt++) {
    log(
      `build: next build into ${distDir} (${reason})${attempt > 1 ? `, attempt ${attempt}` : ""}… (1–3 min on 2 cores)`,
    );
    const t0 = performance.now();
    try {
      // Two steps: compile, then generate (prerender, manifests). That is `next build`
      // without its type check (npm test's job; in a shared tree it trips over other
      // people's half-written files) and without rewriting tsconfig.json/next-env.d.ts.
      for (const mode of ["compile", "generate"]) {
        await run(node, [bin.next, "build", "--experimental-build-mode", mode], {
          env: { NODE_ENV: "production" },
          label: `next build --experimental-build-mode ${mode}`,
          timeoutMs: 420_000,
        });
      }
      restoreTsconfig(tsconfigBefore);
      if (!existsSync(buildIdFile)) throw new Error(`next build finished but ${distDir}/BUILD_ID is missing`);
      const seconds = (performance.now() - t0) / 1000;
      log(`build: done in ${seconds.toFixed(0)} s`);
      return { built: true, distDir, reason, seconds };
    } catch (e) {
      restoreTsconfig(tsconfigBefore);
      console.error(yellow(`build failed: ${String(e.message).split("\n").slice(-12).join("\n")}`));
      // The tree is shared and changes under a build (files come and go): try once more.
      if (attempt === 2) {
        if (existsSync(buildIdFile)) {
          console.error(yellow(`build: using the previous ${distDir} build instead (it may be stale).`));
          return { built: false, distDir, reason: "build failed; previous build reused", stale: true };
        }
        throw new Error("next build failed twice and there is no previous build to measure");
      }
      await sleep(5000);
    }
  }
  throw new Error("unreachable");
}

// ───────────────────────────── server process ─────────────────────────────
/** Processes in a process group, with their RSS (kB) and command line. */
function groupProcesses(pgid) {
  const out = [];
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ").trim();
      out.push({ pid: Number(pid), rssKB: rss, cmd });
    } catch {
      /* exited meanwhile */
    }
  }
  return out;
}

/** The process that serves requests: next-server (named so by Next), else the group's biggest. */
function serverProcess(pgid) {
  const ps = groupProcesses(pgid);
  return ps.find((p) => p.cmd.startsWith("next-server")) ?? ps.sort((a, b) => b.rssKB - a.rssKB)[0] ?? null;
}

function rssMiB(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
  } catch {
    return NaN;
  }
}

/** Samples a process's RSS every 250 ms until stopped; returns { max, median }. */
function sampleRss(pid) {
  const xs = [];
  const timer = setInterval(() => xs.push(rssMiB(pid)), 250);
  return () => {
    clearInterval(timer);
    xs.push(rssMiB(pid));
    const s = summarize(xs.filter(Number.isFinite));
    return { maxMiB: s.max, medianMiB: s.median, samples: s.n };
  };
}

// ───────────────────────────── figures ─────────────────────────────
/** @type {{ key: string, label: string, median: string, p95: string, target: string, pass: boolean|null, note?: string }[]} */
const figures = [];
/** Raw measurements, for latest.json. */
const details = {};
const problems = [];

const ms = (x) => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0)} ms` : "–");
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

function figure(f) {
  figures.push(f);
  const res =
    f.pass === null ? yellow(f.median.startsWith("n/a") ? "n/a" : "info") : f.pass ? green("PASS") : red("MISS");
  log(`${res} ${f.label}: ${f.median}${f.p95 && f.p95 !== "–" ? ` (p95 ${f.p95})` : ""}  [target ${f.target}]`);
}

/** Runs one measurement; a failure or timeout is recorded and the bench goes on. */
async function step(name, fn, { timeoutMs = 120_000, figuresOnError = [] } = {}) {
  if (interrupted) return;
  log(bold(name));
  const t0 = performance.now();
  let timer;
  try {
    await Promise.race([
      fn(),
      new Promise(
        (_, rej) => (timer = setTimeout(() => rej(new Error(`timed out after ${timeoutMs / 1000} s`)), timeoutMs)),
      ),
    ]);
  } catch (e) {
    const msg = String(e?.message ?? e).split("\n")[0];
    problems.push({ step: name, error: String(e?.stack ?? e) });
    console.error(red(`  ${name} failed: ${msg}`));
    for (const f of figuresOnError) {
      if (!figures.some((x) => x.key === f.key)) figure({ ...f, median: "error", p95: "–", pass: false, note: msg });
    }
  } finally {
    clearTimeout(timer);
    details.stepSeconds ??= {};
    details.stepSeconds[name] = Math.round((performance.now() - t0) / 100) / 10;
  }
}

// ───────────────────────────── the run ─────────────────────────────
async function main() {
  console.log(
    bold(
      `Remit bench${quick ? " (--quick)" : ""}: production build, SQLite, ${os.cpus().length} CPUs, node ${process.version}`,
    ),
  );
  const loadAtStart = os.loadavg()[0];
  details.loadavgAtStart = os.loadavg();
  if (loadAtStart > os.cpus().length) {
    console.log(
      yellow(
        `note: load average ${loadAtStart.toFixed(1)} on ${os.cpus().length} CPUs: other work is running, timings will be inflated.`,
      ),
    );
  }
  const chromium = findChromium();
  if (!chromium.executablePath) throw new Error(chromium.error);

  const build = await ensureBuild();
  details.build = build;

  // ---- Database and server.
  const dir = mkdtempSync(path.join(os.tmpdir(), "remit-bench-"));
  tempDirs.add(dir);
  const dbFile = path.join(dir, "bench.db");
  const databaseUrl = `file:${dbFile}`;
  await run(node, [bin.db, "deploy"], { env: { DATABASE_URL: databaseUrl }, label: "db deploy", timeoutMs: 60_000 });
  const port = await getFreePort();
  const probeFile = path.join(dir, "probe");
  const useProbe = !argv.has("--no-probe");
  const server = startAppServer({
    root,
    port,
    name: "bench",
    logFile: path.join(dir, "server.log"),
    env: {
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      AUTH_TRUST_HOST: "true",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: distDir,
      ...(useProbe
        ? {
            NODE_OPTIONS:
              `${process.env.NODE_OPTIONS ?? ""} --require ${path.join(root, "bench/lib/server-probe.cjs")}`.trim(),
            BENCH_PROBE_FILE: probeFile,
          }
        : {}),
    },
  });
  cleanups.push(() => server.stop());
  const base = server.url;
  const tReady = performance.now();
  await server.waitReady({ timeoutMs: 90_000 });
  details.rssAfterStartMiB = rssMiB(serverProcess(server.pid)?.pid ?? server.pid);
  log(`server: ${base} ready in ${((performance.now() - tReady) / 1000).toFixed(1)} s (pid ${server.pid}, ${distDir})`);

  // ---- Seed.
  const taskEnv = { E2E_DATABASE_URL: databaseUrl };
  const t0Seed = performance.now();
  const seeded = await task(dir, "seed", [], taskEnv);
  const { matrices, team } = seeded;
  log(
    `seed: ${Object.entries(matrices)
      .map(([k, m]) => `${k} ${m.columns}×${m.rows} (${m.filledCells} cells)`)
      .join(", ")} in ${((performance.now() - t0Seed) / 1000).toFixed(1)} s`,
  );
  const [editor, watcher] = await Promise.all([signIn(base, seeded.editor), signIn(base, seeded.watcher)]);
  const pageUrl = (m) => `${base}/t/${team.slug}/matrices/${m.id}`;
  details.seed = {
    matrices: Object.fromEntries(
      Object.entries(matrices).map(([k, m]) => [k, { columns: m.columns, rows: m.rows, filledCells: m.filledCells }]),
    ),
  };

  // Warm the server: the routes measured below, a few times each.
  for (let i = 0; i < 5; i++) {
    await api(base, `/api/v1/matrices/${matrices.big.id}`, editor.header);
    await api(base, `/api/v1/matrices/${matrices.small.id}`, editor.header);
    await fetch(pageUrl(matrices.small), { headers: { Cookie: editor.header } }).then((r) => r.arrayBuffer());
  }

  const srv = serverProcess(server.pid);
  if (!srv) throw new Error("cannot find the server process");
  details.serverProcesses = groupProcesses(server.pid).map((p) => ({
    pid: p.pid,
    cmd: p.cmd.slice(0, 80),
    rssMiB: Math.round(p.rssKB / 102.4) / 10,
  }));

  /** What the server probe reports: statement counts (summed over the group) and the server's memory. */
  /**
   * What the server probe reports (statement counts, memory, request timings). Only the
   * process that serves requests is asked: it is the one that runs the queries, and a
   * process without the probe would be killed by SIGUSR2.
   */
  const counts = async () => {
    if (!useProbe) return null;
    const file = path.join(dir, `probe.${srv.pid}`);
    rmSync(file, { force: true });
    try {
      process.kill(srv.pid, "SIGUSR2");
    } catch {
      return null;
    }
    for (let waited = 0; !existsSync(file); waited += 25) {
      if (waited > 5000) throw new Error("the server probe did not answer in 5 s");
      await sleep(25);
    }
    return { recent: [], ...JSON.parse(readFileSync(file, "utf8")) };
  };
  /**
   * Server-side durations (request event → response finished, inside next-server) of one
   * route while fn ran: separates server time from client, loopback and scheduling.
   */
  const serverTimed = async (key, fn) => {
    const a = await counts();
    const result = await fn();
    const b = await counts();
    const xs = b?.requests?.[key]?.slice(a?.requests?.[key]?.length ?? 0) ?? [];
    return { result, server: xs.length ? summarize(xs) : null };
  };
  /** Statements per request, averaged over n requests; with the SQL of the last one. */
  const perRequest = (a, b, n) => {
    if (!a || !b) return null;
    const out = {};
    for (const k of Object.keys(b))
      if (typeof b[k] === "number") out[k] = Math.round((((b[k] ?? 0) - (a[k] ?? 0)) / n) * 10) / 10;
    const per = Math.round(out.total);
    out.lastRequestSql = b.recent.filter(([seq]) => seq > b.total - per).map(([, sql]) => sql.replace(/\s+/g, " "));
    return out;
  };
  /** The server's memory in MiB: RSS and what V8 reports (heap, external, array buffers). */
  const memoryOf = (probe) => {
    const mib = (x) => Math.round((x / 2 ** 20) * 10) / 10;
    const m = probe?.memory;
    return m
      ? {
          rss: mib(m.rss),
          heapUsed: mib(m.heapUsed),
          heapTotal: mib(m.heapTotal),
          external: mib(m.external),
          arrayBuffers: mib(m.arrayBuffers),
        }
      : null;
  };
  /** Statements for n calls of fn. */
  const countFor = async (n, fn) => {
    const a = await counts();
    for (let i = 0; i < n; i++) await fn();
    return perRequest(a, await counts(), n);
  };

  // ---- Server memory at rest.
  await step("server memory, idle", async () => {
    await sleep(3000);
    const idle = rssMiB(srv.pid);
    details.rssIdleMiB = idle;
    details.memory = { idle: memoryOf(await counts()) };
    figure({
      key: "rss_idle",
      label: "server RSS, idle",
      median: `${idle.toFixed(0)} MiB`,
      p95: "–",
      target: "≤ 200 MiB",
      pass: idle <= 200,
    });
  });

  // ---- Findings engine (CPU only; the server is idle meanwhile).
  await step(
    "findings for 1,000 × 100",
    async () => {
      const r = await task(dir, "findings", [N.findingsRuns], {}, 120_000);
      details.findings = r;
      figure({
        key: "findings",
        label: "computeFindings 1,000 × 100",
        median: ms(r.median),
        p95: ms(r.p95),
        target: "≤ 10 ms median",
        pass: r.median <= 10,
      });
    },
    { figuresOnError: [{ key: "findings", label: "computeFindings 1,000 × 100", target: "≤ 10 ms median" }] },
  );

  // ---- Payload.
  await step(
    "matrix payload",
    async () => {
      const url = `${base}/api/v1/matrices/${matrices.big.id}`;
      const plain = await rawGet(url, { Cookie: editor.header, "Accept-Encoding": "identity" });
      const gz = await rawGet(url, { Cookie: editor.header, "Accept-Encoding": "gzip" });
      if (plain.status !== 200) throw new Error(`GET matrix: ${plain.status}`);
      const dto = JSON.parse(plain.bytes.toString("utf8"));
      const size = (x) => Buffer.byteLength(JSON.stringify(x));
      const breakdown = {
        total: plain.bytes.length,
        columns: size(dto.columns),
        rows: size(dto.rows),
        cells: size(dto.cells),
        settings: size(dto.settings),
        rest: 0,
      };
      breakdown.rest = breakdown.total - breakdown.columns - breakdown.rows - breakdown.cells - breakdown.settings;
      details.payload = {
        bytes: plain.bytes.length,
        wireBytesGzip: gz.bytes.length,
        contentEncoding: gz.headers["content-encoding"] ?? null,
        gzipOfBody: gzipSync(plain.bytes).length,
        breakdown,
        cellsFilled: dto.cells.length,
      };
      figure({
        key: "payload",
        label: "matrix payload 40 × 200 (uncompressed)",
        median: kb(plain.bytes.length),
        p95: "–",
        target: "≤ 150 KB",
        pass: plain.bytes.length <= 150_000,
        note: `gzip on the wire ${gz.headers["content-encoding"] ? kb(gz.bytes.length) : "not compressed"}`,
      });
      details.queriesPerGetMatrix = await countFor(5, () =>
        api(base, `/api/v1/matrices/${matrices.big.id}`, editor.header),
      );
      details.queriesPerMatrixPage = await countFor(3, () =>
        fetch(pageUrl(matrices.big), { headers: { Cookie: editor.header } }).then((r) => r.arrayBuffer()),
      );
    },
    { figuresOnError: [{ key: "payload", label: "matrix payload 40 × 200 (uncompressed)", target: "≤ 150 KB" }] },
  );

  // ---- Browser.
  const { chromium: pw } = await import("@playwright/test");
  const browser = await pw.launch({ ...chromiumLaunchOptions(), headless: true });
  cleanups.push(() => browser.close());
  details.browser = { executable: chromium.executablePath, version: browser.version(), viewport: "1280×720" };
  const B = await import("./lib/browser-bench.mjs");
  const ctxEditor = await B.signedInContext(browser, base, editor.pairs);
  const ctxWatcher = await B.signedInContext(browser, base, watcher.pairs);
  cleanups.push(
    () => ctxEditor.close(),
    () => ctxWatcher.close(),
  );

  await step(
    "page load 8 × 25",
    async () => {
      const { result: r, server } = await serverTimed("GET /t/:id/matrices/:id", () =>
        B.measureLoads(ctxEditor, pageUrl(matrices.small), { runs: N.loadRuns, warmups: N.loadWarmups }),
      );
      details.loadSmall = { ...r, serverRender: server };
      figure({
        key: "load_small",
        label: "8 × 25: navigation → grid ready",
        median: ms(r.ready.median),
        p95: ms(r.ready.p95),
        target: "≤ 400 ms median",
        pass: r.ready.median <= 400 && r.responds !== false,
        note: `TTFB ${ms(r.ttfb.median)}, HTML done ${ms(r.htmlDone.median)}, DOMContentLoaded ${ms(r.domContentLoaded.median)}, hydrated ${ms(r.hydrated.median)}; server render ${ms(server?.median)}`,
      });
    },
    {
      timeoutMs: 120_000,
      figuresOnError: [{ key: "load_small", label: "8 × 25: navigation → grid ready", target: "≤ 400 ms median" }],
    },
  );

  await step(
    "page load 40 × 200",
    async () => {
      const { result: r, server } = await serverTimed("GET /t/:id/matrices/:id", () =>
        B.measureLoads(ctxEditor, pageUrl(matrices.big), { runs: N.loadRuns, warmups: N.loadWarmups }),
      );
      details.loadBig = { ...r, serverRender: server };
      figure({
        key: "load_big",
        label: "40 × 200: navigation → grid ready",
        median: ms(r.ready.median),
        p95: ms(r.ready.p95),
        target: "≤ 800 ms median",
        pass: r.ready.median <= 800 && r.responds !== false,
        note: `TTFB ${ms(r.ttfb.median)}, HTML done ${ms(r.htmlDone.median)}, DOMContentLoaded ${ms(r.domContentLoaded.median)}, hydrated ${ms(r.hydrated.median)}; server render ${ms(server?.median)}`,
      });
    },
    {
      timeoutMs: 150_000,
      figuresOnError: [{ key: "load_big", label: "40 × 200: navigation → grid ready", target: "≤ 800 ms median" }],
    },
  );

  await step(
    "page heap 40 × 200",
    async () => {
      const r = await B.measureHeap(ctxEditor, pageUrl(matrices.big));
      details.heapBig = r;
      figure({
        key: "heap",
        label: "page JS heap after load, 40 × 200",
        median: `${r.loadedMB.toFixed(1)} MB`,
        p95: "–",
        target: "≤ 60 MB",
        pass: r.loadedMB <= 60,
        note: `after GC ${r.afterGcMB.toFixed(1)} MB`,
      });
    },
    { figuresOnError: [{ key: "heap", label: "page JS heap after load, 40 × 200", target: "≤ 60 MB" }] },
  );

  await step(
    "first-load JavaScript",
    async () => {
      const r = await B.measureFirstLoadJs(browser, base, editor.pairs, pageUrl(matrices.big));
      details.firstLoadJs = r;
      figure({
        key: "first_load_js",
        label: "first-load JS of the matrix page (gzip)",
        median: kb(r.gzip),
        p95: "–",
        target: "≤ 150 KB",
        pass: r.gzip <= 150_000,
        note: `${r.files.length - r.later.files} files before the grid was ready, ${kb(r.raw)} raw, ${r.servedCompressed} served compressed; then ${r.later.files} more on demand/idle within 1.5 s (${kb(r.later.gzip)} gzip)`,
      });
    },
    {
      figuresOnError: [{ key: "first_load_js", label: "first-load JS of the matrix page (gzip)", target: "≤ 150 KB" }],
    },
  );

  await step(
    "cell change in the UI",
    async () => {
      const r = await B.measureCellEdit(ctxEditor, pageUrl(matrices.big), { samples: N.editSamples });
      details.cellEdit = r;
      figure({
        key: "cell_ui",
        label: "cell change in the UI (key → cell shows it)",
        median: ms(r.toFrame.median),
        p95: ms(r.toFrame.p95),
        target: "≤ 100 ms",
        pass: r.toFrame.median <= 100,
      });
    },
    { figuresOnError: [{ key: "cell_ui", label: "cell change in the UI (key → cell shows it)", target: "≤ 100 ms" }] },
  );

  await step(
    "live edit seen in a second browser",
    async () => {
      const r = await B.measureLiveEdit(ctxEditor, ctxWatcher, pageUrl(matrices.big), { samples: N.liveSamples });
      if (r.wired) {
        details.live = { mode: "browser", ...r };
        figure({
          key: "live",
          label: "live edit seen in a second browser",
          median: ms(r.latency.median),
          p95: ms(r.latency.p95),
          target: "p95 ≤ 300 ms",
          pass: r.latency.p95 <= 300,
        });
        return;
      }
      log(
        yellow(
          "  page B never showed page A's edit: live updates are not wired into the page; measuring the SSE event instead",
        ),
      );
      const s = await measureSseLatency({
        base,
        matrixId: matrices.big.id,
        writerCookie: editor.header,
        watcherCookie: watcher.header,
        samples: N.liveSamples,
      });
      details.live = { mode: "sse-fallback", ...s };
      figure({
        key: "live",
        label: "live edit: PUT → SSE change event (fallback: not wired into the page)",
        median: ms(s.toEvent.median),
        p95: ms(s.toEvent.p95),
        target: "p95 ≤ 300 ms",
        pass: s.toEvent.p95 <= 300,
      });
    },
    {
      timeoutMs: 150_000,
      figuresOnError: [{ key: "live", label: "live edit seen in a second browser", target: "p95 ≤ 300 ms" }],
    },
  );

  await step(
    "1,000 × 100: load and scroll",
    async () => {
      // A fresh context (the earlier steps' tabs are gone), and one retry if the renderer
      // crashes (seen once on a machine under heavy load).
      const once = async () => {
        const ctx = await B.signedInContext(browser, base, editor.pairs);
        try {
          return await B.measureScroll(ctx, pageUrl(matrices.huge));
        } finally {
          await ctx.close().catch(() => {});
        }
      };
      const r = await once().catch((e) => {
        if (!/crash/i.test(String(e?.message))) throw e;
        log(yellow(`  renderer crashed (${String(e.message).split("\n")[0]}); once more`));
        return once();
      });
      details.scrollHuge = r;
      figure({
        key: "huge_scroll",
        label: "1,000 × 100: frames > 50 ms while scrolling",
        median: `${r.framesOver50ms} of ${r.frames}`,
        p95: ms(r.frame.p95),
        target: "0 (no jank)",
        pass: r.framesOver50ms === 0,
        note: `frame max ${ms(r.frame.max)}; ready in ${ms(r.loadReadyMs)}`,
      });
      figure({
        key: "huge_dom",
        label: "1,000 × 100: DOM nodes after load",
        median: String(r.domNodesAfterLoad),
        p95: "–",
        target: "virtualized (≤ 5,000)",
        pass: r.domNodesAfterLoad <= 5000,
        note: `${r.gridcellsAfterLoad} gridcells rendered of 100,000; max ${r.maxDomNodesWhileScrolling} while scrolling`,
      });
    },
    {
      timeoutMs: 120_000,
      figuresOnError: [
        { key: "huge_scroll", label: "1,000 × 100: frames > 50 ms while scrolling", target: "0 (no jank)" },
      ],
    },
  );

  await browser.close().catch(() => {});

  // ---- PDF.
  await step(
    "PDF export 40 × 200",
    async () => {
      const url = `/api/v1/matrices/${matrices.big.id}/export.pdf`;
      const first = await api(base, url, editor.header);
      if (first.status === 404 && !first.body?.error?.code?.includes("NOT_FOUND")) {
        figure({
          key: "pdf",
          label: "PDF of 40 × 200, complete",
          median: "n/a (not built yet)",
          p95: "–",
          target: "≤ 300 ms",
          pass: null,
        });
        return;
      }
      if (first.status !== 200) throw new Error(`export.pdf: ${first.status} ${first.text.slice(0, 200)}`);
      const times = [];
      let bytes = 0;
      let type = "";
      for (let i = 0; i < N.pdfRuns + 1; i++) {
        const t0 = performance.now();
        const res = await fetch(`${base}${url}`, { headers: { Cookie: editor.header } });
        const body = Buffer.from(await res.arrayBuffer());
        const t = performance.now() - t0;
        if (res.status !== 200 || body.subarray(0, 5).toString() !== "%PDF-")
          throw new Error(`export.pdf: ${res.status}, not a PDF`);
        bytes = body.length;
        type = res.headers.get("content-type") ?? "";
        if (i > 0) times.push(t);
      }
      const s = summarize(times);
      details.pdf = { ...s, bytes, contentType: type };
      figure({
        key: "pdf",
        label: "PDF of 40 × 200, complete",
        median: ms(s.median),
        p95: ms(s.p95),
        target: "≤ 300 ms",
        pass: s.median <= 300,
        note: kb(bytes),
      });
    },
    { timeoutMs: 120_000, figuresOnError: [{ key: "pdf", label: "PDF of 40 × 200, complete", target: "≤ 300 ms" }] },
  );

  // ---- One cell change through the API, and its floor.
  await step(
    "cell change, API round trip",
    async () => {
      const dto = (await api(base, `/api/v1/matrices/${matrices.big.id}`, editor.header)).body;
      // Existing cells (the update path, like the floor), cycled; versions tracked.
      const cells = dto.cells.slice(0, 200).map(([r, c, letters, version]) => ({
        responsibilityId: dto.rows[r].id,
        personId: dto.columns[c].personId,
        letters,
        version,
      }));
      const path_ = `/api/v1/matrices/${matrices.big.id}/cells`;
      const put = async (cell) => {
        const letters = cell.letters === "R" ? "C" : "R";
        const t0 = performance.now();
        const res = await fetch(`${base}${path_}`, {
          method: "PUT",
          headers: { "Content-Type": "application/json", Cookie: editor.header },
          body: JSON.stringify({
            responsibilityId: cell.responsibilityId,
            personId: cell.personId,
            letters,
            version: cell.version,
          }),
        });
        const body = await res.json();
        const t = performance.now() - t0;
        if (res.status !== 200) throw new Error(`PUT cells: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
        cell.letters = letters;
        cell.version = body.cells[0].version;
        return t;
      };
      let n = 0;
      for (let i = 0; i < 30; i++) await put(cells[n++ % cells.length]);
      details.queriesPerPutCell = await countFor(5, () => put(cells[n++ % cells.length]));
      const times = [];
      const { server } = await serverTimed("PUT /api/v1/matrices/:id/cells", async () => {
        for (let i = 0; i < N.putSamples; i++) times.push(await put(cells[n++ % cells.length]));
      });
      const s = summarize(times);
      details.putCell = { ...s, serverSide: server };
      figure({
        key: "put_rtt",
        label: "cell change, API round trip",
        median: ms(s.median),
        p95: ms(s.p95),
        target: "p50 ≤ 8 ms, p95 ≤ 20 ms",
        pass: s.median <= 8 && s.p95 <= 20,
        note: `inside the server: p50 ${ms(server?.median)}, p95 ${ms(server?.p95)}`,
      });

      const floor = await task(dir, "floor", [matrices.big.id, seeded.editor.id, N.floorSamples], taskEnv);
      details.putFloor = floor;
      const ratio = s.median / floor.transaction.median;
      figure({
        key: "put_vs_floor",
        label: "cell change API p50 ÷ bare Prisma transaction p50",
        median: `${ratio.toFixed(1)}× (floor ${ms(floor.transaction.median)})`,
        p95: ms(floor.transaction.p95),
        target: "≤ 2×",
        pass: ratio <= 2,
        note: `floor incl. the reads put-cells does: ${ms(floor.withReads.median)}`,
      });

      // The framework's own floor, same client and loop: a Next.js route handler that does
      // no work (GET /api/health: no session, no database). What the API adds to the
      // database floor splits into this and Remit's own code.
      const noop = [];
      const health = async () => {
        const t0 = performance.now();
        const res = await fetch(`${base}/api/health`);
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`GET /api/health: ${res.status}`);
        return performance.now() - t0;
      };
      for (let i = 0; i < 30; i++) await health();
      for (let i = 0; i < N.putSamples; i++) noop.push(await health());
      const h = summarize(noop);
      details.noopRoute = h;
      figure({
        key: "noop_route",
        label: "Next.js route handler doing nothing, round trip",
        median: ms(h.median),
        p95: ms(h.p95),
        target: "(info)",
        pass: null,
        note: `cell change p50 − this − floor incl. reads = ${ms(s.median - h.median - floor.withReads.median)}: Remit's code (session, zod, JSON, history ids, publish) and the same queries run inside Next's request context`,
      });
    },
    { figuresOnError: [{ key: "put_rtt", label: "cell change, API round trip", target: "p50 ≤ 8 ms, p95 ≤ 20 ms" }] },
  );

  const { default: autocannon } = await import("autocannon");

  // ---- Reads under load.
  await step(
    "matrix reads, 10 connections",
    async () => {
      const url = `${base}/api/v1/matrices/${matrices.big.id}`;
      const probe = await rawGet(url, { Cookie: editor.header, "Accept-Encoding": "gzip" });
      const encoding = probe.headers["content-encoding"] ?? null;
      const stop = sampleRss(srv.pid);
      const { result: r, server } = await serverTimed("GET /api/v1/matrices/:id", () =>
        autocannon({
          url,
          connections: 10,
          duration: N.readSeconds,
          headers: { Cookie: editor.header, "Accept-Encoding": "gzip" },
        }),
      );
      const rss = stop();
      if (details.memory) details.memory.underReads = memoryOf(await counts());
      const errors = r.errors + r.timeouts + r.non2xx;
      details.reads = {
        rps: r.requests.average,
        latency: { p50: r.latency.p50, p97_5: r.latency.p97_5, p99: r.latency.p99, max: r.latency.max },
        total: r.requests.total,
        errors,
        bytesPerResponse: r.requests.total ? Math.round(r.throughput.total / r.requests.total) : null,
        contentEncoding: encoding,
        serverSide: server,
        rss,
      };
      figure({
        key: "reads",
        label: "GET matrix 40 × 200, 10 connections",
        median: `${r.requests.average.toFixed(0)} req/s`,
        p95: `p99 ${ms(r.latency.p99)}`,
        target: "≥ 100 req/s, compressed",
        pass: r.requests.average >= 100 && !!encoding && errors === 0,
        note: `${encoding ? `${encoding}-compressed` : "NOT compressed"}, ${errors} errors, p50 ${ms(r.latency.p50)}; inside the server p50 ${ms(server?.median)}`,
      });
    },
    {
      timeoutMs: 90_000,
      figuresOnError: [
        { key: "reads", label: "GET matrix 40 × 200, 10 connections", target: "≥ 100 req/s, compressed" },
      ],
    },
  );

  // ---- Sustained writes.
  await step(
    "sustained writes, 10 connections",
    async () => {
      const w = matrices.writes;
      const total = w.rowIds.length * w.personIds.length;
      let next = 0;
      // A fresh (never written) cell per request, version 0: no connection ever conflicts.
      const body = () => {
        const i = next++ % total;
        return JSON.stringify({
          responsibilityId: w.rowIds[Math.floor(i / w.personIds.length)],
          personId: w.personIds[i % w.personIds.length],
          letters: "R",
          version: 0,
        });
      };
      const opts = (duration) => ({
        url: base,
        connections: 10,
        duration,
        headers: { Cookie: editor.header, "Content-Type": "application/json" },
        requests: [
          { method: "PUT", path: `/api/v1/matrices/${w.id}/cells`, setupRequest: (req) => ({ ...req, body: body() }) },
        ],
      });
      await autocannon(opts(2)); // warm-up
      const stop = sampleRss(srv.pid);
      const { result: r, server } = await serverTimed(`PUT /api/v1/matrices/:id/cells`, () =>
        autocannon(opts(N.writeSeconds)),
      );
      const rss = stop();
      if (details.memory) details.memory.underWrites = memoryOf(await counts());
      const errors = r.errors + r.timeouts + r.non2xx;
      details.writes = {
        rps: r.requests.average,
        latency: { p50: r.latency.p50, p97_5: r.latency.p97_5, p99: r.latency.p99, max: r.latency.max },
        total: r.requests.total,
        non2xx: r.non2xx,
        errors: r.errors,
        timeouts: r.timeouts,
        cellsUsed: next,
        cellsAvailable: total,
        serverSide: server,
        rss,
      };
      if (next > total)
        problems.push({
          step: "sustained writes",
          error: `ran out of fresh cells (${next} > ${total}): later writes conflicted`,
        });
      figure({
        key: "writes_rps",
        label: "sustained writes (PUT cell), 10 conn., throughput",
        median: `${r.requests.average.toFixed(0)} req/s`,
        p95: "–",
        target: "≥ 200 req/s",
        pass: r.requests.average >= 200,
      });
      figure({
        key: "writes_p99",
        label: "sustained writes, latency",
        median: ms(r.latency.p50),
        p95: `p99 ${ms(r.latency.p99)}`,
        target: "p99 ≤ 150 ms",
        pass: r.latency.p99 <= 150,
        note: `inside the server: p50 ${ms(server?.median)}, p99 ${ms(server?.p99)}`,
      });
      figure({
        key: "writes_errors",
        label: "sustained writes, errors (non-2xx, timeouts)",
        median: String(errors),
        p95: "–",
        target: "0",
        pass: errors === 0,
        note: `${r.requests.total} requests`,
      });
      figure({
        key: "rss_load",
        label: "server RSS under the write load (max)",
        median: `${rss.maxMiB.toFixed(0)} MiB`,
        p95: "–",
        target: "≤ 400 MiB",
        pass: rss.maxMiB <= 400,
      });
    },
    {
      timeoutMs: 90_000,
      figuresOnError: [
        { key: "writes_rps", label: "sustained writes (PUT cell), 10 conn., throughput", target: "≥ 200 req/s" },
        { key: "rss_load", label: "server RSS under the write load (max)", target: "≤ 400 MiB" },
      ],
    },
  );

  details.rssEndMiB = rssMiB(srv.pid);
  if (details.memory) {
    // Kept or just not collected yet? The same breakdown after a full GC in the server.
    await sleep(2000);
    writeFileSync(`${probeFile}.gc`, "");
    details.memory.afterLoadAndFullGc = memoryOf(await counts());
  }
  const q = (x) =>
    x ? `${x.total} (${x.select} select, ${x.insert + x.update + x.delete} write, ${x.transaction} tx)` : "not counted";
  figure({
    key: "queries_get",
    label: "SQL statements per GET matrix",
    median: q(details.queriesPerGetMatrix),
    p95: "–",
    target: "(info)",
    pass: null,
  });
  figure({
    key: "queries_put",
    label: "SQL statements per PUT cell",
    median: q(details.queriesPerPutCell),
    p95: "–",
    target: "(info)",
    pass: null,
  });
  figure({
    key: "queries_page",
    label: "SQL statements per matrix page (HTML)",
    median: q(details.queriesPerMatrixPage),
    p95: "–",
    target: "(info)",
    pass: null,
  });

  if (server.exited)
    problems.push({
      step: "server",
      error: `the server exited during the run: ${JSON.stringify(server.exited)}\n${server.logTail(30)}`,
    });
  return { base };
}

// ───────────────────────────── report ─────────────────────────────
function printTable() {
  const cols = [
    ["figure", (f) => f.label],
    ["median", (f) => f.median],
    ["p95", (f) => f.p95],
    ["target", (f) => f.target],
    ["result", (f) => (f.pass === null ? (f.median.startsWith("n/a") ? "n/a" : "info") : f.pass ? "PASS" : "MISS")],
  ];
  const widths = cols.map(([h, get]) => Math.max(h.length, ...figures.map((f) => String(get(f)).length)));
  const line = (cells) => cells.map((s, i) => String(s).padEnd(widths[i])).join("  ");
  console.log(`\n${bold(line(cols.map(([h]) => h)))}`);
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const f of figures) {
    const cells = cols.map(([, get]) => get(f));
    const text = line(cells);
    const res = cells[4];
    console.log(
      res === "PASS"
        ? text.replace(/PASS\s*$/, green("PASS"))
        : res === "MISS"
          ? text.replace(/MISS\s*$/, red("MISS"))
          : text,
    );
    if (f.note) console.log(dim(`${" ".repeat(2)}↳ ${f.note}`));
  }
  const pass = figures.filter((f) => f.pass === true).length;
  const miss = figures.filter((f) => f.pass === false).length;
  console.log(`\n${pass} PASS, ${miss} MISS, ${figures.length - pass - miss} info/n/a`);
}

let exitCode = 0;
try {
  await main();
} catch (e) {
  exitCode = 1;
  problems.push({ step: "bench", error: String(e?.stack ?? e) });
  console.error(red(`bench failed: ${e?.stack ?? e}`));
}
await runCleanups();
if (interrupted) {
  console.error(red(`interrupted (${interrupted}): bench/results/latest.json left as it was`));
  process.exit(130);
}
const seconds = (performance.now() - tStart) / 1000;
if (figures.length) printTable();
for (const p of problems) console.error(yellow(`problem in ${p.step}: ${p.error.split("\n").slice(0, 3).join(" | ")}`));
mkdirSync(path.join(root, "bench/results"), { recursive: true });
const result = {
  startedAt: new Date(Date.now() - seconds * 1000).toISOString(),
  seconds: Math.round(seconds),
  quick,
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadavg: os.loadavg(),
  },
  database: "sqlite",
  figures,
  details,
  problems,
};
writeFileSync(path.join(root, "bench/results/latest.json"), `${JSON.stringify(result, null, 2)}\n`);
console.log(dim(`\nwrote bench/results/latest.json; wall clock ${seconds.toFixed(0)} s`));
process.exit(interrupted ? 130 : exitCode);
