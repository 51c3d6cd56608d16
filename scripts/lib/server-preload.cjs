/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload for `node --require` */
// Preloaded (`--require`) into every Remit production server process: `npm start`
// (scripts/start.mjs), the Dockerfile's CMD, and the servers of `npm test` and
// `npm run bench` (scripts/lib/app-server.mjs), through scripts/lib/server-node-options.mjs.
//
// It starts `next start` on the configuration the build resolved, as Next's own
// standalone server (`output: "standalone"`, server.js) does, instead of compiling
// next.config.ts again at every start. On Node 20 that compile loads Next's native SWC
// binding into the server for good: 25 MiB of mapped code plus its heap, about 48 MiB of
// RSS in all (measured: 292 → 244 MiB idle after the bench's warm-up). The build
// already applied next.config.ts (headers, distDir, external packages: all in the
// build's manifests), so the server behaves the same; a change to next.config.ts needs
// a build, as it always did for a production server.
//
// Next skips its own .env loading for a resolved configuration, so this loads the .env
// files here with Next's loader (same files, same order).
"use strict";
const fs = require("node:fs");
const path = require("node:path");

function isNextStart(argv) {
  const script = argv[1] ?? "";
  return /next[\\/]dist[\\/]bin[\\/]next$/.test(script) && argv[2] === "start";
}

if (isNextStart(process.argv) && !process.env.__NEXT_PRIVATE_STANDALONE_CONFIG) {
  const dir = process.cwd();
  const file = path.join(dir, process.env.NEXT_DIST_DIR || ".next", "required-server-files.json");
  // No build yet: leave it to `next start` to say so.
  if (fs.existsSync(file)) {
    const { config } = JSON.parse(fs.readFileSync(file, "utf8"));
    require("@next/env").loadEnvConfig(dir, false);
    process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
  }
}
