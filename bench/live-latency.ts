/**
 * Live latency on its own, against a server that is already running: from sending
 * PUT /cells on one connection to the `change` event arriving on another, already open,
 * event stream of the same matrix. `npm run bench` measures the same thing (as the
 * fallback for "a live edit seen in a second browser") with bench/lib/sse-latency.mjs.
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
import { addMember, makeTeam, makeUser } from "../e2e/fixtures/factories";
import { api, signIn } from "./lib/http.mjs";
import { measureSseLatency } from "./lib/sse-latency.mjs";

const base = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000";
const samples = Number(process.argv[2] ?? 100);
const streams = Math.max(1, Number(process.argv[3] ?? 1));

async function main() {
  const writer = await makeUser({ name: "Bench Writer" });
  const watcher = await makeUser({ name: "Bench Watcher" });
  const team = await makeTeam(writer);
  await addMember(team, watcher, "viewer");
  const [writerCookie, watcherCookie] = await Promise.all([signIn(base, writer), signIn(base, watcher)]);

  const created = await api(base, `/api/v1/teams/${team.id}/matrices`, writerCookie.header, {
    method: "POST",
    body: JSON.stringify({ name: "Latency", template: "tl-vs-em" }),
  });
  if (created.status !== 201) throw new Error(`create matrix: ${created.status} ${created.text}`);
  const matrixId = (created.body as { matrix: { id: string } }).matrix.id;

  const r = await measureSseLatency({
    base,
    matrixId,
    writerCookie: writerCookie.header,
    watcherCookie: watcherCookie.header,
    samples,
    streams,
  });
  const fmt = (s: { median: number; p95: number; max: number }) =>
    `p50 ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms`;
  console.log(`${samples} samples against ${base}, ${streams} open stream(s) on the matrix`);
  console.log(`PUT sent → change event on the other stream: ${fmt(r.toEvent)}`);
  console.log(`PUT sent → PUT answered (for reference):      ${fmt(r.toResponse)}`);
  process.exit(0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
