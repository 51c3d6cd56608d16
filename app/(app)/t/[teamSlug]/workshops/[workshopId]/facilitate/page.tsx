import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { FacilitatorScreen } from "@/components/workshop/facilitator-screen";
import { findWorkshopPage } from "@/lib/server/workshops/find-workshop-page";

type Params = Promise<{ teamSlug: string; workshopId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { teamSlug, workshopId } = await params;
  const w = await findWorkshopPage(teamSlug, workshopId);
  return { title: `${w.name} — facilitate` };
}

/** The projector view (managers and owners); others land in the participant view. */
export default async function FacilitatePage({ params }: { params: Params }) {
  const { teamSlug, workshopId } = await params;
  const w = await findWorkshopPage(teamSlug, workshopId);
  if (w.status === "ended") redirect(`/t/${teamSlug}/workshops/${workshopId}/summary`);
  if (!w.viewer.canRun) redirect(`/t/${teamSlug}/workshops/${workshopId}`);
  return <FacilitatorScreen initial={w} />;
}
