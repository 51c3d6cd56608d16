import { describe, expect, it } from "vitest";
import { isShuttingDown, onShutdown, shutdown } from "./shutdown";

describe("shutdown", () => {
  it("runs the 'now' hooks, then the 'last' ones in order, and goes on past a failing one", async () => {
    const ran: string[] = [];
    onShutdown("pubsub", { phase: "last", order: 30, run: async () => void ran.push("pubsub") });
    onShutdown("presence", {
      phase: "last",
      order: 20,
      run: async () => {
        ran.push("presence");
        throw new Error("database gone");
      },
    });
    onShutdown("streams", { phase: "now", order: 10, run: () => void ran.push("streams") });
    expect(isShuttingDown()).toBe(false);
    expect(await shutdown(1_000)).toBe(false);
    expect(ran).toEqual(["streams", "presence", "pubsub"]);
    expect(isShuttingDown()).toBe(true);
  });

  it("gives up on a hook that hangs", async () => {
    onShutdown("streams", { phase: "now", order: 10, run: () => new Promise(() => {}) });
    onShutdown("presence", { phase: "last", order: 20, run: () => {} });
    onShutdown("pubsub", { phase: "last", order: 30, run: () => {} });
    expect(await shutdown(50)).toBe(false);
  });
});
