import { describe, expect, it } from "vitest";
import { MAX_PAYLOAD_BYTES, decodeWire, encodeWire, reconnectDelay } from "@/lib/server/realtime/pg-wire";
import type { PresenceUser } from "@/lib/matrix/live";

describe("pg wire format", () => {
  it("round-trips a change with its ids and deduplicated entities", () => {
    const payload = encodeWire("matrix:abc", {
      type: "change",
      changeId: 42,
      actorId: "u1",
      entities: ["cell", "cell", "row"],
    });
    expect(payload).not.toBeNull();
    expect(decodeWire(payload!)).toEqual({
      c: "matrix:abc",
      m: { type: "change", changeId: 42, actorId: "u1", entities: ["cell", "row"] },
    });
  });

  it("sends presence as 'it changed', never the list of users", () => {
    const users: PresenceUser[] = Array.from({ length: 200 }, (_, i) => ({
      userId: `user-${i}`,
      name: "A very long display name ".repeat(4),
      initials: "AV",
      color: "#123456",
      selection: { rowId: `row-${i}`, personId: `person-${i}` },
    }));
    const payload = encodeWire("matrix:abc", { type: "presence", users })!;
    expect(payload).not.toContain("user-1");
    expect(Buffer.byteLength(payload)).toBeLessThan(100);
    expect(decodeWire(payload)).toEqual({ c: "matrix:abc", m: { type: "presence" } });
  });

  it("round-trips a workshop message (ids and version only)", () => {
    const payload = encodeWire("workshop:w1", { type: "workshop", workshopId: "w1", version: 7 });
    expect(decodeWire(payload!)).toEqual({ c: "workshop:w1", m: { type: "workshop", workshopId: "w1", version: 7 } });
    expect(decodeWire(JSON.stringify({ c: "workshop:w1", m: { type: "workshop", workshopId: "w1" } }))).toBeNull();
  });

  it("stays under the NOTIFY limit: trims what it can, refuses the rest", () => {
    const huge = "x".repeat(MAX_PAYLOAD_BYTES);
    const trimmed = encodeWire("matrix:abc", { type: "change", changeId: 7, actorId: huge, entities: ["cell"] });
    expect(decodeWire(trimmed!)).toEqual({
      c: "matrix:abc",
      m: { type: "change", changeId: 7, actorId: null, entities: ["matrix"] },
    });
    expect(encodeWire(`matrix:${huge}`, { type: "change", changeId: 7, actorId: null, entities: [] })).toBeNull();
    expect(encodeWire(`matrix:${huge}`, { type: "presence", users: [] })).toBeNull();
  });

  it("counts bytes, not characters", () => {
    const name = "é".repeat(MAX_PAYLOAD_BYTES / 2);
    const payload = encodeWire("matrix:abc", { type: "change", changeId: 1, actorId: name, entities: ["cell"] });
    expect(Buffer.byteLength(payload!)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    expect(decodeWire(payload!)?.m).toMatchObject({ actorId: null, entities: ["matrix"] });
  });

  it("ignores malformed or foreign payloads", () => {
    for (const bad of [
      undefined,
      "",
      "not json",
      "null",
      "[]",
      '{"c":"matrix:a"}',
      '{"c":"","m":{"type":"presence"}}',
      '{"c":"matrix:a","m":{"type":"other"}}',
      '{"c":"matrix:a","m":{"type":"change","changeId":"1","actorId":null,"entities":[]}}',
      '{"c":"matrix:a","m":{"type":"change","changeId":1.5,"actorId":null,"entities":[]}}',
      '{"c":"matrix:a","m":{"type":"change","changeId":1,"actorId":3,"entities":[]}}',
      '{"c":"matrix:a","m":{"type":"change","changeId":1,"actorId":null,"entities":["everything"]}}',
    ]) {
      expect(decodeWire(bad), String(bad)).toBeNull();
    }
  });

  it("backs off from 250 ms to 10 s with jitter", () => {
    expect(reconnectDelay(0, () => 0.5)).toBe(250);
    expect(reconnectDelay(2, () => 0.5)).toBe(1_000);
    expect(reconnectDelay(20, () => 0.5)).toBe(10_000);
    expect(reconnectDelay(20, () => 1)).toBe(12_000);
    expect(reconnectDelay(0, () => 0)).toBe(200);
  });
});
