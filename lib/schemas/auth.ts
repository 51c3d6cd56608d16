import { z } from "zod";

/** Email as typed by a person: trimmed and lower-cased before validation. */
export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

/** 8–128 characters; the upper bound keeps hashing cheap and refuses abuse early. */
export const passwordSchema = z
  .string({ error: "Enter a password." })
  .min(8, "Use at least 8 characters.")
  .max(128, "Use at most 128 characters.");

export const signUpSchema = z
  .object({
    name: z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters."),
    email: emailSchema,
    password: passwordSchema,
    callbackUrl: z.string().max(2000).optional(),
  })
  .strict();

export const signInSchema = z
  .object({
    email: emailSchema,
    // Sign-in checks only the length bound: rules may change, old passwords must work.
    password: z.string().min(1, "Enter your password.").max(128, "Use at most 128 characters."),
    callbackUrl: z.string().max(2000).optional(),
  })
  .strict();

export type SignUpInput = z.infer<typeof signUpSchema>;
export type SignInInput = z.infer<typeof signInSchema>;
