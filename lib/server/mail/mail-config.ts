import "server-only";
import { z } from "zod";

/**
 * Outgoing email is optional: it is on when SMTP_HOST and SMTP_FROM are set. Without
 * it, invitation links are only shown to copy. Read here rather than in lib/env.ts so
 * a bad value only switches email off (logged), never stops the app.
 */
const smtpSchema = z.object({
  SMTP_HOST: z.string().min(1),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  SMTP_FROM: z.string().min(3),
  SMTP_SECURE: z
    .enum(["true", "false", "1", "0", "yes", "no"])
    .optional()
    .transform((v) => (v === undefined ? undefined : ["true", "1", "yes"].includes(v))),
});

export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  auth?: { user: string; pass: string };
  from: string;
}

export function smtpConfig(env: Record<string, string | undefined> = process.env): SmtpConfig | null {
  if (!env.SMTP_HOST) return null;
  const parsed = smtpSchema.safeParse(env);
  if (!parsed.success) return null;
  const e = parsed.data;
  const secure = e.SMTP_SECURE ?? e.SMTP_PORT === 465;
  return {
    host: e.SMTP_HOST,
    port: e.SMTP_PORT ?? (secure ? 465 : 587),
    secure,
    auth: e.SMTP_USER && e.SMTP_PASSWORD ? { user: e.SMTP_USER, pass: e.SMTP_PASSWORD } : undefined,
    from: e.SMTP_FROM,
  };
}

export function isMailConfigured(): boolean {
  return smtpConfig() !== null;
}
