// Live latency at the protocol level (absorbed from the first bench/live-latency.ts):
// from sending PUT /cells on one connection to the `change` event arriving on another,
// already open, event stream of the same matrix. One write at a time, so every event
// belongs to the write just sent. Used by bench/run.mjs as the fallback when live
// updates are not wired into the matrix page, and by bench/live-latency.ts on its own.
import { summarize } from "./stats.mjs";

/**
 * @param {object} o
 * @param {string} o.base
 * @param {string} o.matrixId
 * @param {string} o.writerCookie   may edit the matrix
 * @param {string} o.watcherCookie  may read it
 * @param {number} [o.samples]
 * @param {number} [o.streams]      streams open in all (a workshop's laptops); measured on the first
 */
export async function measureSseLatency({ base, matrixId, writerCookie, watcherCookie, samples = 30, streams = 1 }) {
  const dto = await (await fetch(`${base}/api/v1/matrices/${matrixId}`, { headers: { Cookie: writerCookie } })).json();
  const responsibilityId = dto.rows[0].id;
  const personId = dto.columns[0].personId;
  let version = dto.cells.find(([r, c]) => r === 0 && c === 0)?.[3] ?? 0;
  let letters = dto.cells.find(([r, c]) => r === 0 && c === 0)?.[2] ?? "";

  const abort = new AbortController();
  try {
    // The watcher's stream, parsed by hand: resolve the waiter on each `change`.
    const stream = await fetch(`${base}/api/v1/matrices/${matrixId}/events`, {
      headers: { Cookie: watcherCookie },
      signal: abort.signal,
    });
    if (!stream.ok || !stream.body) throw new Error(`events: ${stream.status}`);
    /** @type {{ onChange: ((at: number) => void) | null }} */
    const waiter = { onChange: null };
    let hello = () => {};
    const helloSeen = new Promise((r) => (hello = () => r(undefined)));
    void (async () => {
      const reader = stream.body.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      for (;;) {
        const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (done) return;
        const at = performance.now();
        buffer += decoder.decode(value, { stream: true });
        let i;
        while ((i = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          if (block.startsWith("event: hello")) hello();
          if (block.startsWith("event: change")) waiter.onChange?.(at);
        }
      }
    })();
    await Promise.race([
      helloSeen,
      new Promise((_, rej) => setTimeout(() => rej(new Error("no hello event in 10 s")), 10_000)),
    ]);

    // The rest of the room: streams that are read (and thrown away), like idle laptops.
    const others = await Promise.all(
      Array.from({ length: Math.max(0, streams - 1) }, async () => {
        const res = await fetch(`${base}/api/v1/matrices/${matrixId}/events`, {
          headers: { Cookie: watcherCookie },
          signal: abort.signal,
        });
        void res.body?.pipeTo(new WritableStream()).catch(() => {});
        return res.status;
      }),
    );
    if (others.some((s) => s !== 200)) throw new Error(`events: ${others.join(",")}`);

    const toEvent = [];
    const toResponse = [];
    for (let n = 0; n < samples + 5; n++) {
      const arrived = new Promise((resolve, reject) => {
        waiter.onChange = resolve;
        setTimeout(() => reject(new Error("no change event within 5 s")), 5000);
      });
      const next = letters === "R" ? "A" : "R";
      const t0 = performance.now();
      const res = await fetch(`${base}/api/v1/matrices/${matrixId}/cells`, {
        method: "PUT",
        headers: { "Content-Type": "application/json", Cookie: writerCookie },
        body: JSON.stringify({ responsibilityId, personId, letters: next, version }),
      });
      const tResponse = performance.now();
      const body = await res.json();
      if (!res.ok) throw new Error(`PUT cells: ${res.status} ${JSON.stringify(body)}`);
      version = body.cells[0].version;
      letters = next;
      const tEvent = await arrived;
      waiter.onChange = null;
      if (n >= 5) {
        // The first few warm up the route handlers and the JIT.
        toEvent.push(tEvent - t0);
        toResponse.push(tResponse - t0);
      }
    }
    return { toEvent: summarize(toEvent), toResponse: summarize(toResponse), streams };
  } finally {
    abort.abort();
  }
}
