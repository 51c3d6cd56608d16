import "server-only";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";

/**
 * Finds or creates the user behind an OAuth identity. An identity seen before maps to
 * its user; a new one is linked to the account with the same (provider-verified) email,
 * or creates a user without a password.
 */
export async function linkOAuthUser(input: {
  provider: string;
  providerAccountId: string;
  email: string | null;
  name: string | null;
}): Promise<{ id: string; sessionVersion: number }> {
  const existing = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: input.provider, providerAccountId: input.providerAccountId } },
    select: { user: { select: { id: true, sessionVersion: true } } },
  });
  if (existing) return existing.user;
  if (!input.email) throw new AppError("INVALID_INPUT", "Your account has no email address we can use.");
  const email = input.email.toLowerCase();
  const user =
    (await db.user.findUnique({ where: { email }, select: { id: true, sessionVersion: true } })) ??
    (await db.user.create({
      data: { email, name: input.name?.trim() || email.split("@")[0] || email },
      select: { id: true, sessionVersion: true },
    }));
  await db.account.create({
    data: { userId: user.id, provider: input.provider, providerAccountId: input.providerAccountId },
  });
  return user;
}
