import type { Host } from "../../../schema/audit.js";
import { netbiosOf, ntlmInfo, openServices, smbInfo } from "./host-facts.js";
import { cleanName } from "./text-cleanup.js";

/**
 * Device name: NetBIOS name, then PTR/mDNS hostname, then SNMP sysName, then SMB/RDP computer
 * name, then a host name nmap read from a service banner.
 */
export function deviceName(host: Host): string | undefined {
  const netbios = netbiosOf(host);
  const netbiosUnique = netbios?.names.find(
    (name) => !name.group && (name.suffix === "00" || name.suffix === "20"),
  );
  const hostname =
    host.hostnames.find((entry) => /^(user|PTR|mdns)$/i.test(entry.type))?.name ?? host.hostnames[0]?.name;
  const candidates = [
    netbios?.name,
    netbiosUnique?.name,
    hostname,
    host.snmp?.sysName,
    smbInfo(host).computerName?.value,
    ntlmInfo(host).computerName?.value,
    ...openServices(host).map((service) => service.hostname),
  ];
  for (const candidate of candidates) {
    const name = cleanName(candidate);
    if (name) return name;
  }
  return undefined;
}
