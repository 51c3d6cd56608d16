import "server-only";
import { db } from "@/lib/server/db";
import { toTokenDto, tokenSelect, type ApiTokenDto } from "./token-dto";

/** The user's tokens, newest first; revoked ones are kept out of the list. */
export async function findTokens(userId: string): Promise<ApiTokenDto[]> {
  const rows = await db.apiToken.findMany({
    where: { userId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: tokenSelect,
  });
  return rows.map(toTokenDto);
}
