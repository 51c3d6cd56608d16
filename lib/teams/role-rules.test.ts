import { describe, expect, it } from "vitest";
import { assignableRoles, checkRemoval, checkRoleChange, invitableRoles, isDowngrade } from "./role-rules";
import { invitationState } from "./invitation-rules";

describe("checkRoleChange", () => {
  it("lets managers move people between manager, member and viewer", () => {
    expect(checkRoleChange({ actor: "manager", target: "member", next: "viewer", ownerCount: 1 }).ok).toBe(true);
    expect(checkRoleChange({ actor: "manager", target: "manager", next: "member", ownerCount: 1 }).ok).toBe(true);
  });
  it("refuses members and viewers", () => {
    expect(checkRoleChange({ actor: "member", target: "viewer", next: "member", ownerCount: 1 })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(checkRoleChange({ actor: "viewer", target: "viewer", next: "member", ownerCount: 1 }).ok).toBe(false);
  });
  it("keeps owners out of a manager's reach, both ways", () => {
    expect(checkRoleChange({ actor: "manager", target: "member", next: "owner", ownerCount: 1 })).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(checkRoleChange({ actor: "manager", target: "owner", next: "manager", ownerCount: 2 })).toMatchObject({
      code: "FORBIDDEN",
    });
  });
  it("lets owners grant and take ownership while another owner remains", () => {
    expect(checkRoleChange({ actor: "owner", target: "member", next: "owner", ownerCount: 1 }).ok).toBe(true);
    expect(checkRoleChange({ actor: "owner", target: "owner", next: "manager", ownerCount: 2 }).ok).toBe(true);
  });
  it("never demotes the last owner", () => {
    expect(checkRoleChange({ actor: "owner", target: "owner", next: "manager", ownerCount: 1 })).toMatchObject({
      ok: false,
      code: "LAST_OWNER",
    });
    expect(checkRoleChange({ actor: "owner", target: "owner", next: "owner", ownerCount: 1 }).ok).toBe(true);
  });
});

describe("checkRemoval", () => {
  it("lets anyone leave, except the last owner", () => {
    expect(checkRemoval({ actor: "viewer", target: "viewer", isSelf: true, ownerCount: 1 }).ok).toBe(true);
    expect(checkRemoval({ actor: "owner", target: "owner", isSelf: true, ownerCount: 2 }).ok).toBe(true);
    const last = checkRemoval({ actor: "owner", target: "owner", isSelf: true, ownerCount: 1 });
    expect(last).toMatchObject({ ok: false, code: "LAST_OWNER" });
    expect(!last.ok && last.message).toMatch(/last owner/);
  });
  it("lets managers remove non-owners only", () => {
    expect(checkRemoval({ actor: "manager", target: "member", isSelf: false, ownerCount: 1 }).ok).toBe(true);
    expect(checkRemoval({ actor: "manager", target: "owner", isSelf: false, ownerCount: 2 })).toMatchObject({
      code: "FORBIDDEN",
    });
    // Refused for the role first: a manager learns nothing about how many owners there are.
    expect(checkRemoval({ actor: "manager", target: "owner", isSelf: false, ownerCount: 1 })).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(checkRemoval({ actor: "member", target: "viewer", isSelf: false, ownerCount: 1 })).toMatchObject({
      code: "FORBIDDEN",
    });
  });
  it("lets an owner remove another owner but not the last one", () => {
    expect(checkRemoval({ actor: "owner", target: "owner", isSelf: false, ownerCount: 2 }).ok).toBe(true);
  });
});

describe("roles on offer", () => {
  it("a manager cannot invite or appoint an owner", () => {
    expect(invitableRoles("manager")).toEqual(["manager", "member", "viewer"]);
    expect(invitableRoles("owner")).toContain("owner");
    expect(invitableRoles("member")).toEqual([]);
    expect(assignableRoles("manager", "owner")).toEqual([]);
    expect(assignableRoles("manager", "viewer")).not.toContain("owner");
    expect(assignableRoles("viewer", "viewer")).toEqual([]);
  });
  it("knows a downgrade", () => {
    expect(isDowngrade("manager", "viewer")).toBe(true);
    expect(isDowngrade("viewer", "member")).toBe(false);
    expect(isDowngrade("owner", "owner")).toBe(false);
  });
});

describe("invitationState", () => {
  const now = new Date("2026-01-10T00:00:00Z");
  const base = { expiresAt: new Date("2026-01-11T00:00:00Z"), revokedAt: null, maxUses: 1, uses: 0 };
  it("is active until expiry, revocation or the last use", () => {
    expect(invitationState(base, now)).toBe("active");
    expect(invitationState({ ...base, expiresAt: now }, now)).toBe("expired");
    expect(invitationState({ ...base, revokedAt: now }, now)).toBe("revoked");
    expect(invitationState({ ...base, uses: 1 }, now)).toBe("used_up");
    expect(invitationState({ ...base, maxUses: null, uses: 40 }, now)).toBe("active");
  });
});
