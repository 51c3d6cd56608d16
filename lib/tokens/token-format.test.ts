import { describe, expect, it } from "vitest";
import { bearerTokenOf, generateToken, hashToken, isTokenShaped, TOKEN_PREFIX } from "./token-format";

describe("personal access tokens", () => {
  it("generates remit_pat_ + 43 base64url characters, hashed with SHA-256", () => {
    const { token, tokenHash, prefix } = generateToken();
    expect(token).toMatch(/^remit_pat_[A-Za-z0-9_-]{43}$/);
    expect(isTokenShaped(token)).toBe(true);
    expect(tokenHash).toBe(hashToken(token));
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(token.startsWith(prefix)).toBe(true);
    expect(prefix).toHaveLength(TOKEN_PREFIX.length + 6);
    expect(generateToken().token).not.toBe(token);
  });

  it("refuses anything not token-shaped before a lookup", () => {
    expect(isTokenShaped("remit_pat_short")).toBe(false);
    expect(isTokenShaped(`remit_pat_${"a".repeat(42)}=`)).toBe(false);
    expect(isTokenShaped(`other_pat_${"a".repeat(43)}`)).toBe(false);
    expect(isTokenShaped(`remit_pat_${"a".repeat(43)} `)).toBe(false);
  });

  it("reads the bearer header", () => {
    expect(bearerTokenOf(null)).toBeNull();
    expect(bearerTokenOf("Basic abc")).toBeNull();
    expect(bearerTokenOf("Bearer remit_pat_x")).toBe("remit_pat_x");
    expect(bearerTokenOf("bearer   remit_pat_x ")).toBe("remit_pat_x");
    expect(bearerTokenOf("Bearer ")).toBe("");
    // HTTP trims header values: "Bearer " arrives as "Bearer".
    expect(bearerTokenOf("Bearer")).toBe("");
    expect(bearerTokenOf("Bearerish x")).toBeNull();
  });
});
