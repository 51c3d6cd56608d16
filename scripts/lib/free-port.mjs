// Free TCP ports: bind port 0 and let the kernel pick one that nobody is listening on.
// (Port 3100 and friends are taken on some machines; never hard-code a port.)
import net from "node:net";

/**
 * Resolve a currently-free TCP port on `host` (default 127.0.0.1).
 * There is an unavoidable window between closing our probe socket and the real
 * server binding, so callers should start the server soon after.
 * @param {string} [host]
 * @returns {Promise<number>}
 */
export function getFreePort(host = "127.0.0.1") {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen({ port: 0, host, exclusive: true }, () => {
      const addr = srv.address();
      if (!addr || typeof addr === "string") {
        srv.close();
        reject(new Error("could not determine a free port"));
        return;
      }
      const { port } = addr;
      srv.close((err) => (err ? reject(err) : resolve(port)));
    });
  });
}

/**
 * Several distinct free ports (held open together so they cannot collide).
 * @param {number} n
 * @param {string} [host]
 * @returns {Promise<number[]>}
 */
export async function getFreePorts(n, host = "127.0.0.1") {
  const servers = [];
  try {
    for (let i = 0; i < n; i++) {
      const srv = net.createServer();
      servers.push(srv);
      await new Promise((resolve, reject) => {
        srv.once("error", reject);
        srv.listen({ port: 0, host, exclusive: true }, () => resolve(undefined));
      });
    }
    return servers.map((s) => {
      const a = s.address();
      if (!a || typeof a === "string") throw new Error("could not determine a free port");
      return a.port;
    });
  } finally {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(() => r(undefined)))));
  }
}
