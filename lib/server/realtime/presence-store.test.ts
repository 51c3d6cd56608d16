import { describe, expect, it } from "vitest";
import { InMemoryPresenceStore } from "./presence-store";

const ada = { id: "u-ada", name: "Ada Lovelace" };
const bob = { id: "u-bob", name: "Bob" };

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("InMemoryPresenceStore", () => {
  it("lists people in the order they came, with initials and a stable colour", async () => {
    const c = clock();
    const store = new InMemoryPresenceStore(c.now, 45_000);
    expect(await store.join("m", ada)).toBe(true);
    c.advance(10);
    expect(await store.join("m", bob)).toBe(true);
    const users = await store.list("m");
    expect(users.map((u) => [u.userId, u.initials, u.selection])).toEqual([
      ["u-ada", "AL", null],
      ["u-bob", "BO", null],
    ]);
    expect(users[0]?.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(await store.list("other")).toEqual([]);
  });

  it("shows a user with two tabs once, and keeps them until their last tab leaves", async () => {
    const store = new InMemoryPresenceStore();
    await store.join("m", ada);
    expect(await store.join("m", ada)).toBe(false); // second tab: nothing new to say
    expect(await store.list("m")).toHaveLength(1);
    expect(await store.leave("m", ada.id)).toBe(false);
    expect(await store.list("m")).toHaveLength(1);
    expect(await store.leave("m", ada.id)).toBe(true);
    expect(await store.list("m")).toEqual([]);
    expect(store.size()).toBe(0);
  });

  it("keeps the selection last sent; a heartbeat without one keeps it", async () => {
    const store = new InMemoryPresenceStore();
    await store.join("m", ada);
    expect(await store.touch("m", ada, { rowId: "r1", personId: "p1" })).toBe(true);
    expect(await store.touch("m", ada, { rowId: "r1", personId: "p1" })).toBe(false);
    expect(await store.touch("m", ada)).toBe(false);
    expect((await store.list("m"))[0]?.selection).toEqual({ rowId: "r1", personId: "p1" });
    expect(await store.touch("m", ada, null)).toBe(true);
    expect((await store.list("m"))[0]?.selection).toBeNull();
  });

  it("expires an entry after the TTL without a heartbeat, and only then", async () => {
    const c = clock();
    const store = new InMemoryPresenceStore(c.now, 45_000);
    await store.join("m", ada);
    await store.touch("m2", bob, null);
    c.advance(30_000);
    await store.touch("m", ada, null); // heartbeat
    c.advance(30_000);
    expect(await store.sweep()).toEqual(["m2"]);
    expect((await store.list("m")).map((u) => u.userId)).toEqual(["u-ada"]);
    expect(await store.list("m2")).toEqual([]);
    c.advance(15_001);
    expect(await store.sweep()).toEqual(["m"]);
    expect(await store.list("m")).toEqual([]);
    expect(await store.sweep()).toEqual([]);
  });

  it("brings an expired user back on their next heartbeat, and their open streams still count", async () => {
    const c = clock();
    const store = new InMemoryPresenceStore(c.now, 45_000);
    await store.join("m", ada); // tab 1
    await store.join("m", ada); // tab 2
    c.advance(50_000);
    await store.sweep();
    expect(await store.list("m")).toEqual([]);
    expect(await store.touch("m", ada, null)).toBe(true);
    await store.leave("m", ada.id); // tab 1 closes: tab 2 is still open
    expect(await store.list("m")).toHaveLength(1);
    await store.leave("m", ada.id);
    expect(await store.list("m")).toEqual([]);
  });

  it("ignores a leave without a join", async () => {
    const store = new InMemoryPresenceStore();
    expect(await store.leave("m", "nobody")).toBe(false);
    expect(store.size()).toBe(0);
  });
});
