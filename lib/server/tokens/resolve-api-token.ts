import "server-only";
import { db } from "@/lib/server/db";
import { logger } from "@/lib/server/logger";
import type { CurrentUser } from "@/lib/server/session";
import { hashToken, isTokenShaped } from "@/lib/tokens/token-format";

/** lastUsedAt is written at most this often per token, so busy integrations cost no writes. */
const LAST_USED_RESOLUTION_MS = 60_000;

export type TokenResolution = { ok: true; user: CurrentUser } | { ok: false; message: string };

/**
 * The user a bearer token acts for: one lookup by the unique hash (joined to the user).
 * Unknown, revoked and expired tokens are refused with a message saying which.
 */
export async function resolveApiToken(token: string, now = new Date()): Promise<TokenResolution> {
  if (!isTokenShaped(token)) {
    return { ok: false, message: "The API token is malformed. Send `Authorization: Bearer remit_pat_…`." };
  }
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      user: { select: { id: true, name: true, email: true } },
    },
  });
  if (!row) return { ok: false, message: "The API token is not valid." };
  if (row.revokedAt) return { ok: false, message: "The API token has been revoked." };
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) {
    return { ok: false, message: "The API token has expired. Create a new one in your account." };
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    // Not awaited: the request does not wait for bookkeeping; the guard keeps
    // concurrent requests from writing more than once a minute.
    void db.apiToken
      .updateMany({
        where: {
          id: row.id,
          OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }],
        },
        data: { lastUsedAt: now },
      })
      .catch((err: unknown) => logger.warn("updating a token's last use failed", { err }));
  }
  return { ok: true, user: row.user };
}
