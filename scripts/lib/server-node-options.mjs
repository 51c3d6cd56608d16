// Node.js options for the Remit server process, wherever it is started: `npm start`
// (scripts/start.mjs), the Dockerfile's CMD, and the servers of `npm test` and
// `npm run bench` (scripts/lib/app-server.mjs), so what is tested and measured is what
// runs.
//
// --max-old-space-size (REMIT_HEAP_MB, default 256). Without a bound V8 lets the old
// generation grow towards a limit sized from the machine's memory before it collects
// hard: under `npm run bench`'s write load the server reached 640–790 MiB RSS, of which
// the live heap is about 120 MiB (after a full GC) and the rest garbage. Bounded at 256
// MiB it stayed at 400–440 MiB (384: 421 MiB). The time spent inside the server per
// write was the same either way (p50 5–8 ms); the throughput figures of those runs
// (49–220 req/s) moved with the other load on the shared machine, not with the bound.
// Raise it for very large teams or exports.
//
// --require scripts/lib/server-preload.cjs: `next start` on the build's resolved
// configuration (see that file).
import path from "node:path";
import { fileURLToPath } from "node:url";

export const SERVER_PRELOAD = path.join(path.dirname(fileURLToPath(import.meta.url)), "server-preload.cjs");

/** The server's Node flags. */
export function serverNodeFlags(env = process.env) {
  const mb = Number.parseInt(env.REMIT_HEAP_MB ?? "", 10);
  return [`--max-old-space-size=${Number.isInteger(mb) && mb >= 128 ? mb : 256}`, `--require ${quote(SERVER_PRELOAD)}`];
}

/** NODE_OPTIONS quoting: double quotes when the path has spaces. */
function quote(p) {
  return /[\s"\\]/.test(p) ? `"${p.replace(/(["\\])/g, "\\$1")}"` : p;
}

/** NODE_OPTIONS for the server: ours first, then whatever the environment already has. */
export function serverNodeOptions(existing = "", env = process.env) {
  return [...serverNodeFlags(env), existing].filter(Boolean).join(" ").trim();
}
