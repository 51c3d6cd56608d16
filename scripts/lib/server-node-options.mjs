// Node.js flags for the Remit server process, wherever it is started: `npm start`
// (scripts/start.mjs), the Dockerfile's CMD, and the servers of `npm test` and
// `npm run bench` (scripts/lib/app-server.mjs), so what is tested and measured is what
// runs.
//
// REMIT_HEAP_MB bounds V8's old space (--max-old-space-size). It is off by default,
// because `npm run bench` (sustained writes, 10 connections, same machine) measured:
//   no bound:                                       213–220 req/s, p99 100–110 ms, RSS ~785 MiB
//   REMIT_HEAP_MB=384:                              112 req/s, p99 641 ms, RSS 421 MiB
//   REMIT_HEAP_MB=256:                              71–74 req/s, p99 0.75–1 s, RSS ~400 MiB
// The live heap is about 120 MiB after a full GC; the rest under load is garbage that V8
// collects lazily when it may grow. Bounded, it collects the old generation over and over
// and requests wait. Set it where memory is tight and the write load is light; in a
// container Node.js already sizes its heap from the container's memory limit.

/** The server's Node flags. */
export function serverNodeFlags(env = process.env) {
  const mb = Number.parseInt(env.REMIT_HEAP_MB ?? "", 10);
  return Number.isInteger(mb) && mb >= 128 ? [`--max-old-space-size=${mb}`] : [];
}

/** NODE_OPTIONS for the server: ours first, then whatever the environment already has. */
export function serverNodeOptions(existing = "", env = process.env) {
  return [...serverNodeFlags(env), existing].filter(Boolean).join(" ").trim();
}
