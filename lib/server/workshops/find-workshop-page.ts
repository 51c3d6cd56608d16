import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/server/errors";
import { getCurrentUser } from "@/lib/server/session";
import { findTeamPage } from "@/lib/server/teams/find-team-page";
import type { WorkshopStateDto } from "@/lib/matrix/workshop-dto";
import { getWorkshopState } from "./get-workshop-state";

/**
 * For workshop pages under /t/{teamSlug}: the workshop's state through the caller's
 * membership; another team's workshop, or one under another team's URL, is the 404 page.
 */
export const findWorkshopPage = cache(async (teamSlug: string, workshopId: string): Promise<WorkshopStateDto> => {
  await findTeamPage(teamSlug);
  const user = await getCurrentUser();
  if (!user) notFound();
  try {
    const state = await getWorkshopState(user, workshopId);
    if (state.teamSlug !== teamSlug) notFound();
    return state;
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
});
