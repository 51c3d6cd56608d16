/**
 * Live latency: from sending PUT /cells on one connection to the `change` event arriving
 * on another, already open, event stream of the same matrix. One write at a time, so
 * every event belongs to the write just sent.
 *
 *   E2E_BASE_URL=http://127.0.0.1:4344 E2E_DATABASE_URL=file:/tmp/live-e2e/e2e.db \
 *     npx tsx bench/live-latency.ts [samples=100] [streams=1]
 *
 * `streams` > 1 opens that many streams in all (a workshop's laptops); latency is
 * measured on the first.
 *
 * Users and the team are made straight in the database (the e2e factories), so point
 * E2E_DATABASE_URL at the database of the server under test.
 */
import { performance } from "node:perf_hooks";
import { addMember, makeTeam, makeUser, type TestUser } from "../e2e/fixtures/factories";

const base = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000";
const samples = Number(process.argv[2] ?? 100);
const streams = Math.max(1, Number(process.argv[3] ?? 1));

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0] ?? "");
}

/** Signs in through Auth.js's credentials callback, as the sign-in form does. */
async function signIn(user: TestUser): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfRes);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email: user.email, password: user.password, callbackUrl: `${base}/teams` }),
  });
  const session = cookiesOf(res).find((c) => c.includes("session-token="));
  if (!session) throw new Error(`sign-in failed (${res.status})`);
  return [...jar, session].join("; ");
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

async function main() {
  const writer = await makeUser({ name: "Bench Writer" });
  const watcher = await makeUser({ name: "Bench Watcher" });
  const team = await makeTeam(writer);
  await addMember(team, watcher, "viewer");
  const [writerCookie, watcherCookie] = await Promise.all([signIn(writer), signIn(watcher)]);

  const created = await fetch(`${base}/api/v1/teams/${team.id}/matrices`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: writerCookie },
    body: JSON.stringify({ name: "Latency", template: "tl-vs-em" }),
  });
  const { matrix } = (await created.json()) as { matrix: { id: string } };
  const dto = (await (
    await fetch(`${base}/api/v1/matrices/${matrix.id}`, { headers: { Cookie: writerCookie } })
  ).json()) as {
    rows: { id: string }[];
    columns: { personId: string }[];
    cells: [number, number, string, number][];
  };
  const responsibilityId = dto.rows[0]!.id;
  const personId = dto.columns[0]!.personId;
  let version = dto.cells.find(([r, c]) => r === 0 && c === 0)?.[3] ?? 0;

  // The watcher's stream, parsed by hand: resolve the waiter on each `change`.
  const abort = new AbortController();
  const stream = await fetch(`${base}/api/v1/matrices/${matrix.id}/events`, {
    headers: { Cookie: watcherCookie },
    signal: abort.signal,
  });
  if (!stream.ok || !stream.body) throw new Error(`events: ${stream.status}`);
  const waiter: { onChange: ((at: number) => void) | null } = { onChange: null };
  let hello: () => void = () => {};
  const helloSeen = new Promise<void>((r) => (hello = r));
  void (async () => {
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (done) return;
      const at = performance.now();
      buffer += decoder.decode(value, { stream: true });
      let i: number;
      while ((i = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (block.startsWith("event: hello")) hello();
        if (block.startsWith("event: change")) waiter.onChange?.(at);
      }
    }
  })();
  await helloSeen;

  // The rest of the room: streams that are read (and thrown away), like idle laptops.
  const others = await Promise.all(
    Array.from({ length: streams - 1 }, async () => {
      const res = await fetch(`${base}/api/v1/matrices/${matrix.id}/events`, {
        headers: { Cookie: watcherCookie },
        signal: abort.signal,
      });
      void res.body?.pipeTo(new WritableStream()).catch(() => {});
      return res.status;
    }),
  );
  if (others.some((s) => s !== 200)) throw new Error(`events: ${others.join(",")}`);

  const toEvent: number[] = [];
  const toResponse: number[] = [];
  for (let n = 0; n < samples + 5; n++) {
    const arrived = new Promise<number>((resolve) => (waiter.onChange = resolve));
    const t0 = performance.now();
    const res = await fetch(`${base}/api/v1/matrices/${matrix.id}/cells`, {
      method: "PUT",
      headers: { "Content-Type": "application/json", Cookie: writerCookie },
      body: JSON.stringify({ responsibilityId, personId, letters: n % 2 ? "R" : "A", version }),
    });
    const tResponse = performance.now();
    const body = (await res.json()) as { cells: { version: number }[] };
    version = body.cells[0]!.version;
    const tEvent = await arrived;
    waiter.onChange = null;
    if (n >= 5) {
      // The first few warm up the route handlers and the JIT.
      toEvent.push(tEvent - t0);
      toResponse.push(tResponse - t0);
    }
  }
  abort.abort();

  const fmt = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return `p50 ${percentile(s, 50).toFixed(1)} ms, p95 ${percentile(s, 95).toFixed(1)} ms, max ${percentile(s, 100).toFixed(1)} ms`;
  };
  console.log(`${samples} samples against ${base}, ${streams} open stream(s) on the matrix`);
  console.log(`PUT sent → change event on the other stream: ${fmt(toEvent)}`);
  console.log(`PUT sent → PUT answered (for reference):      ${fmt(toResponse)}`);
  process.exit(0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
