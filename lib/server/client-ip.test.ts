import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

const h = (init: Record<string, string>) => new Headers(init);

describe("clientIp", () => {
  it("ignores X-Forwarded-For unless a trusted proxy is configured", () => {
    expect(clientIp(h({ "x-forwarded-for": "1.2.3.4" }), {})).toBe("unknown");
    expect(clientIp(h({ "x-real-ip": "1.2.3.4" }), { TRUST_PROXY: "0" })).toBe("unknown");
  });
  it("takes the address the nearest trusted proxy appended, not a spoofed first one", () => {
    const headers = h({ "x-forwarded-for": "6.6.6.6, 10.0.0.7" });
    expect(clientIp(headers, { TRUST_PROXY: "1" })).toBe("10.0.0.7");
    expect(clientIp(headers, { TRUST_PROXY: "true" })).toBe("10.0.0.7");
    expect(clientIp(headers, { TRUST_PROXY: "2" })).toBe("6.6.6.6");
  });
  it("falls back to X-Real-IP behind a trusted proxy", () => {
    expect(clientIp(h({ "x-real-ip": "10.1.1.1" }), { TRUST_PROXY: "1" })).toBe("10.1.1.1");
  });
});
