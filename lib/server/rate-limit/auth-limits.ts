import "server-only";
import { recordAudit } from "@/lib/server/audit/record-audit";
import { logger } from "@/lib/server/logger";
import { hitRateLimit, resetRateLimit } from "@/lib/server/rate-limit/hit-rate-limit";
import { authRateRules, minutesText, type RateVerdict } from "@/lib/server/rate-limit/window";

/** What clientIp() returns when no trusted proxy tells us the address. */
const UNKNOWN_IP = "unknown";

export type LimitResult = { allowed: true } | { allowed: false; retryAfterSec: number; message: string };

const accountKey = (email: string) => `signin:account:${email}`;

let warnedUnknownIp = false;

/**
 * Without TRUST_PROXY the client's address is unknown (X-Forwarded-For is whatever the
 * client wrote). One shared "unknown" counter would let anyone lock everybody out, so
 * per-address limits apply only to known addresses; the per-account limit always does.
 */
function knownIp(ip: string): string | null {
  if (ip !== UNKNOWN_IP) return ip;
  if (!warnedUnknownIp && process.env.NODE_ENV === "production") {
    warnedUnknownIp = true;
    logger.warn("per-address sign-in limits are off: client addresses are unknown (set TRUST_PROXY behind a proxy)");
  }
  return null;
}

function refused(verdicts: RateVerdict[]): LimitResult {
  const retryAfterSec = Math.max(...verdicts.map((v) => v.retryAfterSec));
  return {
    allowed: false,
    retryAfterSec,
    message: `Too many attempts. Try again in ${minutesText(retryAfterSec)}.`,
  };
}

/**
 * Counts one sign-in attempt for the account (the normalised email, when the input is
 * one) and for the client's address, e.g. 10 per account and 30 per address per 15
 * minutes (lib/server/rate-limit/window.ts). Every attempt counts, successful or not,
 * so concurrent guesses cannot slip through between "check" and "count"; a successful
 * sign-in then clears the account's counter (clearAccountAttempts) but never the
 * address's, so a valid account cannot be used to reset an address's budget.
 */
export async function limitSignIn({ email, ip }: { email: string | null; ip: string }): Promise<LimitResult> {
  const rules = authRateRules();
  const address = knownIp(ip);
  const scopes: { scope: "account" | "address"; key: string; limit: number; hit: Promise<RateVerdict> }[] = [];
  if (email)
    scopes.push({
      scope: "account",
      key: accountKey(email),
      limit: rules.signInPerAccount.limit,
      hit: hitRateLimit(accountKey(email), rules.signInPerAccount),
    });
  if (address)
    scopes.push({
      scope: "address",
      key: `signin:ip:${address}`,
      limit: rules.signInPerIp.limit,
      hit: hitRateLimit(`signin:ip:${address}`, rules.signInPerIp),
    });
  const verdicts = await Promise.all(scopes.map((s) => s.hit));
  const over = verdicts.filter((v) => !v.allowed);
  if (over.length === 0) return { allowed: true };
  // One audit event per window and scope (the first refused attempt), not one per hammer blow.
  const first = scopes.filter((s, i) => verdicts[i]!.count === s.limit + 1).map((s) => s.scope);
  if (first.length > 0)
    await recordAudit({
      action: "auth.sign_in",
      outcome: "denied",
      actorEmail: email,
      ip,
      details: { reason: "rate_limited", scopes: first },
    });
  return refused(over);
}

/** After a successful sign-in: the account's earlier failures no longer count. */
export async function clearAccountAttempts(email: string): Promise<void> {
  try {
    await resetRateLimit(accountKey(email));
  } catch (err) {
    logger.warn("clearing sign-in attempts failed", { err });
  }
}

/** Counts one sign-up from the client's address (10 per hour by default). */
export async function limitSignUp(ip: string): Promise<LimitResult> {
  const address = knownIp(ip);
  if (!address) return { allowed: true };
  const verdict = await hitRateLimit(`signup:ip:${address}`, authRateRules().signUpPerIp);
  return verdict.allowed ? { allowed: true } : refused([verdict]);
}
