#!/usr/bin/env node
// `npm start`: everything a fresh clone needs, then the production server.
//  1. DATABASE_URL defaults to the embedded SQLite file (file:./data/remit.db).
//  2. AUTH_SECRET, when missing, is generated once and kept in .auth-secret (git-ignored),
//     so sessions survive restarts.
//  3. Committed migrations are applied (scripts/db.mjs deploy).
//  4. `next build` runs when there is no build, or it is not stamped with this commit.
//  5. `next start` on PORT (default 3000).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serverNodeOptions } from "./lib/server-node-options.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

// Settings may live in .env (the environment wins); load it here so that the migration
// step and the server read the same DATABASE_URL.
if (existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));

const env = { ...process.env };
env.DATABASE_URL ||= "file:./data/remit.db";
env.NODE_ENV = "production";

if (!env.AUTH_SECRET) {
  const secretFile = path.join(root, ".auth-secret");
  if (!existsSync(secretFile)) {
    writeFileSync(secretFile, randomBytes(32).toString("base64url") + "\n", { mode: 0o600 });
    console.log("Generated AUTH_SECRET in .auth-secret (keep it private; delete it to sign everyone out).");
  }
  env.AUTH_SECRET = readFileSync(secretFile, "utf8").trim();
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function currentCommit() {
  const r = spawnSync("git", ["rev-parse", "HEAD"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : "";
}

run(process.execPath, ["scripts/db.mjs", "deploy"]);

const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const stampFile = path.join(root, ".next", "remit-build-commit");
const commit = currentCommit();
const hasBuild = existsSync(path.join(root, ".next", "BUILD_ID"));
const builtCommit = existsSync(stampFile) ? readFileSync(stampFile, "utf8").trim() : "";
// In a git checkout a build must be stamped with the current commit; an unstamped one
// (made by `npm test` or `next build`) may be of an older checkout, so it is rebuilt once.
// Without git (a tarball) only a missing build is built.
if (!hasBuild || (commit && commit !== builtCommit)) {
  console.log(
    hasBuild
      ? "The build may be of another commit: building again (about a minute)…"
      : "No build yet: building (about a minute)…",
  );
  run(process.execPath, [nextBin, "build"]);
  if (commit) writeFileSync(stampFile, commit + "\n");
}

const port = env.PORT || "3000";
// Flags for the server only (the build above needs more memory).
const child = spawn(process.execPath, [nextBin, "start", "-p", port], {
  stdio: "inherit",
  env: { ...env, NODE_OPTIONS: serverNodeOptions(env.NODE_OPTIONS) },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
