import { describe, expect, it } from "vitest";
import { foldPresenceRows } from "@/lib/server/realtime/pg-presence-store";

const t = (s: number) => new Date(1_000_000 + s * 1_000);

function row(userId: string, instanceId: string, joined: number, seen: number, sel?: [string, string]) {
  return {
    userId,
    instanceId,
    name: `Name ${userId}`,
    selectionRowId: sel?.[0] ?? null,
    selectionPersonId: sel?.[1] ?? null,
    joinedAt: t(joined),
    seenAt: t(seen),
  };
}

describe("foldPresenceRows", () => {
  it("lists a user once across instances, with the selection of their latest heartbeat, in order of arrival", () => {
    const users = foldPresenceRows(
      [row("b", "i1", 5, 10), row("a", "i1", 3, 8, ["r1", "p1"]), row("a", "i2", 1, 12, ["r2", "p2"])],
      t(0).getTime(),
    );
    expect(users.map((u) => u.userId)).toEqual(["a", "b"]);
    expect(users[0]).toMatchObject({ name: "Name a", initials: "NA", selection: { rowId: "r2", personId: "p2" } });
    expect(users[1]!.selection).toBeNull();
    expect(users[0]!.color).toMatch(/\S/);
  });

  it("leaves out rows older than the cutoff", () => {
    const users = foldPresenceRows([row("a", "i1", 0, 1), row("b", "i1", 0, 20)], t(10).getTime());
    expect(users.map((u) => u.userId)).toEqual(["b"]);
  });
});
