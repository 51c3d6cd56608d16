/**
 * The sign-in counter against a real PostgreSQL (the pg project: TEST_PG_ADMIN_URL from
 * scripts/test.mjs): two "instances" (two Prisma clients, two pools) hammer one key at
 * the same moment; every hit is counted exactly once and exactly `limit` are allowed.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/prisma/generated/postgres/client";
import type { Db } from "@/lib/server/db";
import { hitRateLimit, resetRateLimit } from "./hit-rate-limit";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const ADMIN_URL = process.env.TEST_PG_ADMIN_URL || "";
const dbName = `remit_ratelimit_${randomBytes(3).toString("hex")}`;
const clients: Db[] = [];

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

describe.runIf(!!ADMIN_URL)("hitRateLimit on PostgreSQL", () => {
  beforeAll(async () => {
    await admin((c) => c.query(`CREATE DATABASE "${dbName}"`));
    const url = withDatabase(ADMIN_URL, dbName);
    const r = spawnSync(process.execPath, [path.join(ROOT, "scripts/db.mjs"), "deploy"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: url },
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    for (let i = 0; i < 2; i++) {
      clients.push(new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) }) as unknown as Db);
    }
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.$disconnect()));
    await admin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)).catch(() => {});
  });

  it("counts concurrent hits from two instances exactly once each", async () => {
    const rule = { limit: 10, windowMs: 15 * 60_000 };
    const now = new Date();
    const verdicts = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        hitRateLimit("signin:account:race@example.test", rule, { db: clients[i % 2], now }),
      ),
    );
    expect(verdicts.map((v) => v.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(10);
    const row = await clients[0]!.rateLimit.findUnique({ where: { key: "signin:account:race@example.test" } });
    expect(row?.count).toBe(40);
  });

  it("starts one new window when racing requests arrive after the old one ended", async () => {
    const key = "signin:ip:203.0.113.9";
    const rule = { limit: 5, windowMs: 60_000 };
    const then = new Date(Date.now() - 10 * 60_000);
    for (let i = 0; i < 7; i++) await hitRateLimit(key, rule, { db: clients[0], now: then });
    const now = new Date();
    const verdicts = await Promise.all(
      Array.from({ length: 20 }, (_, i) => hitRateLimit(key, rule, { db: clients[i % 2], now })),
    );
    expect(verdicts.map((v) => v.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
    await resetRateLimit(key, { db: clients[1] });
    expect((await hitRateLimit(key, rule, { db: clients[1] })).count).toBe(1);
  });
});
