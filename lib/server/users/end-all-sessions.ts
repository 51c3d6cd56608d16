import "server-only";
import { db } from "@/lib/server/db";

/** Invalidates every session token of a user (sign-out, role lowered, removal). */
export async function endAllSessions(userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
