import { describe, expect, it } from "vitest";
import { can } from "./permissions";

describe("can", () => {
  it("lets managers and owners edit matrices, not members or viewers", () => {
    expect(can("owner", "matrix:edit")).toBe(true);
    expect(can("manager", "matrix:edit")).toBe(true);
    expect(can("member", "matrix:edit")).toBe(false);
    expect(can("viewer", "matrix:edit")).toBe(false);
  });
  it("keeps team deletion to owners", () => {
    expect(can("manager", "team:delete")).toBe(false);
    expect(can("owner", "team:delete")).toBe(true);
  });
  it("refuses a missing role", () => {
    expect(can(null, "team:view")).toBe(false);
    expect(can(undefined, "team:view")).toBe(false);
  });
  it("lets members vote but viewers only look", () => {
    expect(can("member", "workshop:vote")).toBe(true);
    expect(can("viewer", "workshop:vote")).toBe(false);
    expect(can("viewer", "team:view")).toBe(true);
  });
  it("lets managers invite and share, and only owners read the audit log", () => {
    for (const p of ["invitations:manage", "share:manage", "members:manage"] as const) {
      expect(can("manager", p)).toBe(true);
      expect(can("member", p)).toBe(false);
    }
    expect(can("manager", "audit:view")).toBe(false);
    expect(can("owner", "audit:view")).toBe(true);
  });
});
