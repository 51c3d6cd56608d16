import { describe, expect, it } from "vitest";
import { SSE_HEADERS, sseComment, sseEvent, sseRetry } from "./sse";

describe("SSE wire format", () => {
  it("writes one event as event, one data line and a blank line", () => {
    expect(sseEvent("change", { changeId: 3, text: "a\nb" })).toBe(
      'event: change\ndata: {"changeId":3,"text":"a\\nb"}\n\n',
    );
  });

  it("refuses an event name that would break the framing", () => {
    expect(() => sseEvent("a\nb", {})).toThrow();
  });

  it("writes comments and retry on their own lines", () => {
    expect(sseComment("ping")).toBe(": ping\n\n");
    expect(sseComment("a\r\nb")).toBe(": a b\n\n");
    expect(sseRetry(2000.4)).toBe("retry: 2000\n\n");
  });

  it("asks proxies not to buffer or transform", () => {
    expect(SSE_HEADERS["Content-Type"]).toMatch(/^text\/event-stream/);
    expect(SSE_HEADERS["Cache-Control"]).toBe("no-cache, no-transform");
    expect(SSE_HEADERS["X-Accel-Buffering"]).toBe("no");
  });
});
