import "server-only";
import { db as defaultDb, type Db } from "@/lib/server/db";
import { logger } from "@/lib/server/logger";
import { verdictOf, type RateRule, type RateVerdict } from "@/lib/server/rate-limit/window";

type RateLimitDb = Pick<Db, "rateLimit">;

/** Counters older than this are deleted now and then (longer than any window in use). */
const STALE_MS = 24 * 60 * 60_000;

/**
 * Counts one hit on `key` and says whether it is within `rule`. The counter is a
 * `RateLimit` row, so every instance on the database counts the same hits, and each
 * step is one atomic statement, safe under concurrent requests on any instance:
 *  1. a window that is over starts again (`UPDATE … WHERE windowStart <= cutoff`: of
 *     two racing requests only one matches);
 *  2. the hit is counted (`INSERT … ON CONFLICT DO UPDATE SET count = count + 1
 *     RETURNING`, Prisma's native upsert on both providers), and the verdict follows
 *     from the count that statement returned.
 * Refused hits count too: hammering does not make the wait shorter.
 */
export async function hitRateLimit(
  key: string,
  rule: RateRule,
  opts: { db?: RateLimitDb; now?: Date } = {},
): Promise<RateVerdict> {
  const client = opts.db ?? defaultDb;
  const now = opts.now ?? new Date();
  await client.rateLimit.updateMany({
    where: { key, windowStart: { lte: new Date(now.getTime() - rule.windowMs) } },
    data: { count: 0, windowStart: now },
  });
  const row = await client.rateLimit.upsert({
    where: { key },
    create: { key, count: 1, windowStart: now },
    update: { count: { increment: 1 } },
    select: { count: true, windowStart: true },
  });
  if (Math.random() < 0.01) void sweepStale(client, now);
  return verdictOf(row, now, rule);
}

/** Forgets a key's counter (a successful sign-in clears its account's failures). */
export async function resetRateLimit(key: string, opts: { db?: RateLimitDb } = {}): Promise<void> {
  await (opts.db ?? defaultDb).rateLimit.deleteMany({ where: { key } });
}

async function sweepStale(client: RateLimitDb, now: Date): Promise<void> {
  try {
    await client.rateLimit.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - STALE_MS) } } });
  } catch (err) {
    logger.warn("sweeping old rate-limit counters failed", { err });
  }
}
