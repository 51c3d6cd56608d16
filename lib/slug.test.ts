import { describe, expect, it } from "vitest";
import { slugCandidate, slugify } from "./slug";

describe("slugify", () => {
  it("makes readable slugs", () => {
    expect(slugify("Platform Team")).toBe("platform-team");
    expect(slugify("  Zoë's  Ødegård & Co. ")).toBe("zoes-odegard-co");
  });
  it("never returns an empty slug", () => {
    expect(slugify("李雷")).toBe("team");
    expect(slugify("---")).toBe("team");
  });
  it("bounds the length without a trailing dash", () => {
    const s = slugify("a".repeat(39) + " bcd");
    expect(s.length).toBeLessThanOrEqual(40);
    expect(s.endsWith("-")).toBe(false);
  });
  it("numbers candidates from 2", () => {
    expect(slugCandidate("core", 0)).toBe("core");
    expect(slugCandidate("core", 1)).toBe("core-2");
  });
});
