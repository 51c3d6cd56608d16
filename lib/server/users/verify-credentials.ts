import "server-only";
import { db } from "@/lib/server/db";
import { verifyPassword } from "@/lib/server/password";

/** The user for an email and password, or null. Takes as long whether or not the email exists. */
export async function verifyCredentials(email: string, password: string) {
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true, sessionVersion: true },
  });
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!user || !ok) return null;
  return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
}
