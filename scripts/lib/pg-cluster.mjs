// A private, throw-away PostgreSQL cluster for tests and tooling.
//
//   const pg = await startPgCluster();   // { url, host, port, user, database, dataDir, stop() }
//   ...
//   await pg.stop();                      // pg_ctl stop -m immediate, then removes the temp dir
//
// It lives in a fresh temp dir, listens only on 127.0.0.1 at a free port, keeps its unix
// socket in that temp dir, trusts local connections (user "postgres", database
// "postgres") and trades durability for speed (fsync off). It never touches another
// cluster. initdb and postgres refuse to run as root, so as root they run as the
// `postgres` system user. Clusters still running when the process exits (or gets
// SIGINT/SIGTERM) are stopped.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const TOOLS = ["initdb", "pg_ctl", "postgres"];

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function hasTools(dir) {
  return TOOLS.every((t) => isExecutable(path.join(dir, t)));
}

function versionKey(dir) {
  // "/usr/lib/postgresql/16/bin" → 16, "/usr/pgsql-15/bin" → 15
  const m = /(\d+(?:\.\d+)?)/.exec(path.basename(path.dirname(dir)));
  return m ? Number(m[1]) : 0;
}

/**
 * The directory holding initdb, pg_ctl and postgres: from PATH first (symlinks are
 * followed, Debian puts only wrappers or links on PATH), else the highest version under
 * /usr/lib/postgresql/<v>/bin or /usr/pgsql-<v>/bin. null when there is none.
 */
export function findPgBin() {
  if (process.env.REMIT_PG_BIN) return hasTools(process.env.REMIT_PG_BIN) ? process.env.REMIT_PG_BIN : null;
  for (const dir of (process.env.PATH || "").split(path.delimiter)) {
    if (!dir) continue;
    const initdb = path.join(dir, "initdb");
    if (!isExecutable(initdb)) continue;
    let real;
    try {
      real = path.dirname(fs.realpathSync(initdb));
    } catch {
      continue;
    }
    if (hasTools(real)) return real;
    if (hasTools(dir)) return dir;
  }
  const candidates = [];
  for (const [base, re] of [
    ["/usr/lib/postgresql", /^\d+(\.\d+)?$/],
    ["/usr/local/lib/postgresql", /^\d+(\.\d+)?$/],
    ["/usr", /^pgsql-\d+$/],
  ]) {
    let entries = [];
    try {
      entries = fs.readdirSync(base).filter((e) => re.test(e));
    } catch {}
    for (const e of entries) {
      const bin = path.join(base, e, "bin");
      if (hasTools(bin)) candidates.push(bin);
    }
  }
  candidates.sort((a, b) => versionKey(b) - versionKey(a));
  return candidates[0] ?? null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function which(cmd) {
  for (const dir of (process.env.PATH || "/usr/sbin:/usr/bin:/sbin:/bin").split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, cmd))) return path.join(dir, cmd);
  }
  for (const dir of ["/usr/sbin", "/usr/bin", "/sbin", "/bin"])
    if (isExecutable(path.join(dir, cmd))) return path.join(dir, cmd);
  return null;
}

function postgresUser() {
  let passwd = "";
  try {
    passwd = fs.readFileSync("/etc/passwd", "utf8");
  } catch {}
  for (const line of passwd.split("\n")) {
    const f = line.split(":");
    if (f[0] === "postgres") return { uid: Number(f[2]), gid: Number(f[3]) };
  }
  return null;
}

/** How to run a server binary: directly, or as the postgres user when we are root. */
function makeRunner() {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) return { isRoot, user: null, wrap: (cmd, args) => [cmd, args] };
  const user = postgresUser();
  if (!user)
    throw new Error("pg-cluster: running as root needs a `postgres` system user (initdb refuses to run as root)");
  const runuser = which("runuser");
  if (runuser) return { isRoot, user, wrap: (cmd, args) => [runuser, ["-u", "postgres", "--", cmd, ...args]] };
  const setpriv = which("setpriv");
  if (setpriv) {
    return {
      isRoot,
      user,
      wrap: (cmd, args) => [
        setpriv,
        ["--reuid", String(user.uid), "--regid", String(user.gid), "--init-groups", "--", cmd, ...args],
      ],
    };
  }
  throw new Error("pg-cluster: running as root needs `runuser` or `setpriv` to drop to the postgres user");
}

function chownTree(p, uid, gid) {
  fs.chownSync(p, uid, gid);
  if (fs.lstatSync(p).isDirectory()) for (const e of fs.readdirSync(p)) chownTree(path.join(p, e), uid, gid);
}

const live = new Set();
let handlersInstalled = false;

