/**
 * Fixed-window rate limits: the pure part (no database). A key (an account, an address)
 * may be hit `limit` times per window; the window starts at the first hit after the
 * previous one ended. The counter lives in the database (hit-rate-limit.ts), so every
 * instance counts the same attempts.
 */
export interface RateRule {
  /** Hits allowed per window. */
  limit: number;
  windowMs: number;
}

export interface WindowState {
  count: number;
  windowStart: Date;
}

export interface RateVerdict {
  allowed: boolean;
  /** Hits in the current window, this one included. */
  count: number;
  /** Whole seconds until the window ends (at least 1). */
  retryAfterSec: number;
}

/** True when the window that began at `windowStart` is over at `now` (a new one starts). */
export function isWindowOver(windowStart: Date, now: Date, windowMs: number): boolean {
  return windowStart.getTime() <= now.getTime() - windowMs;
}

/** The counter after one more hit at `now` (what the database does atomically). */
export function nextWindow(previous: WindowState | null, now: Date, windowMs: number): WindowState {
  if (!previous || isWindowOver(previous.windowStart, now, windowMs)) return { count: 1, windowStart: now };
  return { count: previous.count + 1, windowStart: previous.windowStart };
}

/** Whether the hit that left the counter at `state` is allowed, and when to come back. */
export function verdictOf(state: WindowState, now: Date, rule: RateRule): RateVerdict {
  const endsAt = state.windowStart.getTime() + rule.windowMs;
  return {
    allowed: state.count <= rule.limit,
    count: state.count,
    retryAfterSec: Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)),
  };
}

/** "1 minute", "15 minutes": the wait, rounded up to whole minutes, for people. */
export function minutesText(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

/** A positive integer from the environment, else the default (a typo never turns a limit off). */
export function positiveInt(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export interface AuthRateRules {
  signInPerAccount: RateRule;
  signInPerIp: RateRule;
  signUpPerIp: RateRule;
}

/**
 * The sign-in and sign-up limits, from the environment:
 * REMIT_SIGNIN_LIMIT_PER_ACCOUNT (10), REMIT_SIGNIN_LIMIT_PER_IP (30) per
 * REMIT_SIGNIN_WINDOW_MINUTES (15); REMIT_SIGNUP_LIMIT_PER_IP (10) per hour.
 */
export function authRateRules(env: Record<string, string | undefined> = process.env): AuthRateRules {
  const signInWindowMs = positiveInt(env.REMIT_SIGNIN_WINDOW_MINUTES, 15) * 60_000;
  return {
    signInPerAccount: { limit: positiveInt(env.REMIT_SIGNIN_LIMIT_PER_ACCOUNT, 10), windowMs: signInWindowMs },
    signInPerIp: { limit: positiveInt(env.REMIT_SIGNIN_LIMIT_PER_IP, 30), windowMs: signInWindowMs },
    signUpPerIp: { limit: positiveInt(env.REMIT_SIGNUP_LIMIT_PER_IP, 10), windowMs: 60 * 60_000 },
  };
}
