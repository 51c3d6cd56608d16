import "server-only";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/audit/record-audit";
import type { CurrentUser } from "@/lib/server/session";
import type { CreateTokenInput } from "@/lib/schemas/token";
import { generateToken } from "@/lib/tokens/token-format";
import { toTokenDto, tokenSelect, type ApiTokenDto } from "./token-dto";

/** Live (not revoked) tokens a user may hold at once. */
export const MAX_TOKENS_PER_USER = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Creates a personal access token for the signed-in user. The token itself is returned
 * once, here; only its SHA-256 is stored.
 */
export async function createToken(
  user: CurrentUser,
  input: CreateTokenInput,
  ip: string | null,
  now = new Date(),
): Promise<{ token: string; apiToken: ApiTokenDto }> {
  const live = await db.apiToken.count({ where: { userId: user.id, revokedAt: null } });
  if (live >= MAX_TOKENS_PER_USER) {
    throw new AppError(
      "INVALID_INPUT",
      `You have ${MAX_TOKENS_PER_USER} tokens already. Revoke one you no longer use.`,
    );
  }
  const { token, tokenHash, prefix } = generateToken();
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * DAY_MS) : null;
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { userId: user.id, name: input.name, prefix, tokenHash, expiresAt },
      select: tokenSelect,
    });
    await recordAudit(
      {
        action: "token.created",
        actorId: user.id,
        actorEmail: user.email,
        targetType: "api_token",
        targetId: created.id,
        ip,
        details: { name: input.name, prefix, expiresAt: expiresAt?.toISOString() ?? null },
      },
      tx,
    );
    return created;
  });
  return { token, apiToken: toTokenDto(row) };
}
