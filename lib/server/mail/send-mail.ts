import "server-only";
import nodemailer from "nodemailer";
import { smtpConfig } from "@/lib/server/mail/mail-config";
import { logger } from "@/lib/server/logger";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends one plain-text email through the configured SMTP server. Returns false (and
 * logs, without the message body) when email is off or the server refuses: callers
 * always have another way (the copied link).
 */
export async function sendMail(mail: Mail): Promise<boolean> {
  const config = smtpConfig();
  if (!config) return false;
  try {
    const transport = nodemailer.createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure,
      auth: config.auth,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 15_000,
    });
    await transport.sendMail({ from: config.from, to: mail.to, subject: mail.subject, text: mail.text });
    return true;
  } catch (err) {
    logger.warn("sending an email failed", { err, host: config.host });
    return false;
  }
}
