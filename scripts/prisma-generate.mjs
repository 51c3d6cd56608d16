#!/usr/bin/env node
// postinstall: write prisma/postgres/schema.prisma from prisma/schema.prisma, then
// generate both Prisma clients (prisma/generated/sqlite and prisma/generated/postgres).
//
// `prisma generate` does not need the native schema engine, but Prisma 7 still tries to
// download it unless PRISMA_SCHEMA_ENGINE_BINARY names an existing file; with no
// internet that download fails, so we point it at a file that exists when no real
// engine is present. Both generations run in parallel.

import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { REPO_ROOT, prismaPaths, writePostgresSchema } from "./lib/schemas.mjs";

const started = Date.now();
const paths = prismaPaths();

function prismaCli() {
  const cli = path.join(REPO_ROOT, "node_modules", "prisma", "build", "index.js");
  return fs.existsSync(cli) ? cli : null;
}

/** A real schema engine binary shipped in node_modules, if any (machines with internet). */
function hasNativeSchemaEngine() {
  const dir = path.join(REPO_ROOT, "node_modules", "@prisma", "engines");
  try {
    return fs.readdirSync(dir).some((f) => f.startsWith("schema-engine-"));
  } catch {
    return false;
  }
}

function run(schema) {
  const env = {
    ...process.env,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    PRISMA_HIDE_PREVIEW_FLAG_WARNINGS: "1",
    CHECKPOINT_DISABLE: "1",
    PRISMA_GENERATE_SKIP_AUTOINSTALL: "1",
  };
  if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !hasNativeSchemaEngine()) {
    // Any existing file stops the download; generate never executes it.
    env.PRISMA_SCHEMA_ENGINE_BINARY = fileURLToPath(import.meta.url);
  }
  const args = [prismaCli(), "generate", "--schema", path.relative(REPO_ROOT, schema)];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", (e) => resolve({ code: 1, out: out + String(e) }));
    child.on("close", (code) => resolve({ code: code ?? 1, out }));
  });
}

async function main() {
  const wrote = writePostgresSchema(paths);
  if (wrote) console.log(`prisma-generate: wrote ${path.relative(REPO_ROOT, paths.postgresSchema)}`);

  if (!prismaCli()) {
    // e.g. `npm ci --omit=dev` in a production image: the clients must already be there.
    console.warn(
      "prisma-generate: the prisma CLI is not installed (dev dependencies omitted?); skipping client generation",
    );
    return;
  }
  const results = await Promise.all([run(paths.sourceSchema), run(paths.postgresSchema)]);
  let failed = false;
  for (const [i, r] of results.entries()) {
    const name = i === 0 ? "sqlite" : "postgres";
    if (r.code !== 0) {
      failed = true;
      console.error(`prisma-generate: prisma generate failed for the ${name} schema:\n${r.out.trim()}`);
    }
  }
  if (failed) process.exit(1);
  console.log(
    `prisma-generate: generated prisma/generated/sqlite and prisma/generated/postgres in ${Date.now() - started} ms`,
  );
}

main().catch((e) => {
  console.error(`prisma-generate: ${e?.message ?? e}`);
  process.exit(1);
});