function onExit() {
  for (const c of [...live]) c.stopSync();
}
function onSignal(sig) {
  onExit();
  removeHandlers();
  // Let the default behaviour (or other listeners) run now that we cleaned up.
  if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
}
function installHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on("exit", onExit);
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}
function removeHandlers() {
  if (!handlersInstalled) return;
  handlersInstalled = false;
  process.off("exit", onExit);
  process.off("SIGINT", onSignal);
  process.off("SIGTERM", onSignal);
}

function runOrThrow(runner, cmd, args, what) {
  const [c, a] = runner.wrap(cmd, args);
  const r = spawnSync(c, a, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 120_000 });
  if (r.status !== 0) {
    const detail = [r.error?.message, r.stdout, r.stderr].filter(Boolean).join("\n").trim();
    throw new Error(`pg-cluster: ${what} failed (exit ${r.status ?? r.signal}):\n${detail}`);
  }
  return r;
}

/**
 * Starts a private cluster. Options: `bin` (server binaries dir, default findPgBin()),
 * `log` (function for progress lines). Resolves to { url, host, port, user, database,
 * dataDir, stop }.
 */
export async function startPgCluster({ bin = findPgBin(), log = () => {} } = {}) {
  if (!bin) throw new Error("pg-cluster: no PostgreSQL server binaries found (initdb, pg_ctl, postgres)");
  const runner = makeRunner();
  // As root the server runs as `postgres`, which must be able to reach the dir; a root
  // owned TMPDIR (e.g. /root/tmp) would not be, so use /tmp then.
  const base = process.env.REMIT_PG_TMPDIR || (runner.isRoot ? "/tmp" : os.tmpdir());
  const tmp = fs.mkdtempSync(path.join(base, "remit-pg-"));
  const dataDir = path.join(tmp, "data");
  const sockDir = path.join(tmp, "sock");
  const logFile = path.join(tmp, "server.log");
  fs.mkdirSync(sockDir);
  if (runner.isRoot) chownTree(tmp, runner.user.uid, runner.user.gid);

  let started = false;
  let stopped = false;
  const cluster = {
    host: "127.0.0.1",
    port: 0,
    user: "postgres",
    database: "postgres",
    dataDir,
    url: "",
    stopSync() {
      if (stopped) return;
      stopped = true;
      live.delete(cluster);
      if (live.size === 0) removeHandlers();
      if (started || fs.existsSync(path.join(dataDir, "postmaster.pid"))) {
        const [c, a] = runner.wrap(path.join(bin, "pg_ctl"), [
          "-D",
          dataDir,
          "stop",
          "-m",
          "immediate",
          "-w",
          "-t",
          "30",
        ]);
        spawnSync(c, a, { stdio: "ignore", timeout: 60_000 });
      }
      fs.rmSync(tmp, { recursive: true, force: true });
    },
    async stop() {
      cluster.stopSync();
    },
  };
  live.add(cluster);
  installHandlers();

  try {
    const t0 = Date.now();
    runOrThrow(
      runner,
      path.join(bin, "initdb"),
      ["-D", dataDir, "--auth=trust", "-U", "postgres", "--encoding=UTF8", "--locale=C", "--no-sync"],
      "initdb",
    );
    log(`pg-cluster: initdb in ${Date.now() - t0} ms`);
    let lastError;
    for (let attempt = 0; attempt < 3 && !started; attempt++) {
      const port = await freePort();
      const opts = [
        "-c listen_addresses=127.0.0.1",
        `-c port=${port}`,
        `-k "${sockDir}"`,
        "-c fsync=off",
        "-c synchronous_commit=off",
        "-c full_page_writes=off",
        "-c max_connections=100",
        "-c shared_buffers=32MB",
      ].join(" ");
      const [c, a] = runner.wrap(path.join(bin, "pg_ctl"), [
        "-D",
        dataDir,
        "-l",
        logFile,
        "-o",
        opts,
        "-w",
        "-t",
        "60",
        "start",
      ]);
      const r = spawnSync(c, a, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 90_000 });
      if (r.status === 0) {
        started = true;
        cluster.port = port;
      } else {
        let serverLog = "";
        try {
          serverLog = fs.readFileSync(logFile, "utf8");
        } catch {}
        lastError = [r.stdout, r.stderr, serverLog].filter(Boolean).join("\n").trim();
        // The port may have been taken between probing and binding: try another.
      }
    }
    if (!started) throw new Error(`pg-cluster: the server did not start:\n${lastError}`);
    cluster.url = `postgresql://postgres@127.0.0.1:${cluster.port}/postgres`;
    log(`pg-cluster: started on 127.0.0.1:${cluster.port} in ${Date.now() - t0} ms`);
    return cluster;
  } catch (e) {
    cluster.stopSync();
    throw e;
  }
}
