/**
 * PgPubSub against a real PostgreSQL (TEST_PG_URL, the pg project of vitest): two
 * instances on one database hear each other, and one whose listening connection is
 * killed reconnects and resyncs its listeners.
 */
import { afterEach, describe, expect, it } from "vitest";
import pg from "pg";
import { PgPubSub } from "@/lib/server/realtime/pg-pubsub";
import type { MatrixMessage } from "@/lib/matrix/live";

const url = process.env.TEST_PG_URL!;
const open: PgPubSub[] = [];

function make(channel: string, extra: Partial<ConstructorParameters<typeof PgPubSub>[0]> = {}): PgPubSub {
  const bus = new PgPubSub({ connectionString: url, notifyChannel: channel, retryDelay: () => 100, ...extra });
  open.push(bus);
  return bus;
}

function collect(bus: PgPubSub, channel: string): MatrixMessage[] {
  const got: MatrixMessage[] = [];
  bus.subscribe(channel, (m) => got.push(m));
  return got;
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

function uniqueChannel(): string {
  return `remit_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((b) => b.close()));
});

describe("PgPubSub", () => {
  it("delivers across instances, by matrix channel, ids only", async () => {
    const ch = uniqueChannel();
    const a = make(ch);
    const b = make(ch);
    const atA = collect(a, "matrix:m1");
    const atB = collect(b, "matrix:m1");
    const otherAtB = collect(b, "matrix:m2");
    await Promise.all([a.ready(), b.ready()]);

    await a.publish("matrix:m1", { type: "change", changeId: 5, actorId: "u1", entities: ["cell"] });
    await b.publish("matrix:m1", { type: "presence", users: [] });
    await until(() => atA.length === 2 && atB.length === 2);
    expect(atB).toEqual([
      { type: "change", changeId: 5, actorId: "u1", entities: ["cell"] },
      { type: "presence", users: [] },
    ]);
    expect(atA).toEqual(atB);
    expect(otherAtB).toEqual([]);
  });

  it("reconnects after its connection is terminated, resyncs its listeners, and delivers again", async () => {
    const ch = uniqueChannel();
    const resyncs: string[] = [];
    const a = make(ch);
    const b = make(ch, {
      resync: async (channel) => {
        resyncs.push(channel);
        return [{ type: "change", changeId: 99, actorId: null, entities: ["matrix"] }];
      },
    });
    const atB = collect(b, "matrix:m1");
    await Promise.all([a.ready(), b.ready()]);
    await until(() => atB.length === 1); // the resync after the first LISTEN
    expect(b.connections).toBe(1);
    const oldPid = b.backendPid;

    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ ok: boolean }>("SELECT pg_terminate_backend($1) AS ok", [oldPid]);
      expect(rows[0]?.ok).toBe(true);
    } finally {
      await admin.end();
    }

    await until(() => b.connections === 2 && b.isConnected());
    expect(b.backendPid).not.toBe(oldPid);
    await until(() => atB.length === 2);
    expect(atB[1]).toEqual({ type: "change", changeId: 99, actorId: null, entities: ["matrix"] });
    expect(resyncs).toEqual(["matrix:m1", "matrix:m1"]);

    await a.publish("matrix:m1", { type: "change", changeId: 100, actorId: "u2", entities: ["row"] });
    await until(() => atB.length === 3);
    expect(atB[2]).toEqual({ type: "change", changeId: 100, actorId: "u2", entities: ["row"] });
  });

  it("close() ends the connection and stops delivery", async () => {
    const ch = uniqueChannel();
    const a = make(ch);
    const b = make(ch);
    const atB = collect(b, "matrix:m1");
    await Promise.all([a.ready(), b.ready()]);
    await b.close();
    expect(b.isConnected()).toBe(false);
    await a.publish("matrix:m1", { type: "change", changeId: 1, actorId: null, entities: ["cell"] });
    await new Promise((r) => setTimeout(r, 200));
    expect(atB).toEqual([]);
    await expect(b.publish("matrix:m1", { type: "presence", users: [] })).resolves.toBeUndefined();
  });
});
