import { describe, expect, it } from "vitest";
import { serverNodeOptions } from "./server-node-options.mjs";

describe("serverNodeOptions", () => {
  it("bounds the old space, 256 MiB unless REMIT_HEAP_MB says otherwise", () => {
    expect(serverNodeOptions("", {})).toBe("--max-old-space-size=256");
    expect(serverNodeOptions("", { REMIT_HEAP_MB: "768" })).toBe("--max-old-space-size=768");
    expect(serverNodeOptions("", { REMIT_HEAP_MB: "12" })).toBe("--max-old-space-size=256");
    expect(serverNodeOptions("", { REMIT_HEAP_MB: "lots" })).toBe("--max-old-space-size=256");
  });
  it("keeps what NODE_OPTIONS already had, after its own flags", () => {
    expect(serverNodeOptions("--require ./probe.cjs", {})).toBe("--max-old-space-size=256 --require ./probe.cjs");
  });
});
