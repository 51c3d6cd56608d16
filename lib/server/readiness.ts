import "server-only";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { db, dbProvider } from "@/lib/server/db";
import { logger } from "@/lib/server/logger";

async function committedMigrations(): Promise<string[]> {
  const dir = path.join(process.cwd(), "prisma", ...(dbProvider() === "postgresql" ? ["postgres"] : []), "migrations");
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory()).map((e) => e.name);
}

/** Whether this instance can serve: database reachable and no committed migration pending. */
export async function checkReadiness(): Promise<{ ready: boolean; database: string; pending?: string[] }> {
  try {
    const applied = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    const done = new Set(applied.map((r) => r.migration_name));
    const pending = (await committedMigrations()).filter((m) => !done.has(m));
    return pending.length ? { ready: false, database: "migrations pending", pending } : { ready: true, database: "ok" };
  } catch (e) {
    logger.warn("readiness check failed", { err: e });
    return { ready: false, database: "unreachable" };
  }
}
