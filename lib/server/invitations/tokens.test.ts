import { describe, expect, it } from "vitest";
import { hashToken, newLinkToken, publicOrigin } from "./tokens";

describe("link tokens", () => {
  it("are 32 random bytes in base64url, stored as a SHA-256", () => {
    const a = newLinkToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, "base64url")).toHaveLength(32);
    expect(newLinkToken()).not.toBe(a);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(a)).toBe(hashToken(a));
    expect(hashToken(a)).not.toBe(hashToken(newLinkToken()));
  });
});

describe("publicOrigin", () => {
  const request = (headers: Record<string, string>) =>
    new Request("http://127.0.0.1:3000/api/v1/teams/t/invitations", { headers });
  it("prefers the configured APP_URL", () => {
    expect(publicOrigin(request({ host: "evil.test" }), { APP_URL: "https://remit.example.com/app" })).toBe(
      "https://remit.example.com",
    );
  });
  it("ignores forwarded headers unless a proxy is trusted", () => {
    const req = request({ host: "remit.local:3000", "x-forwarded-host": "evil.test", "x-forwarded-proto": "https" });
    expect(publicOrigin(req, {})).toBe("http://remit.local:3000");
    expect(publicOrigin(req, { TRUST_PROXY: "1" })).toBe("https://evil.test");
  });
});
