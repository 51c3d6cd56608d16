import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { JoinForm } from "@/components/workshop/join-form";
import { requireUserForPage } from "@/lib/server/session";

export const metadata: Metadata = { title: "Join a workshop" };

/** Type the code from the projector. */
export default async function JoinPage() {
  await requireUserForPage("/join");
  return (
    <div className="mx-auto max-w-md px-4 py-10">
      <Card>
        <h1 className="text-xl font-semibold">Join a workshop</h1>
        <p className="mt-1 mb-5 text-sm text-slate-600 dark:text-slate-400">
          Enter the code the facilitator shows. You vote from this device.
        </p>
        <JoinForm />
      </Card>
    </div>
  );
}
