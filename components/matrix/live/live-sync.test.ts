import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { applyChangesToModel } from "@/lib/matrix/apply-changes";
import { cellKey, decodeMatrix, type MatrixModel } from "@/lib/matrix/dto";
import type { ChangesFeedDto } from "@/lib/matrix/live";
import { DEFAULT_SETTINGS } from "@/lib/raci/settings";
import { LiveSync, backoffDelay, type LiveSyncDeps } from "./live-sync";

function baseModel(lastChangeId = 10): MatrixModel {
  return decodeMatrix({
    id: "m",
    teamId: "t",
    teamSlug: "team",
    name: "M",
    description: "",
    version: 1,
    updatedAt: "2026-01-01T00:00:00.000Z",
    settings: DEFAULT_SETTINGS,
    lastChangeId,
    columns: [
      {
        id: "c1",
        personId: "p1",
        name: "TL",
        roleTitle: "",
        roleKinds: [],
        kindsManual: false,
        isVacant: false,
        codingShare: null,
        userId: null,
        version: 1,
        personVersion: 1,
      },
    ],
    rows: [{ id: "r1", title: "One", description: "", category: "", domain: null, version: 1 }],
    cells: [[0, 0, "R", 1]],
  });
}

/** A fake server: a change log of cell writes, and a cache. */
function harness(opts: { failTimes?: number; fatal?: boolean } = {}) {
  let model: MatrixModel | undefined = baseModel();
  let serverLast = 10;
  let version = 1;
  let letters = "R";
  let failures = opts.failTimes ?? 0;
  const calls = { fetch: [] as number[], reload: 0 };
  const deps: LiveSyncDeps = {
    fetchChanges: vi.fn(async (after: number): Promise<ChangesFeedDto> => {
      calls.fetch.push(after);
      if (opts.fatal) throw Object.assign(new Error("gone"), { status: 404 });
      if (failures > 0) {
        failures--;
        throw new Error("network");
      }
      if (serverLast <= after) return { changes: [], cells: [], lastChangeId: serverLast };
      return {
        changes: [
          {
            id: serverLast,
            entity: "cell",
            entityId: "r1|p1",
            action: "update",
            after: letters,
            actorId: "u2",
            actorName: "Bob",
            createdAt: "",
          },
        ],
        cells: [{ rowId: "r1", personId: "p1", letters, version }],
        lastChangeId: serverLast,
      };
    }),
    getModel: () => model,
    setModel: (m) => {
      model = m;
    },
    reload: vi.fn(async () => {
      calls.reload++;
      model = { ...baseModel(serverLast), cells: new Map([[cellKey("r1", "p1"), { letters, version }]]) };
    }),
    applyChanges: applyChangesToModel,
    isFatal: (e) => (e as { status?: number }).status === 404,
    retryDelay: () => 1_000,
  };
  const write = (next: string) => {
    serverLast++;
    version++;
    letters = next;
    return serverLast;
  };
  return { deps, calls, write, model: () => model, sync: new LiveSync(deps) };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("LiveSync", () => {
  it("coalesces a burst of 50 announcements into a couple of requests and lands on the last state", async () => {
    const h = harness();
    for (let i = 0; i < 50; i++) {
      const id = h.write(["R", "A", "C", "I"][i % 4]!);
      h.sync.change({ changeId: id, entities: ["cell"] });
      if (i === 25) await vi.advanceTimersByTimeAsync(30); // a request starts mid-burst
    }
    await vi.advanceTimersByTimeAsync(100);
    expect(h.calls.fetch.length).toBeLessThanOrEqual(3);
    expect(h.model()?.cells.get(cellKey("r1", "p1"))).toEqual({ letters: "A", version: 51 });
    expect(h.sync.cursor()).toBe(60);
    expect(h.sync.isBusy()).toBe(false);
  });

  it("ignores an announcement of a change the cache already holds", async () => {
    const h = harness();
    h.sync.change({ changeId: 10, entities: ["cell"] });
    h.sync.hello(9);
    await vi.advanceTimersByTimeAsync(100);
    expect(h.calls.fetch).toEqual([]);
  });

  it("catches up on (re)connection when the server is ahead", async () => {
    const h = harness();
    h.write("A");
    h.write("AC");
    h.sync.hello(12);
    await vi.advanceTimersByTimeAsync(100);
    expect(h.calls.fetch).toEqual([10]);
    expect(h.model()?.cells.get(cellKey("r1", "p1"))?.letters).toBe("AC");
  });

  it("reloads the matrix for a person edit, after our own writes have settled", async () => {
    const h = harness();
    let release: () => void = () => {};
    h.deps.waitForIdleWrites = () => new Promise<void>((r) => (release = r));
    h.sync.change({ changeId: 10, entities: ["person"] });
    await vi.advanceTimersByTimeAsync(100);
    expect(h.calls.reload).toBe(0);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.calls.reload).toBe(1);
    expect(h.calls.fetch).toEqual([]);
  });

  it("reloads when the feed holds a structural change", async () => {
    const h = harness();
    h.deps.fetchChanges = async () => ({
      changes: [
        {
          id: 11,
          entity: "row",
          entityId: "r2",
          action: "create",
          after: null,
          actorId: "u2",
          actorName: "Bob",
          createdAt: "",
        },
      ],
      cells: [],
      lastChangeId: 11,
    });
    h.sync.change({ changeId: 11, entities: ["row"] });
    await vi.advanceTimersByTimeAsync(100);
    expect(h.calls.reload).toBe(1);
  });

  it("retries a failed catch-up with backoff", async () => {
    const h = harness({ failTimes: 2 });
    h.write("A");
    h.sync.change({ changeId: 11, entities: ["cell"] });
    await vi.advanceTimersByTimeAsync(100);
    expect(h.calls.fetch).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.calls.fetch).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.calls.fetch).toHaveLength(3);
    expect(h.model()?.cells.get(cellKey("r1", "p1"))?.letters).toBe("A");
  });

  it("stops on a failure that retrying cannot fix", async () => {
    const h = harness({ fatal: true });
    h.write("A");
    h.sync.change({ changeId: 11, entities: ["cell"] });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.calls.fetch).toHaveLength(1);
    expect(h.sync.isBusy()).toBe(false);
  });

  it("does nothing more once stopped", async () => {
    const h = harness();
    h.write("A");
    h.sync.change({ changeId: 11, entities: ["cell"] });
    h.sync.stop();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.calls.fetch).toEqual([]);
  });
});

describe("backoffDelay", () => {
  it("doubles from 1 s up to 30 s, with jitter within ±20 %", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((a) => backoffDelay(a, () => 0.5))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
    expect(backoffDelay(0, () => 0)).toBe(800);
    expect(backoffDelay(0, () => 1)).toBe(1200);
  });
});
