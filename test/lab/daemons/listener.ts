/**
 * A small TCP listener for well-known product ports (RPC, RDP, Veeam, JetDirect, …) inside a lab
 * host's namespace. Usage: `listener.ts '<json ListenerPort[]>'`. Each port sends a banner, answers
 * HTTP with a titled page, answers an RDP connection request, or else accepts and closes the
 * connection at the client's first bytes, so a service scan of it ends in seconds rather than
 * minutes of probe time-outs.
 */
import { createServer, type Socket } from "node:net";
import type { ListenerPort } from "../scenarios/types.js";

const ports = JSON.parse(process.argv[2] ?? "[]") as ListenerPort[];
const IDLE_MS = 30_000;

function serveHttp(sock: Socket, title: string): void {
  sock.once("data", () => {
    const body = `<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>\n`;
    sock.end(
      `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

/** A device's greeting (latin1, so telnet IAC bytes pass); the first line typed is refused. */
function serveBanner(sock: Socket, banner: string): void {
  sock.write(Buffer.from(banner, "latin1"));
  sock.on("data", (d: Buffer) => {
    if (d[0] !== 0xff) sock.end("\r\nInvalid password\r\n");
  });
}

/** X.224 Connection Confirm with an RDP Negotiation Response selecting TLS (PROTOCOL_SSL). */
const RDP_CONFIRM = Buffer.from("030000130ed00000123400021f080002000000", "hex");

function serveRdp(sock: Socket): void {
  sock.once("data", (d: Buffer) => {
    if (d[0] === 0x03 && d[1] === 0x00) sock.end(RDP_CONFIRM);
    else sock.destroy();
  });
}

for (const p of ports) {
  const server = createServer((sock) => {
    sock.on("error", () => sock.destroy());
    sock.setTimeout(IDLE_MS, () => sock.destroy());
    if (p.httpTitle) return serveHttp(sock, p.httpTitle);
    if (p.rdp) return serveRdp(sock);
    if (p.banner) return serveBanner(sock, p.banner);
    sock.once("data", () => sock.destroy());
  });
  server.on("error", (e) => {
    console.error(`listener: port ${p.port}: ${e.message}`);
    process.exit(1);
  });
  server.listen(p.port, "0.0.0.0");
}

for (const sig of ["SIGTERM", "SIGINT"] as const) process.on(sig, () => process.exit(0));
