import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PresenceReporter } from "./presence-reporter";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const sel = (rowId: string) => ({ rowId, personId: "p" });

describe("PresenceReporter", () => {
  it("sends the first selection at once, then at most one per throttle window, always the last", async () => {
    const send = vi.fn(async () => {});
    const r = new PresenceReporter({ send, throttleMs: 200, now: () => Date.now() });
    r.select(sel("r1"));
    expect(send).toHaveBeenCalledTimes(1);
    for (let i = 2; i <= 10; i++) r.select(sel(`r${i}`));
    expect(send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(send).toHaveBeenCalledTimes(2);
    expect(send).toHaveBeenLastCalledWith(sel("r10"));
    r.stop();
  });

  it("does not resend an unchanged selection", () => {
    const send = vi.fn(async () => {});
    const r = new PresenceReporter({ send, throttleMs: 0 });
    r.select(sel("r1"));
    r.select(sel("r1"));
    expect(send).toHaveBeenCalledTimes(1);
    r.select(null);
    expect(send).toHaveBeenLastCalledWith(null);
  });

  it("heartbeats with the current selection, and stops cleanly", async () => {
    const send = vi.fn(async () => {});
    const r = new PresenceReporter({ send, heartbeatMs: 20_000 });
    r.start();
    r.select(sel("r1"));
    await vi.advanceTimersByTimeAsync(40_000);
    expect(send).toHaveBeenCalledTimes(3);
    expect(send).toHaveBeenLastCalledWith(sel("r1"));
    r.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    r.select(sel("r2"));
    expect(send).toHaveBeenCalledTimes(3);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("swallows a failed send (the next heartbeat repairs it)", async () => {
    const send = vi.fn(async () => {
      throw new Error("offline");
    });
    const r = new PresenceReporter({ send });
    r.select(sel("r1"));
    await vi.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledTimes(1);
    r.stop();
  });
});
