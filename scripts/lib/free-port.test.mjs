import net from "node:net";
import { describe, expect, it } from "vitest";
import { getFreePort, getFreePorts } from "./free-port.mjs";

const listen = (port) =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(port, "127.0.0.1", () => resolve(s));
  });

describe("free ports", () => {
  it("returns a port that can be bound", async () => {
    const port = await getFreePort();
    expect(port).toBeGreaterThan(0);
    const s = await listen(port);
    s.close();
  });

  it("returns distinct ports", async () => {
    const ports = await getFreePorts(3);
    expect(new Set(ports).size).toBe(3);
  });
});
