import { describe, expect, it } from "vitest";
import { etagMatches } from "./negotiation";

describe("etagMatches", () => {
  const etag = 'W/"12-3-core"';
  it("matches the same tag, weak or strong, in a list, or *", () => {
    expect(etagMatches('W/"12-3-core"', etag)).toBe(true);
    expect(etagMatches('"12-3-core"', etag)).toBe(true);
    expect(etagMatches('"a", W/"12-3-core" ', etag)).toBe(true);
    expect(etagMatches("*", etag)).toBe(true);
  });
  it("does not match another tag or nothing", () => {
    expect(etagMatches('W/"13-3-core"', etag)).toBe(false);
    expect(etagMatches(null, etag)).toBe(false);
    expect(etagMatches("", etag)).toBe(false);
  });
});
