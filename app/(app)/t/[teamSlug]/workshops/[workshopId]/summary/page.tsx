import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SummaryView } from "@/components/workshop/summary-view";
import { getCurrentUser } from "@/lib/server/session";
import { getWorkshopSummary } from "@/lib/server/workshops/get-workshop-summary";
import { findWorkshopPage } from "@/lib/server/workshops/find-workshop-page";

type Params = Promise<{ teamSlug: string; workshopId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { teamSlug, workshopId } = await params;
  const w = await findWorkshopPage(teamSlug, workshopId);
  return { title: `${w.name} — summary` };
}

/** What a workshop came to (any member of the team). */
export default async function WorkshopSummaryPage({ params }: { params: Params }) {
  const { teamSlug, workshopId } = await params;
  await findWorkshopPage(teamSlug, workshopId);
  const user = await getCurrentUser();
  if (!user) notFound();
  const { summary } = await getWorkshopSummary(user, workshopId);
  return <SummaryView summary={summary} />;
}
