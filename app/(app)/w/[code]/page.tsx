import { notFound, redirect } from "next/navigation";
import { joinWorkshopSchema } from "@/lib/schemas/workshop";
import { isAppError } from "@/lib/server/errors";
import { requireUserForPage } from "@/lib/server/session";
import { joinWorkshop, type JoinedWorkshop } from "@/lib/server/workshops/join-workshop";

/**
 * A workshop link (/w/K7RM4X): signs in first if needed and comes back, joins, and lands
 * in the participant view (the summary once it has ended). Unknown codes and workshops
 * of other teams are the same 404.
 */
export default async function WorkshopLinkPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const user = await requireUserForPage(`/w/${encodeURIComponent(code)}`);
  const parsed = joinWorkshopSchema.safeParse({ code });
  if (!parsed.success) notFound();
  let joined: JoinedWorkshop;
  try {
    joined = await joinWorkshop(user, parsed.data.code);
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
  redirect(
    joined.status === "ended"
      ? `/t/${joined.teamSlug}/workshops/${joined.workshopId}/summary`
      : `/t/${joined.teamSlug}/workshops/${joined.workshopId}`,
  );
}
