import "server-only";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/audit/record-audit";
import type { CurrentUser } from "@/lib/server/session";

/**
 * Revokes one of the user's own tokens; it stops working on the next request. Another
 * user's token, an unknown id or an already revoked token is NOT_FOUND.
 */
export async function revokeToken(user: CurrentUser, tokenId: string, ip: string | null): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: { id: tokenId, userId: user.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw notFound("That token");
    await recordAudit(
      {
        action: "token.revoked",
        actorId: user.id,
        actorEmail: user.email,
        targetType: "api_token",
        targetId: tokenId,
        ip,
      },
      tx,
    );
  });
}
