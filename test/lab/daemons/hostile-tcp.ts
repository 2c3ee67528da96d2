/**
 * Hostile TCP peers for the `hostile` lab scenario. Usage: `hostile-tcp.ts '<json HostileTcpPort[]>'`.
 * tarpit: accept, read and discard, never write, never close (the agent's own timeouts must end it).
 * reset: accept and abort at once with a TCP RST.
 */
import { createServer, type Socket } from "node:net";
import type { HostileTcpPort } from "../scenarios/hostile.js";

const ports = JSON.parse(process.argv[2] ?? "[]") as HostileTcpPort[];
const held: Socket[] = [];

for (const p of ports) {
  const server = createServer((sock) => {
    sock.on("error", () => sock.destroy());
    if (p.behaviour === "reset") {
      sock.resetAndDestroy();
      return;
    }
    held.push(sock);
    sock.on("data", () => undefined);
    sock.on("close", () => held.splice(held.indexOf(sock), 1));
  });
  server.on("error", (e) => {
    console.error(`hostile-tcp: port ${p.port}: ${e.message}`);
    process.exit(1);
  });
  server.listen(p.port, "0.0.0.0");
}

for (const sig of ["SIGTERM", "SIGINT"] as const) process.on(sig, () => process.exit(0));
