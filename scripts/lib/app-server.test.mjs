// startAppServer against a fake `next` binary: readiness, early death, and that stop()
// kills the whole process group (the fake forks a grandchild, like next's workers).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasHealthRoute, startAppServer } from "./app-server.mjs";
import { getFreePort } from "./free-port.mjs";

const root = mkdtempSync(path.join(os.tmpdir(), "remit-app-server-test-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function fakeNext(body) {
  const dir = path.join(root, "node_modules/next/dist/bin");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "next"), body);
}

/** Running (a zombie waiting for init to reap it counts as dead). */
const alive = (pid) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return !/^\d+ \(.*\) [ZX]/.test(stat);
  } catch {
    return false;
  }
};

describe("app server", () => {
  it("waits for /api/health, then stops the whole process group", async () => {
    fakeNext(`
      const http = require("node:http");
      const { spawn } = require("node:child_process");
      const fs = require("node:fs");
      const port = Number(process.argv[process.argv.indexOf("-p") + 1]);
      const kid = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
      fs.writeFileSync(process.env.KID_FILE, String(kid.pid));
      let ready = false;
      setTimeout(() => { ready = true; }, 300);
      http.createServer((req, res) => {
        res.statusCode = req.url === "/api/health" && ready ? 200 : 503;
        res.end(process.env.DATABASE_URL);
      }).listen(port, "127.0.0.1");
    `);
    writeFileSync(path.join(root, "package.json"), '{"type":"commonjs"}');
    const kidFile = path.join(root, "kid.pid");
    const port = await getFreePort();
    const server = startAppServer({
      root,
      port,
      logFile: path.join(root, "server.log"),
      env: { DATABASE_URL: "file:x.db", KID_FILE: kidFile },
    });
    try {
      const ready = await server.waitReady({ timeoutMs: 10_000, requireHealth: true });
      expect(ready.status).toBe(200);
      const res = await fetch(`${server.url}/api/health`);
      expect(await res.text()).toBe("file:x.db");
    } finally {
      await server.stop();
    }
    const kid = Number(readFileSync(kidFile, "utf8"));
    await new Promise((r) => setTimeout(r, 100));
    expect(alive(server.pid)).toBe(false);
    expect(alive(kid)).toBe(false);
  });

  it("fails fast with the log tail when the server dies", async () => {
    fakeNext(`console.error("boom: no DATABASE_URL"); process.exit(3);`);
    const server = startAppServer({ root, port: await getFreePort(), logFile: path.join(root, "dead.log"), env: {} });
    const t0 = Date.now();
    await expect(server.waitReady({ timeoutMs: 20_000, requireHealth: true })).rejects.toThrow(
      /exited before it was ready \(code 3[\s\S]*boom: no DATABASE_URL/,
    );
    expect(Date.now() - t0).toBeLessThan(10_000);
    await server.stop();
  });

  it("knows whether the app has a health route", () => {
    expect(hasHealthRoute(root)).toBe(false);
    mkdirSync(path.join(root, "app/api/health"), { recursive: true });
    writeFileSync(path.join(root, "app/api/health/route.ts"), "");
    expect(hasHealthRoute(root)).toBe(true);
  });
});
