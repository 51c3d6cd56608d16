import { describe, expect, it } from "vitest";
import { smtpConfig } from "./mail-config";

describe("smtpConfig", () => {
  it("is off without a host or a sender", () => {
    expect(smtpConfig({})).toBeNull();
    expect(smtpConfig({ SMTP_HOST: "smtp.example.com" })).toBeNull();
  });
  it("reads port, TLS and credentials", () => {
    expect(
      smtpConfig({
        SMTP_HOST: "smtp.example.com",
        SMTP_PORT: "465",
        SMTP_USER: "remit",
        SMTP_PASSWORD: "secret",
        SMTP_FROM: "Remit <remit@example.com>",
      }),
    ).toEqual({
      host: "smtp.example.com",
      port: 465,
      secure: true,
      auth: { user: "remit", pass: "secret" },
      from: "Remit <remit@example.com>",
    });
    expect(smtpConfig({ SMTP_HOST: "h", SMTP_FROM: "a@b.c", SMTP_SECURE: "false" })).toMatchObject({
      port: 587,
      secure: false,
      auth: undefined,
    });
  });
  it("switches off on a bad value instead of failing", () => {
    expect(smtpConfig({ SMTP_HOST: "h", SMTP_FROM: "a@b.c", SMTP_PORT: "not-a-port" })).toBeNull();
  });
});
