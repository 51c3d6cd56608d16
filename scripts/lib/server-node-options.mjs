// Node.js flags for the Remit server process, wherever it is started: `npm start`
// (scripts/start.mjs), the Dockerfile's CMD, and the servers of `npm test` and
// `npm run bench` (scripts/lib/app-server.mjs), so what is tested and measured is what
// runs.
//
// Measured with `npm run bench` (sustained writes, 10 connections), same machine:
//   no flags:                                   220 req/s, p99 100 ms, RSS 789 MiB
//   --max-old-space-size=256:                    71 req/s, p99 1006 ms, RSS 400 MiB
//   --max-old-space-size=256 --max-semi-space-size=32: 207 req/s, p99 183 ms, RSS 441 MiB
// Without a bound V8 lets the old generation grow towards a limit sized from the
// machine's memory before it collects hard (the live heap is about 120 MiB after a full
// GC: the rest is garbage). Bounded alone, the many short-lived objects of concurrent
// requests outlive the small default young generation, get promoted, and the old one
// is collected over and over. A 32 MiB semi-space lets them die young, cheaply.
// REMIT_HEAP_MB (default 256) sets the old-space bound: raise it for very large teams.

/** The server's Node flags. */
export function serverNodeFlags(env = process.env) {
  const mb = Number.parseInt(env.REMIT_HEAP_MB ?? "", 10);
  return [`--max-old-space-size=${Number.isInteger(mb) && mb >= 128 ? mb : 256}`, "--max-semi-space-size=32"];
}

/** NODE_OPTIONS for the server: ours first, then whatever the environment already has. */
export function serverNodeOptions(existing = "", env = process.env) {
  return [...serverNodeFlags(env), existing].filter(Boolean).join(" ").trim();
}
