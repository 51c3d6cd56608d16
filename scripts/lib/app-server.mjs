// Start/stop the production Next.js server (`next start`) for e2e runs.
//
// The server runs in its own process group (detached) so that stop() can kill it and
// anything it forked in one go; output goes to a log file whose tail is printed when
// the server dies or never becomes ready.
import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync } from "node:fs";
import path from "node:path";
import { serverNodeOptions } from "./server-node-options.mjs";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Live servers, so that an exit/signal handler can kill them synchronously. */
const live = new Set();

/** Kill every server started by this process (synchronous; for exit handlers). */
export function killAllServersSync() {
  for (const s of live) s.killSync();
}

function tail(file, lines = 60) {
  try {
    const text = readFileSync(file, "utf8");
    return text.split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/** True when the built app has a /api/health route (then readiness means 200 there). */
export function hasHealthRoute(root) {
  const candidates = [
    "app/api/health/route.ts",
    "app/api/health/route.js",
    "src/app/api/health/route.ts",
    "src/app/api/health/route.js",
    `${process.env.NEXT_DIST_DIR || ".next"}/server/app/api/health/route.js`,
  ];
  return candidates.some((c) => existsSync(path.join(root, c)));
}

/**
 * @param {object} o
 * @param {string} o.root      repo root (cwd of the server, where .next lives)
 * @param {number} o.port
 * @param {string} [o.host]    default 127.0.0.1
 * @param {Record<string,string|undefined>} o.env  extra env (DATABASE_URL, AUTH_SECRET, ...)
 * @param {string} o.logFile   where stdout+stderr go
 * @param {string} [o.name]    label for messages
 */
export function startAppServer({ root, port, host = "127.0.0.1", env, logFile, name = "app" }) {
  const nextBin = path.join(root, "node_modules/next/dist/bin/next");
  const fd = openSync(logFile, "a");
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", host], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: host,
      ...env,
      NODE_OPTIONS: serverNodeOptions(env?.NODE_OPTIONS ?? process.env.NODE_OPTIONS),
    },
    stdio: ["ignore", fd, fd],
    detached: true,
  });
  closeSync(fd);

  let exited = null;
  const exitPromise = new Promise((resolve) => {
    child.on("exit", (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    });
    child.on("error", (err) => {
      exited = { code: null, signal: null, error: err };
      resolve(exited);
    });
  });

  const url = `http://${host}:${port}`;

  const server = {
    name,
    url,
    port,
    pid: child.pid,
    logFile,
    get exited() {
      return exited;
    },
    killSync(sig = "SIGKILL") {
      if (exited || !child.pid) return;
      try {
        process.kill(-child.pid, sig);
      } catch {
        /* already gone */
      }
    },
    /** SIGTERM the process group, then SIGKILL after `graceMs`. */
    async stop(graceMs = 5000) {
      if (!exited && child.pid) {
        try {
          process.kill(-child.pid, "SIGTERM");
        } catch {
          /* gone */
        }
        const t = await Promise.race([exitPromise, sleep(graceMs).then(() => "timeout")]);
        if (t === "timeout") {
          try {
            process.kill(-child.pid, "SIGKILL");
          } catch {
            /* gone */
          }
          await Promise.race([exitPromise, sleep(2000)]);
        }
      }
      // Whatever else is left in the group (workers), make sure it is gone.
      if (child.pid) {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          /* group empty */
        }
      }
      live.delete(server);
    },
    /**
     * Wait until the server is ready: GET /api/health answers 200 when the app has that
     * route, otherwise any HTTP response on /. Fails fast if the server process exits.
     */
    async waitReady({ timeoutMs = 120_000, requireHealth = hasHealthRoute(root) } = {}) {
      const probe = requireHealth ? `${url}/api/health` : `${url}/`;
      const deadline = Date.now() + timeoutMs;
      let last = "no answer yet";
      while (Date.now() < deadline) {
        if (exited) {
          throw new Error(
            `${name} server exited before it was ready (code ${exited.code}, signal ${exited.signal}). Log tail (${logFile}):\n${tail(logFile)}`,
          );
        }
        try {
          const res = await fetch(probe, { redirect: "manual", signal: AbortSignal.timeout(5000) });
          await res.arrayBuffer().catch(() => {});
          if (!requireHealth || res.status === 200) return { probe, status: res.status };
          last = `HTTP ${res.status}`;
        } catch (e) {
          last = e?.cause?.code ?? e?.message ?? String(e);
        }
        await sleep(250);
      }
      throw new Error(
        `${name} server not ready after ${Math.round(timeoutMs / 1000)}s at ${probe} (last: ${last}). Log tail (${logFile}):\n${tail(logFile)}`,
      );
    },
    logTail: (n) => tail(logFile, n),
  };
  live.add(server);
  return server;
}
