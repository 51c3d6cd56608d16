import { describe, expect, it } from "vitest";
import { headerRules, HSTS_VALUE, HTTPS_FORWARDED, securityHeaders } from "./security-headers";

describe("security headers", () => {
  it("always sends CSP with frame-ancestors 'none', nosniff and a referrer policy", () => {
    const byKey = Object.fromEntries(securityHeaders().map((h) => [h.key, h.value]));
    expect(byKey["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(byKey["Content-Security-Policy"]).toContain("object-src 'none'");
    expect(byKey["X-Content-Type-Options"]).toBe("nosniff");
    expect(byKey["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
  });

  it("adds HSTS only for requests that came over HTTPS (X-Forwarded-Proto)", () => {
    const rules = headerRules();
    const hsts = rules.find((r) => r.headers.some((h) => h.key === "Strict-Transport-Security"));
    expect(hsts?.headers).toEqual([{ key: "Strict-Transport-Security", value: HSTS_VALUE }]);
    expect(hsts?.has).toEqual([{ type: "header", key: "x-forwarded-proto", value: HTTPS_FORWARDED }]);
    expect(HSTS_VALUE).toMatch(/max-age=(\d+)/);
    expect(Number(/max-age=(\d+)/.exec(HSTS_VALUE)![1])).toBeGreaterThanOrEqual(31536000);
    // Next matches `has` values as ^value$.
    const matches = (v: string) => new RegExp(`^${HTTPS_FORWARDED}$`).test(v);
    expect(matches("https")).toBe(true);
    expect(matches("https, http")).toBe(true);
    expect(matches("http")).toBe(false);
    expect(matches("http, https")).toBe(false);
    // The unconditional rule carries no HSTS.
    expect(rules.find((r) => !r.has)?.headers.some((h) => h.key === "Strict-Transport-Security")).toBe(false);
  });
});
