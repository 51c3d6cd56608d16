import { describe, expect, it } from "vitest";
import { authRateRules, isWindowOver, minutesText, nextWindow, positiveInt, verdictOf } from "./window";

const t0 = new Date("2026-01-01T10:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const rule = { limit: 3, windowMs: 15 * 60_000 };

describe("fixed window", () => {
  it("starts a window at the first hit and counts within it", () => {
    let s = nextWindow(null, t0, rule.windowMs);
    expect(s).toEqual({ count: 1, windowStart: t0 });
    s = nextWindow(s, at(60_000), rule.windowMs);
    s = nextWindow(s, at(120_000), rule.windowMs);
    expect(s).toEqual({ count: 3, windowStart: t0 });
    expect(verdictOf(s, at(120_000), rule).allowed).toBe(true);
  });

  it("refuses the hit after the limit and says when the window ends", () => {
    const s = { count: 4, windowStart: t0 };
    const v = verdictOf(s, at(5 * 60_000), rule);
    expect(v.allowed).toBe(false);
    expect(v.retryAfterSec).toBe(10 * 60);
    expect(minutesText(v.retryAfterSec)).toBe("10 minutes");
  });

  it("starts over once the window has passed, however many hits came before", () => {
    expect(isWindowOver(t0, at(rule.windowMs - 1), rule.windowMs)).toBe(false);
    expect(isWindowOver(t0, at(rule.windowMs), rule.windowMs)).toBe(true);
    expect(nextWindow({ count: 99, windowStart: t0 }, at(rule.windowMs), rule.windowMs)).toEqual({
      count: 1,
      windowStart: at(rule.windowMs),
    });
  });

  it("never tells people to wait zero seconds or zero minutes", () => {
    const v = verdictOf({ count: 4, windowStart: t0 }, at(rule.windowMs - 10), rule);
    expect(v.retryAfterSec).toBe(1);
    expect(minutesText(v.retryAfterSec)).toBe("1 minute");
  });
});

describe("limits from the environment", () => {
  it("has defaults and reads overrides", () => {
    expect(authRateRules({}).signInPerAccount).toEqual({ limit: 10, windowMs: 15 * 60_000 });
    const r = authRateRules({ REMIT_SIGNIN_LIMIT_PER_IP: "1000", REMIT_SIGNIN_WINDOW_MINUTES: "5" });
    expect(r.signInPerIp).toEqual({ limit: 1000, windowMs: 5 * 60_000 });
    expect(r.signInPerAccount.windowMs).toBe(5 * 60_000);
  });

  it("ignores values that would switch a limit off by accident", () => {
    for (const bad of ["0", "-5", "ten", "1.5", " "]) expect(positiveInt(bad, 10)).toBe(10);
  });
});
