import { afterEach, describe, expect, it, vi } from "vitest";
import { closeAllStreams, openMatrixStream, openStreamCount, type AccessCheck } from "./matrix-stream";
import { InProcessPubSub, matrixChannel } from "./pubsub";
import { PresenceService } from "./presence";
import { InMemoryPresenceStore } from "./presence-store";

interface Parsed {
  event: string;
  data: unknown;
}

/** Reads SSE events from a response body as they arrive. */
function reader(res: Response) {
  const body = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let done = false;
  const events: Parsed[] = [];
  const comments: string[] = [];
  const pump = (async () => {
    for (;;) {
      const chunk = await body.read().catch(() => ({ done: true as const, value: undefined }));
      if (chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
      let at: number;
      while ((at = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        if (block.startsWith(":")) comments.push(block);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) events.push({ event, data: JSON.parse(data) as unknown });
      }
    }
    done = true;
  })();
  return {
    events,
    comments,
    isDone: () => done,
    pump,
    cancel: () => body.cancel(),
    async waitFor(pred: () => boolean, what: string) {
      await vi.waitFor(() => expect(pred(), what).toBe(true), { timeout: 2000, interval: 5 });
    },
  };
}

function setup(opts: { access?: () => Promise<AccessCheck>; heartbeatMs?: number; maxQueued?: number } = {}) {
  const pubsub = new InProcessPubSub();
  const store = new InMemoryPresenceStore();
  const presence = new PresenceService(store, () => pubsub, { coalesceMs: 1 });
  const open = (matrixId = "m1", user = { id: "u1", name: "Ada Lovelace" }) => {
    const abort = new AbortController();
    const res = openMatrixStream({
      matrixId,
      user,
      signal: abort.signal,
      lastChangeId: async () => 41,
      checkAccess: opts.access ?? (async () => "ok"),
      pubsub,
      presence,
      heartbeatMs: opts.heartbeatMs ?? 60_000,
      ...(opts.maxQueued !== undefined ? { maxQueued: opts.maxQueued } : {}),
    });
    return { res, abort, stream: reader(res) };
  };
  return { pubsub, store, presence, open };
}

afterEach(() => {
  closeAllStreams();
});

describe("openMatrixStream", () => {
  it("answers with SSE headers, a retry, then hello with the newest change id and who is here", async () => {
    const { open } = setup();
    const { res, stream } = open();
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(res.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(res.headers.get("x-accel-buffering")).toBe("no");
    await stream.waitFor(() => stream.events.length > 0, "hello");
    expect(stream.events[0]).toMatchObject({
      event: "hello",
      data: { lastChangeId: 41, presence: [{ userId: "u1", name: "Ada Lovelace", initials: "AL", selection: null }] },
    });
  });

  it("forwards the matrix's messages, and only its own", async () => {
    const { open, pubsub } = setup();
    const { stream } = open("m1");
    await stream.waitFor(() => stream.events.some((e) => e.event === "hello"), "hello");
    await pubsub.publish(matrixChannel("m2"), { type: "change", changeId: 1, actorId: "x", entities: ["cell"] });
    await pubsub.publish(matrixChannel("m1"), { type: "change", changeId: 42, actorId: "u2", entities: ["cell"] });
    await stream.waitFor(() => stream.events.some((e) => e.event === "change"), "change");
    expect(
      stream.events.filter((e) => e.event === "change").map((e) => (e.data as { changeId: number }).changeId),
    ).toEqual([42]);
  });

  it("releases everything when the browser goes (request aborted)", async () => {
    const { open, pubsub, store } = setup();
    const a = open("m1", { id: "u1", name: "Ada" });
    const b = open("m1", { id: "u2", name: "Bob" });
    await a.stream.waitFor(() => a.stream.events.length > 0, "hello a");
    await b.stream.waitFor(() => b.stream.events.length > 0, "hello b");
    expect(openStreamCount("m1")).toBe(2);
    expect(pubsub.listenerCount(matrixChannel("m1"))).toBe(2);

    b.abort.abort();
    expect(openStreamCount("m1")).toBe(1);
    expect(pubsub.listenerCount(matrixChannel("m1"))).toBe(1);
    await b.stream.waitFor(() => b.stream.isDone(), "b ended");
    await vi.waitFor(async () => expect((await store.list("m1")).map((u) => u.userId)).toEqual(["u1"]));
    // The others hear that Bob left.
    await a.stream.waitFor(
      () => a.stream.events.some((e) => e.event === "presence" && (e.data as { users: unknown[] }).users.length === 1),
      "presence without Bob",
    );
  });

  it("releases everything when the reader cancels the body", async () => {
    const { open, pubsub } = setup();
    const a = open("m9");
    await a.stream.waitFor(() => a.stream.events.length > 0, "hello");
    await a.stream.cancel();
    expect(openStreamCount("m9")).toBe(0);
    expect(pubsub.listenerCount()).toBe(0);
  });

  it("does not leak when the request is aborted before the stream starts", async () => {
    const { open, pubsub, store } = setup();
    const a = open("m3");
    a.abort.abort();
    await a.stream.waitFor(() => a.stream.isDone(), "ended");
    expect(openStreamCount("m3")).toBe(0);
    expect(pubsub.listenerCount()).toBe(0);
    await vi.waitFor(async () => expect(await store.list("m3")).toEqual([]));
  });

  it("leaves nothing behind when opening fails (the newest change id cannot be read)", async () => {
    const pubsub = new InProcessPubSub();
    const store = new InMemoryPresenceStore();
    const presence = new PresenceService(store, () => pubsub, { coalesceMs: 1 });
    const error = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const res = openMatrixStream({
      matrixId: "m8",
      user: { id: "u1", name: "Ada" },
      signal: new AbortController().signal,
      lastChangeId: async () => {
        throw new Error("database down");
      },
      checkAccess: async () => "ok",
      pubsub,
      presence,
    });
    const stream = reader(res);
    await stream.waitFor(() => stream.isDone(), "ended");
    expect(openStreamCount("m8")).toBe(0);
    expect(pubsub.listenerCount()).toBe(0);
    await vi.waitFor(async () => expect(await store.list("m8")).toEqual([]));
    // A later tab of the same user joins and leaves cleanly (no stray stream count).
    await store.join("m8", { id: "u1", name: "Ada" });
    await store.leave("m8", "u1");
    expect(await store.list("m8")).toEqual([]);
    error.mockRestore();
  });

  it("sends heartbeats and ends the stream with a bye when access is lost", async () => {
    let access: AccessCheck = "ok";
    const { open, pubsub } = setup({ access: async () => access, heartbeatMs: 10 });
    const a = open("m4");
    await a.stream.waitFor(() => a.stream.comments.length >= 1, "a heartbeat");
    expect(a.stream.comments[0]).toBe(": ping");
    access = "forbidden";
    await a.stream.waitFor(() => a.stream.isDone(), "ended");
    expect(a.stream.events.at(-1)).toEqual({ event: "bye", data: { reason: "forbidden" } });
    expect(openStreamCount("m4")).toBe(0);
    expect(pubsub.listenerCount()).toBe(0);
  });

  it("closes every stream on shutdown, each with a bye", async () => {
    const { open } = setup();
    const a = open("m5");
    const b = open("m6");
    await a.stream.waitFor(() => a.stream.events.length > 0, "hello a");
    await b.stream.waitFor(() => b.stream.events.length > 0, "hello b");
    expect(closeAllStreams()).toBeGreaterThanOrEqual(2);
    expect(openStreamCount()).toBe(0);
    await a.stream.waitFor(() => a.stream.isDone(), "a ended");
    expect(a.stream.events.at(-1)).toEqual({ event: "bye", data: { reason: "shutdown" } });
  });

  it("gives up on a client that stops reading instead of buffering without end", async () => {
    const { pubsub, presence } = setup();
    const abort = new AbortController();
    // Nobody reads this body.
    openMatrixStream({
      matrixId: "m7",
      user: { id: "u1", name: "Ada" },
      signal: abort.signal,
      lastChangeId: async () => 0,
      checkAccess: async () => "ok",
      pubsub,
      presence,
      maxQueued: 5,
    });
    await vi.waitFor(() => expect(pubsub.listenerCount(matrixChannel("m7"))).toBe(1));
    for (let i = 1; i <= 20; i++)
      await pubsub.publish(matrixChannel("m7"), { type: "change", changeId: i, actorId: null, entities: ["cell"] });
    await vi.waitFor(() => expect(openStreamCount("m7")).toBe(0));
    expect(pubsub.listenerCount()).toBe(0);
  });
});

describe("PresenceService", () => {
  it("coalesces a burst of changes into one message per matrix", async () => {
    const pubsub = new InProcessPubSub();
    const presence = new PresenceService(new InMemoryPresenceStore(), () => pubsub, { coalesceMs: 20 });
    const heard: unknown[] = [];
    pubsub.subscribe(matrixChannel("m"), (m) => heard.push(m));
    await presence.join("m", { id: "u1", name: "Ada" });
    for (let i = 0; i < 10; i++)
      await presence.touch("m", { id: "u1", name: "Ada" }, { rowId: `r${i}`, personId: "p" });
    await vi.waitFor(() => expect(heard).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 40));
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({
      type: "presence",
      users: [{ userId: "u1", selection: { rowId: "r9", personId: "p" } }],
    });
    presence.stop();
  });
});
