import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { requireTeamAccess, type TeamAccess } from "@/lib/server/authz";
import { getCurrentUser } from "@/lib/server/session";
import { isAppError } from "@/lib/server/errors";

/**
 * For team pages: the signed-in user's access to the team in the URL. Not signed in →
 * sign-in; not a member (or no such team) → the 404 page, the same either way.
 */
export const findTeamPage = cache(async (slug: string): Promise<TeamAccess & { userId: string }> => {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/t/${slug}`)}`);
  try {
    return { ...(await requireTeamAccess(user.id, { slug })), userId: user.id };
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
});
