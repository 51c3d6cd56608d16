import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sendMail } from "./send-mail";

/** The smallest SMTP server nodemailer will talk to: accepts one message and keeps it. */
function fakeSmtp(): Promise<{ server: Server; port: number; messages: string[] }> {
  const messages: string[] = [];
  const server = createServer((socket: Socket) => {
    let inData = false;
    let data = "";
    let buffer = "";
    socket.write("220 fake ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let at: number;
      while ((at = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            messages.push(data);
            data = "";
            socket.write("250 OK queued\r\n");
          } else data += `${line}\n`;
          continue;
        }
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === "EHLO" || cmd === "HELO") socket.write("250 fake\r\n");
        else if (cmd === "DATA") {
          inData = true;
          socket.write("354 go ahead\r\n");
        } else if (cmd === "QUIT") socket.end("221 bye\r\n");
        else socket.write("250 OK\r\n");
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ server, port: (server.address() as AddressInfo).port, messages })),
  );
}

describe("sendMail", () => {
  let smtp: Awaited<ReturnType<typeof fakeSmtp>>;
  beforeAll(async () => {
    smtp = await fakeSmtp();
  });
  afterAll(() => {
    smtp.server.close();
    vi.unstubAllEnvs();
  });

  it("is a no-op (false) without SMTP settings", async () => {
    vi.stubEnv("SMTP_HOST", "");
    expect(await sendMail({ to: "a@example.test", subject: "s", text: "t" })).toBe(false);
  });

  it("delivers through the configured server", async () => {
    vi.stubEnv("SMTP_HOST", "127.0.0.1");
    vi.stubEnv("SMTP_PORT", String(smtp.port));
    vi.stubEnv("SMTP_SECURE", "false");
    vi.stubEnv("SMTP_FROM", "Remit <remit@example.test>");
    const ok = await sendMail({
      to: "guest@example.test",
      subject: "You are invited",
      text: "Open https://x/invite/abc",
    });
    expect(ok).toBe(true);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]).toContain("To: guest@example.test");
    expect(smtp.messages[0]).toContain("Subject: You are invited");
    expect(smtp.messages[0]).toContain("https://x/invite/abc");
  });

  it("returns false when the server cannot be reached", async () => {
    vi.stubEnv("SMTP_HOST", "127.0.0.1");
    vi.stubEnv("SMTP_PORT", "1");
    vi.stubEnv("SMTP_FROM", "remit@example.test");
    expect(await sendMail({ to: "a@example.test", subject: "s", text: "t" })).toBe(false);
  });
});
