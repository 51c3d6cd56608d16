"use server";
import { AuthError } from "next-auth";
import { signIn, signOut } from "@/lib/server/auth";
import { publicFormAction, type FormState } from "@/lib/server/action";
import { signInSchema, signUpSchema } from "@/lib/schemas/auth";
import { createUser } from "@/lib/server/users/create-user";
import { endAllSessions } from "@/lib/server/users/end-all-sessions";
import { getCurrentUser } from "@/lib/server/session";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { headers } from "next/headers";
import { clientIp } from "@/lib/server/client-ip";
import { limitSignIn, limitSignUp } from "@/lib/server/rate-limit/auth-limits";

const WRONG_CREDENTIALS = "That email and password do not match an account.";

async function signInWithPassword(email: string, password: string, callbackUrl?: string): Promise<FormState | void> {
  const limit = await limitSignIn({ email, ip: clientIp(await headers()) });
  if (!limit.allowed) return { message: limit.message, values: { email } };
  try {
    await signIn("credentials", { email, password, redirectTo: safeCallbackPath(callbackUrl) });
  } catch (e) {
    if (e instanceof AuthError) return { message: WRONG_CREDENTIALS, values: { email } };
    throw e;
  }
}

export const signUpAction = publicFormAction(signUpSchema, async (data) => {
  const limit = await limitSignUp(clientIp(await headers()));
  if (!limit.allowed) return { message: limit.message, values: { name: data.name, email: data.email } };
  await createUser(data);
  return signInWithPassword(data.email, data.password, data.callbackUrl);
});

export const signInAction = publicFormAction(signInSchema, async (data) =>
  signInWithPassword(data.email, data.password, data.callbackUrl),
);

/** Signs out here and everywhere: the session version is bumped, so older tokens stop working. */
export async function signOutAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) await endAllSessions(user.id);
  await signOut({ redirectTo: "/sign-in" });
}
