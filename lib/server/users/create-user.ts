import "server-only";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { hashPassword } from "@/lib/server/password";
import type { SignUpInput } from "@/lib/schemas/auth";
import { isUniqueViolation } from "@/lib/server/prisma-errors";

export interface CreatedUser {
  id: string;
  name: string;
  email: string;
}

/** Creates an account with a password. A taken email is a coded error, never a 500. */
export async function createUser(input: Pick<SignUpInput, "name" | "email" | "password">): Promise<CreatedUser> {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw emailTaken();
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { name: input.name, email: input.email, passwordHash },
      select: { id: true, name: true, email: true },
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw emailTaken();
    throw e;
  }
}

function emailTaken() {
  return new AppError("ALREADY_EXISTS", "An account with this email already exists. Sign in instead.", {
    fields: { email: "An account with this email already exists. Sign in instead." },
  });
}
