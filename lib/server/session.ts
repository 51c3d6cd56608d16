import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { readSessionToken } from "@/lib/server/session-token";

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
}

/**
 * The signed-in user for this request, or null. The JWT alone is not trusted: the user
 * must still exist and the token's session version must match the stored one, so
 * signing out (which bumps it) ends every older token at once. Cached per request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  // The cookie is decrypted directly (session-token.ts); Auth.js only for a chunked one.
  const token = await readSessionToken();
  const session = token === undefined ? await auth() : null;
  const id = token ? token.userId : session?.user?.id;
  const sessionVersion = token ? token.sessionVersion : (session?.sessionVersion ?? 0);
  if (!id) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, name: true, email: true, sessionVersion: true },
  });
  if (!user || user.sessionVersion !== sessionVersion) return null;
  return { id: user.id, name: user.name, email: user.email };
});

/** For pages: the user, or a redirect to sign-in that comes back here. */
export async function requireUserForPage(returnTo?: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  return user;
}

/** For actions and route handlers: the user, or an UNAUTHENTICATED error. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  return user;
}
