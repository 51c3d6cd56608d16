import { describe, expect, it, vi } from "vitest";
import { InProcessPubSub, matrixChannel } from "./pubsub";
import type { MatrixMessage } from "@/lib/matrix/live";

const change = (changeId: number): MatrixMessage => ({ type: "change", changeId, actorId: "u1", entities: ["cell"] });
const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe("InProcessPubSub", () => {
  it("delivers to the subscribers of the channel only, after publish returns", async () => {
    const bus = new InProcessPubSub();
    const a = vi.fn();
    const b = vi.fn();
    bus.subscribe(matrixChannel("m1"), a);
    bus.subscribe(matrixChannel("m2"), b);
    const published = bus.publish(matrixChannel("m1"), change(1));
    expect(a).not.toHaveBeenCalled(); // never inside publish
    await published;
    await flush();
    expect(a).toHaveBeenCalledWith(change(1));
    expect(b).not.toHaveBeenCalled();
  });

  it("hands out a frozen copy, not the publisher's object", async () => {
    const bus = new InProcessPubSub();
    const got: MatrixMessage[] = [];
    bus.subscribe("c", (m) => got.push(m));
    const message = change(7);
    await bus.publish("c", message);
    await flush();
    expect(got[0]).toEqual(message);
    expect(got[0]).not.toBe(message);
    expect(Object.isFrozen(got[0])).toBe(true);
  });

  it("unsubscribes idempotently and forgets an empty channel", async () => {
    const bus = new InProcessPubSub();
    const listener = vi.fn();
    const off = bus.subscribe("c", listener);
    expect(bus.listenerCount("c")).toBe(1);
    off();
    off();
    expect(bus.listenerCount("c")).toBe(0);
    expect(bus.listenerCount()).toBe(0);
    await bus.publish("c", change(1));
    await flush();
    expect(listener).not.toHaveBeenCalled();
  });

  it("counts the same function subscribed twice as two subscriptions", () => {
    const bus = new InProcessPubSub();
    const listener = vi.fn();
    const off1 = bus.subscribe("c", listener);
    bus.subscribe("c", listener);
    off1();
    expect(bus.listenerCount("c")).toBe(1);
  });

  it("serves many subscribers without warnings, and a throwing listener does not stop the others", async () => {
    const bus = new InProcessPubSub();
    const warn = vi.spyOn(process, "emitWarning");
    const error = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    let heard = 0;
    const offs = Array.from({ length: 200 }, (_, i) =>
      bus.subscribe("c", () => {
        if (i === 0) throw new Error("boom");
        heard++;
      }),
    );
    await bus.publish("c", change(1));
    await flush();
    expect(heard).toBe(199);
    expect(warn).not.toHaveBeenCalled();
    expect(error).toHaveBeenCalledTimes(1);
    offs.forEach((off) => off());
    expect(bus.listenerCount()).toBe(0);
    warn.mockRestore();
    error.mockRestore();
  });

  it("does not deliver to a listener removed before delivery", async () => {
    const bus = new InProcessPubSub();
    const listener = vi.fn();
    const off = bus.subscribe("c", listener);
    const published = bus.publish("c", change(1));
    off();
    await published;
    await flush();
    expect(listener).not.toHaveBeenCalled();
  });

  it("stops delivering after close", async () => {
    const bus = new InProcessPubSub();
    const listener = vi.fn();
    bus.subscribe("c", listener);
    await bus.close();
    await bus.publish("c", change(1));
    await flush();
    expect(listener).not.toHaveBeenCalled();
    expect(bus.listenerCount()).toBe(0);
  });
});
