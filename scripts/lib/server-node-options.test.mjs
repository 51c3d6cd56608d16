import { describe, expect, it } from "vitest";
import { serverNodeOptions } from "./server-node-options.mjs";

describe("serverNodeOptions", () => {
  it("bounds the old space only when REMIT_HEAP_MB asks for a sane size", () => {
    expect(serverNodeOptions("", {})).toBe("");
    expect(serverNodeOptions("", { REMIT_HEAP_MB: "768" })).toBe("--max-old-space-size=768");
    expect(serverNodeOptions("", { REMIT_HEAP_MB: "12" })).toBe("");
    expect(serverNodeOptions("", { REMIT_HEAP_MB: "lots" })).toBe("");
  });
  it("keeps what NODE_OPTIONS already had, after its own flags", () => {
    expect(serverNodeOptions("--require ./probe.cjs", {})).toBe("--require ./probe.cjs");
    expect(serverNodeOptions("--require ./probe.cjs", { REMIT_HEAP_MB: "512" })).toBe(
      "--max-old-space-size=512 --require ./probe.cjs",
    );
  });
});
