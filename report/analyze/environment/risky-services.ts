import type { Device, Environment } from "../../../schema/assessment.js";
import type { Audit, Host, Service } from "../../../schema/audit.js";
import { findScripts, openServices } from "../classify/host-facts.js";
import { deviceByIp } from "../device-index.js";

type RiskyService = Environment["riskyServices"][number];

/** Cleartext, legacy or remote-control services worth naming, by port. */
const RISKY_PORTS: { port: number | [number, number]; protocol: "tcp" | "udp"; service: string }[] = [
  { port: 23, protocol: "tcp", service: "telnet" },
  { port: 21, protocol: "tcp", service: "ftp" },
  { port: 69, protocol: "udp", service: "tftp" },
  { port: [512, 514], protocol: "tcp", service: "rsh/rlogin/rexec" },
  { port: 1723, protocol: "tcp", service: "pptp" },
  { port: [5900, 5903], protocol: "tcp", service: "vnc" },
  { port: 3389, protocol: "tcp", service: "rdp" },
];

/** Telnet, FTP (anonymous), TFTP, r-services, PPTP, VNC, RDP, SMBv1, default SNMP, UPnP on the gateway. */
export function buildRiskyServices(audit: Audit, devices: Device[]): RiskyService[] {
  const risky: RiskyService[] = [];
  const nameOf = (ip: string) => deviceByIp(devices, ip)?.name;
  for (const host of audit.hosts) {
    if (host.status.state === "down") continue;
    const add = (service: Pick<Service, "port" | "protocol">, label: string) => {
      const name = nameOf(host.ip);
      risky.push({
        ip: host.ip,
        port: service.port,
        protocol: service.protocol,
        service: label,
        ...(name ? { name } : {}),
      });
    };
    for (const service of openServices(host)) {
      const known = RISKY_PORTS.find(
        (entry) =>
          entry.protocol === service.protocol &&
          (typeof entry.port === "number"
            ? entry.port === service.port
            : service.port >= entry.port[0] && service.port <= entry.port[1]),
      );
      if (!known) continue;
      const anonymous =
        known.service === "ftp" &&
        /Anonymous FTP login allowed/i.test(service.scripts["ftp-anon"]?.output ?? "");
      add(service, anonymous ? "ftp (anonymous login)" : known.service);
    }
    if (smb1Enabled(host)) add({ port: 445, protocol: "tcp" }, "smbv1");
    if (host.snmp && host.snmp.communityIndex === 0)
      add({ port: 161, protocol: "udp" }, "snmp (default community)");
    if (audit.agent?.gateway === host.ip) {
      const upnp = openServices(host).find(
        (service) => service.port === 1900 || /upnp/i.test(service.name ?? ""),
      );
      if (upnp) add(upnp, "upnp on gateway");
    }
  }
  return risky;
}

// --- internal ---

function smb1Enabled(host: Host): boolean {
  return findScripts(host, "smb-protocols").some(({ value }) => /NT LM 0\.12|SMBv1/i.test(value.output));
}
