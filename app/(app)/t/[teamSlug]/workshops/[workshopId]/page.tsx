import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ParticipantScreen } from "@/components/workshop/participant-screen";
import { findWorkshopPage } from "@/lib/server/workshops/find-workshop-page";

type Params = Promise<{ teamSlug: string; workshopId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { teamSlug, workshopId } = await params;
  const w = await findWorkshopPage(teamSlug, workshopId);
  return { title: `${w.name} — vote` };
}

/** A participant's view of a workshop (any member of the team; viewers follow without voting). */
export default async function WorkshopPage({ params }: { params: Params }) {
  const { teamSlug, workshopId } = await params;
  const w = await findWorkshopPage(teamSlug, workshopId);
  if (w.status === "ended") redirect(`/t/${teamSlug}/workshops/${workshopId}/summary`);
  return <ParticipantScreen initial={w} />;
}
