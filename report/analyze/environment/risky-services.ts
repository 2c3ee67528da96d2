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
  const add = (host: Host, service: Pick<Service, "port" | "protocol">, label: string) => {
    const name = deviceByIp(devices, host.ip)?.name;
    risky.push({
      ip: host.ip,
      port: service.port,
      protocol: service.protocol,
      service: label,
      ...(name ? { name } : {}),
    });
  };
  // Indexed loops: this runs once per host, mostly before V8 optimises it, and an interpreted
  // for…of (or a callback) allocates at every step.
  for (let h = 0; h < audit.hosts.length; h++) {
    const host = audit.hosts[h]!;
    if (host.status.state === "down") continue;
    const services = openServices(host);
    for (let s = 0; s < services.length; s++) {
      const service = services[s]!;
      const known = riskyPort(service);
      if (!known) continue;
      const anonymous =
        known.service === "ftp" &&
        /Anonymous FTP login allowed/i.test(service.scripts["ftp-anon"]?.output ?? "");
      add(host, service, anonymous ? "ftp (anonymous login)" : known.service);
    }
    if (smb1Enabled(host)) add(host, { port: 445, protocol: "tcp" }, "smbv1");
    if (host.snmp && host.snmp.communityIndex === 0)
      add(host, { port: 161, protocol: "udp" }, "snmp (default community)");
    if (audit.agent?.gateway === host.ip) {
      const upnp = openServices(host).find(
        (service) => service.port === 1900 || /upnp/i.test(service.name ?? ""),
      );
      if (upnp) add(host, upnp, "upnp on gateway");
    }
  }
  return risky;
}

// --- internal ---

function riskyPort(service: Service): (typeof RISKY_PORTS)[number] | undefined {
  for (let r = 0; r < RISKY_PORTS.length; r++) {
    const entry = RISKY_PORTS[r]!;
    if (entry.protocol !== service.protocol) continue;
    const { port } = entry;
    if (typeof port === "number" ? port === service.port : service.port >= port[0] && service.port <= port[1])
      return entry;
  }
  return undefined;
}

function smb1Enabled(host: Host): boolean {
  const results = findScripts(host, "smb-protocols");
  for (let r = 0; r < results.length; r++) if (/NT LM 0\.12|SMBv1/i.test(results[r]!.value.output)) return true;
  return false;
}
