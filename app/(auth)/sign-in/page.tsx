import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { oauthProviders } from "@/lib/server/auth";
import { getCurrentUser } from "@/lib/server/session";
import { safeCallbackPath } from "@/lib/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  if (await getCurrentUser()) redirect(safeCallbackPath(callbackUrl));
  return (
    <Card>
      <h1 className="text-xl font-semibold">Sign in</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Welcome back to Remit.</p>
      <SignInForm callbackUrl={callbackUrl} oauth={oauthProviders()} />
      <p className="mt-6 text-sm text-slate-600 dark:text-slate-400">
        New to Remit?{" "}
        <Link
          href={callbackUrl ? `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-up"}
          className="font-medium text-accent-700 underline-offset-2 hover:underline dark:text-accent-100"
        >
          Create an account
        </Link>
      </p>
    </Card>
  );
}
