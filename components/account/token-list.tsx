"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-message";
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
        // relative: the visually hidden header is absolutely positioned and would widen the page.
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Your API tokens</caption>
            <thead className="border-b border-slate-200 text-xs text-slate-500 uppercase dark:border-slate-700 dark:text-slate-400">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Name
                </th>
                <th scope="col" className="hidden py-2 pr-4 font-medium sm:table-cell">
                  Token
                </th>
                <th scope="col" className="hidden py-2 pr-4 font-medium md:table-cell">
                  Created
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Last used
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Expires
                </th>
                <th scope="col" className="py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {tokens.map((t) => (
                <tr key={t.id}>
                  <th scope="row" className="py-2 pr-4 font-medium">
                    {t.name}
                  </th>
                  <td className="hidden py-2 pr-4 font-mono text-xs sm:table-cell">{t.prefix}…</td>
                  <td className="hidden py-2 pr-4 md:table-cell">{formatDate(t.createdAt, "")}</td>
                  <td className="py-2 pr-4">{formatDate(t.lastUsedAt, "Never")}</td>
                  <td className="py-2 pr-4">
                    {isExpired(t, now) ? (
                      <span className="font-medium text-red-700 dark:text-red-400">Expired</span>
                    ) : (
                      formatDate(t.expiresAt, "Never")
                    )}
                  </td>
                  <td className="py-2 text-right">
                    <Button
                      variant="secondary"
                      size="sm"
                      onClick={() => setRevoking(t)}
                      aria-label={`Revoke ${t.name}`}
                    >
                      Revoke
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
