import "server-only";
import NextAuth, { type DefaultSession, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import type { Provider } from "next-auth/providers";
import { signInSchema } from "@/lib/schemas/auth";
import { verifyCredentials } from "@/lib/server/users/verify-credentials";
import { linkOAuthUser } from "@/lib/server/users/link-oauth-user";
import { logger } from "@/lib/server/logger";
import { recordAudit } from "@/lib/server/audit/record-audit";
import { clientIp } from "@/lib/server/client-ip";
import { clearAccountAttempts } from "@/lib/server/rate-limit/auth-limits";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
    /** The user's session version when this token was issued (see lib/server/session.ts). */
    sessionVersion: number;
  }
  interface User {
    sessionVersion?: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
  }
}

function providers(): Provider[] {
  const list: Provider[] = [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      // Attempts are counted before this runs (lib/server/rate-limit/auth-limits.ts), by
      // the sign-in action and by the /api/auth/callback/credentials route.
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse({ email: raw?.email, password: raw?.password });
        if (!parsed.success) return null;
        const ip = clientIp(request.headers);
        const user = await verifyCredentials(parsed.data.email, parsed.data.password);
        if (!user) {
          await recordAudit({ action: "auth.sign_in", outcome: "failure", actorEmail: parsed.data.email, ip });
          return null;
        }
        await Promise.all([
          clearAccountAttempts(parsed.data.email),
          recordAudit({ action: "auth.sign_in", actorId: user.id, actorEmail: user.email, ip }),
        ]);
        return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
      },
    }),
  ];
  // OAuth providers switch on only when their credentials are configured.
  if (process.env.AUTH_GITHUB_ID && process.env.AUTH_GITHUB_SECRET) list.push(GitHub);
  if (process.env.AUTH_GOOGLE_ID && process.env.AUTH_GOOGLE_SECRET) list.push(Google);
  return list;
}

/** Which OAuth providers are on, for the sign-in page. */
export function oauthProviders(): { id: string; name: string }[] {
  const on: { id: string; name: string }[] = [];
  if (process.env.AUTH_GITHUB_ID && process.env.AUTH_GITHUB_SECRET) on.push({ id: "github", name: "GitHub" });
  if (process.env.AUTH_GOOGLE_ID && process.env.AUTH_GOOGLE_SECRET) on.push({ id: "google", name: "Google" });
  return on;
}

const config: NextAuthConfig = {
  providers: providers(),
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  trustHost: true,
  // A wrong password is an expected outcome, not a server error: no stack traces for it.
  logger: {
    error(error) {
      // `type`, not `name`: class names are minified in the production build.
      if ((error as { type?: string }).type === "CredentialsSignin" || error.name === "CredentialsSignin") return;
      logger.error("auth error", { err: error });
    },
    warn(code) {
      logger.warn("auth warning", { code });
    },
  },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  callbacks: {
    async jwt({ token, user, account }) {
      if (account && account.provider !== "credentials") {
        const linked = await linkOAuthUser({
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          email: user?.email ?? token.email ?? null,
          name: user?.name ?? token.name ?? null,
        });
        token.uid = linked.id;
        token.sv = linked.sessionVersion;
      } else if (user?.id) {
        token.uid = user.id;
        token.sv = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (token.uid) session.user.id = token.uid;
      session.sessionVersion = token.sv ?? 0;
      return session;
    },
  },
};

export const { handlers, auth, signIn, signOut } = NextAuth(config);
