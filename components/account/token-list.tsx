"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-message";
import { ColumnHeader, DataCell, DataTable, DataTableBody, DataTableHead, RowHeader } from "@/components/ui/data-table";
import { revokeTokenRequest, type ApiTokenDto } from "./token-api";

function formatDate(iso: string | null, fallback: string): string {
  if (!iso) return fallback;
  return new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";
}

function isExpired(token: ApiTokenDto, now: number): boolean {
  return token.expiresAt !== null && new Date(token.expiresAt).getTime() <= now;
}

/** The user's tokens with their last use, and a confirmed revoke. */
export function TokenList({ tokens, now }: { tokens: ApiTokenDto[]; now: number }) {
  const router = useRouter();
  const [revoking, setRevoking] = useState<ApiTokenDto | null>(null);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" } | null>(null);

  async function confirmRevoke() {
    if (!revoking) return;
    setPending(true);
    const result = await revokeTokenRequest(revoking.id);
    setPending(false);
    if (!result.ok) {
      setMessage({ text: result.message, tone: "error" });
    } else {
      setMessage({ text: `Token “${revoking.name}” revoked. It no longer works.`, tone: "success" });
      router.refresh();
    }
    setRevoking(null);
  }

  return (
    <div className="space-y-3">
      <FormMessage message={message?.text} tone={message?.tone} />
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">You have no API tokens.</p>
      ) : (
        <DataTable caption="Your API tokens">
          <DataTableHead>
            <ColumnHeader>Name</ColumnHeader>
            <ColumnHeader className="hidden sm:table-cell">Token</ColumnHeader>
            <ColumnHeader className="hidden md:table-cell">Created</ColumnHeader>
            <ColumnHeader>Last used</ColumnHeader>
            <ColumnHeader>Expires</ColumnHeader>
            <ColumnHeader label="Actions" />
          </DataTableHead>
          <DataTableBody>
            {tokens.map((t) => (
              <tr key={t.id}>
                <RowHeader>{t.name}</RowHeader>
                <DataCell className="hidden font-mono text-xs sm:table-cell">{t.prefix}…</DataCell>
                <DataCell className="hidden md:table-cell">{formatDate(t.createdAt, "")}</DataCell>
                <DataCell>{formatDate(t.lastUsedAt, "Never")}</DataCell>
                <DataCell>
                  {isExpired(t, now) ? (
                    <span className="font-medium text-red-700 dark:text-red-400">Expired</span>
                  ) : (
                    formatDate(t.expiresAt, "Never")
                  )}
                </DataCell>
                <DataCell className="text-right">
                  <Button variant="secondary" size="sm" onClick={() => setRevoking(t)} aria-label={`Revoke ${t.name}`}>
                    Revoke
                  </Button>
                </DataCell>
              </tr>
            ))}
          </DataTableBody>
        </DataTable>
      )}
      <Dialog
        open={revoking !== null}
        onClose={() => (pending ? undefined : setRevoking(null))}
        title={`Revoke “${revoking?.name ?? ""}”?`}
        description="Anything using this token stops working at once. This cannot be undone."
        size="sm"
      >
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setRevoking(null)} disabled={pending}>
            Cancel
          </Button>
          <Button variant="danger" onClick={confirmRevoke} disabled={pending}>
            {pending ? "Revoking…" : "Revoke token"}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
