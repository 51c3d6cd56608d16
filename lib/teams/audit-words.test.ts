import { describe, expect, it } from "vitest";
import { auditActionWords, auditOutcomeWords, formatUtc } from "./audit-words";

describe("audit words", () => {
  it("reads actions and outcomes as words, unknown ones as their code", () => {
    expect(auditActionWords("member.role_changed")).toBe("Changed a member's role");
    expect(auditActionWords("share_link.enabled")).toBe("Turned on a read-only link");
    expect(auditActionWords("something.new")).toBe("something.new");
    expect(auditOutcomeWords("denied")).toBe("Refused");
  });
  it("formats times in UTC", () => {
    expect(formatUtc("2026-03-01T14:05:09.123Z")).toBe("2026-03-01 14:05:09 UTC");
  });
});
