import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SERVER_PRELOAD, serverNodeOptions } from "./server-node-options.mjs";

const preload = `--require ${SERVER_PRELOAD}`;

describe("serverNodeOptions", () => {
  it("bounds the old space, 256 MiB unless REMIT_HEAP_MB says otherwise", () => {
    expect(serverNodeOptions("", {})).toBe(`--max-old-space-size=256 ${preload}`);
    expect(serverNodeOptions("", { REMIT_HEAP_MB: "768" })).toBe(`--max-old-space-size=768 ${preload}`);
    expect(serverNodeOptions("", { REMIT_HEAP_MB: "12" })).toBe(`--max-old-space-size=256 ${preload}`);
    expect(serverNodeOptions("", { REMIT_HEAP_MB: "lots" })).toBe(`--max-old-space-size=256 ${preload}`);
  });
  it("keeps what NODE_OPTIONS already had, after its own flags", () => {
    expect(serverNodeOptions("--require ./probe.cjs", {})).toBe(
      `--max-old-space-size=256 ${preload} --require ./probe.cjs`,
    );
  });
});

describe("server-preload.cjs", () => {
  // A stand-in for `next`: prints what the real one would read.
  const dir = mkdtempSync(path.join(os.tmpdir(), "remit-preload-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const bin = path.join(dir, "node_modules/next/dist/bin/next");
  mkdirSync(path.dirname(bin), { recursive: true });
  writeFileSync(
    bin,
    "console.log(JSON.stringify({ config: process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ?? null, fromEnvFile: process.env.REMIT_PRELOAD_PROBE ?? null }));",
  );
  const run = (args, env = {}) => {
    const r = spawnSync(process.execPath, ["--require", SERVER_PRELOAD, bin, ...args], {
      cwd: dir,
      encoding: "utf8",
      env: { PATH: process.env.PATH, NODE_PATH: path.resolve("node_modules"), ...env },
    });
    expect(r.stderr).toBe("");
    return JSON.parse(r.stdout);
  };

  it("does nothing without a build (next start then says there is none)", () => {
    expect(run(["start"])).toEqual({ config: null, fromEnvFile: null });
  });

  it("hands `next start` the build's resolved configuration and loads .env as Next would", () => {
    mkdirSync(path.join(dir, ".next-x"), { recursive: true });
    writeFileSync(
      path.join(dir, ".next-x/required-server-files.json"),
      JSON.stringify({ version: 1, config: { distDir: ".next-x", poweredByHeader: false } }),
    );
    writeFileSync(path.join(dir, ".env"), "REMIT_PRELOAD_PROBE=from-dotenv\n");
    const out = run(["start"], { NEXT_DIST_DIR: ".next-x" });
    expect(JSON.parse(out.config)).toEqual({ distDir: ".next-x", poweredByHeader: false });
    expect(out.fromEnvFile).toBe("from-dotenv");
  });

  it("leaves other next commands alone", () => {
    expect(run(["build"], { NEXT_DIST_DIR: ".next-x" })).toEqual({ config: null, fromEnvFile: null });
  });
});
