import { CenteredPage } from "@/components/app-shell/centered-page";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <CenteredPage>{children}</CenteredPage>;
}
