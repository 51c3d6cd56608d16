import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { ImportScreen } from "@/components/import/import-screen";
import { findTeamPage } from "@/lib/server/teams/find-team-page";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "Import a matrix" };

/** Create a matrix from a pasted table or an uploaded CSV/XLSX file (managers and owners). */
export default async function ImportPage({ params }: { params: Promise<{ teamSlug: string }> }) {
  const { team, role } = await findTeamPage((await params).teamSlug);
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div>
        <p className="text-sm">
          <Link href={`/t/${team.slug}`} className="text-accent-700 hover:underline dark:text-accent-100">
            ← Matrices
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">Import a matrix</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
          Bring in the RACI table you already have. You will see what will be created, what could not be read, and the
          gaps the team still has, before anything is saved.
        </p>
      </div>
      {can(role, "matrix:edit") ? (
        <Card>
          <ImportScreen teamId={team.id} teamSlug={team.slug} />
        </Card>
      ) : (
        <Card>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            Your role in this team lets you view matrices, not create them. Ask a manager or owner to import this one.
          </p>
        </Card>
      )}
    </div>
  );
}
