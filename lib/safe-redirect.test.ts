import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-redirect";

describe("safeCallbackPath", () => {
  it("keeps same-site paths", () => {
    expect(safeCallbackPath("/t/core?x=1")).toBe("/t/core?x=1");
  });
  it("refuses other sites and loops", () => {
    expect(safeCallbackPath("https://evil.example")).toBe("/teams");
    expect(safeCallbackPath("//evil.example")).toBe("/teams");
    expect(safeCallbackPath("/\\evil.example")).toBe("/teams");
    expect(safeCallbackPath("/sign-in")).toBe("/teams");
    expect(safeCallbackPath(undefined)).toBe("/teams");
  });
});
