// Node.js flags for the Remit server process, wherever it is started: `npm start`
// (scripts/start.mjs), the Dockerfile's CMD, and the servers of `npm test` and
// `npm run bench` (scripts/lib/app-server.mjs), so what is tested and measured is what
// runs.
//
// --max-old-space-size (REMIT_HEAP_MB, default 256): V8 otherwise lets the old generation
// grow towards a limit sized from the machine's memory before it collects hard, so a
// busy instance sat on 500–600 MiB of mostly garbage (its live heap is about 120 MiB
// after a full GC). 256 MiB keeps it near 300 MiB under load, at the cost of more
// frequent major GCs. Raise it for very large teams or exports.

/** The server's Node flags. */
export function serverNodeFlags(env = process.env) {
  const mb = Number.parseInt(env.REMIT_HEAP_MB ?? "", 10);
  return [`--max-old-space-size=${Number.isInteger(mb) && mb >= 128 ? mb : 256}`];
}

/** NODE_OPTIONS for the server: ours first, then whatever the environment already has. */
export function serverNodeOptions(existing = "", env = process.env) {
  return [...serverNodeFlags(env), existing].filter(Boolean).join(" ").trim();
}
