import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { CreateTokenForm } from "@/components/account/create-token-form";
import { TokenList } from "@/components/account/token-list";
import { requireUserForPage } from "@/lib/server/session";
import { findTokens } from "@/lib/server/tokens/find-tokens";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const user = await requireUserForPage("/account/tokens");
  const tokens = await findTokens(user.id);
  // eslint-disable-next-line react-hooks/purity -- a dynamic page: "now" is per request.
  const now = Date.now();
  return (
    <div className="mx-auto max-w-4xl space-y-8 px-4 py-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">API tokens</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          A personal access token lets a script use the{" "}
          <Link href="/docs/api" className="text-accent-700 underline dark:text-accent-100">
            Remit API
          </Link>{" "}
          as you, with your roles in your teams. Send it as{" "}
          <code className="font-mono whitespace-nowrap">Authorization: Bearer …</code>. Keep it secret; revoke it when
          it is no longer needed.
        </p>
      </div>
      <Card>
        <h2 className="text-lg font-semibold">Create a token</h2>
        <div className="mt-4">
          <CreateTokenForm />
        </div>
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">Your tokens</h2>
        <div className="mt-4">
          <TokenList tokens={tokens} now={now} />
        </div>
      </Card>
    </div>
  );
}
