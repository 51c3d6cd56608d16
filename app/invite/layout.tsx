import type { Metadata } from "next";
import { CenteredPage } from "@/components/app-shell/centered-page";

// The token is in the address: keep these pages out of search engines.
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function InviteLayout({ children }: { children: React.ReactNode }) {
  return <CenteredPage width="md">{children}</CenteredPage>;
}
