"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { ColumnHeader, DataCell, DataTable, DataTableBody, DataTableHead } from "@/components/ui/data-table";
import { errorMessage } from "@/lib/query/api-client";
import { ROLE_LABELS } from "@/lib/permissions";
import type { InvitationDto } from "@/lib/teams/access-dto";
import { formatUtc } from "@/lib/teams/audit-words";
import { accessApi } from "./access-api";

function usesText(inv: InvitationDto): string {
  if (inv.maxUses === null) return `${inv.uses} so far (no limit)`;
  return `${inv.uses} of ${inv.maxUses}`;
}

/** The links that can still be accepted, each with Revoke. */
export function PendingInvitations({ teamId, invitations }: { teamId: string; invitations: InvitationDto[] }) {
  const router = useRouter();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" }>();

  async function revoke(inv: InvitationDto) {
    setBusyId(inv.id);
    setMessage(undefined);
    try {
      await accessApi.revokeInvitation(teamId, inv.id);
      setMessage({ text: "Invitation revoked: its link no longer works.", tone: "success" });
      router.refresh();
    } catch (e) {
      setMessage({ text: errorMessage(e), tone: "error" });
    } finally {
      setBusyId(null);
    }
  }

  return (
    <div className="space-y-3">
      <FormMessage message={message?.text} tone={message?.tone} />
      {invitations.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No pending invitations.</p>
      ) : (
        <DataTable caption="Pending invitations">
          <DataTableHead>
            <ColumnHeader>Role</ColumnHeader>
            <ColumnHeader>For</ColumnHeader>
            <ColumnHeader>Expires</ColumnHeader>
            <ColumnHeader>Uses</ColumnHeader>
            <ColumnHeader>Created by</ColumnHeader>
            <ColumnHeader label="Actions" />
          </DataTableHead>
          <DataTableBody>
            {invitations.map((inv) => (
              <tr key={inv.id}>
                <DataCell className="font-medium">{ROLE_LABELS[inv.role]}</DataCell>
                <DataCell>{inv.email ?? "Anyone with the link"}</DataCell>
                <DataCell className="whitespace-nowrap">
                  <time dateTime={inv.expiresAt}>{formatUtc(inv.expiresAt)}</time>
                </DataCell>
                <DataCell>{usesText(inv)}</DataCell>
                <DataCell>{inv.createdBy?.name ?? "A former member"}</DataCell>
                <DataCell className="text-right">
                  <Button
                    variant="secondary"
                    size="sm"
                    disabled={busyId === inv.id}
                    onClick={() => revoke(inv)}
                    aria-label={`Revoke the ${ROLE_LABELS[inv.role].toLowerCase()} invitation${inv.email ? ` for ${inv.email}` : ""} created ${formatUtc(inv.createdAt)}`}
                  >
                    {busyId === inv.id ? "Revoking…" : "Revoke"}
                  </Button>
                </DataCell>
              </tr>
            ))}
          </DataTableBody>
        </DataTable>
      )}
    </div>
  );
}
