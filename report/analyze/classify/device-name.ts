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
  const name =
    cleanName(netbios?.name) ??
    cleanName(netbiosUnique?.name) ??
    cleanName(hostname) ??
    cleanName(host.snmp?.sysName) ??
    cleanName(smbInfo(host).computerName?.value) ??
    cleanName(ntlmInfo(host).computerName?.value);
  if (name) return name;
  const services = openServices(host);
  for (let s = 0; s < services.length; s++) {
    const serviceHostname = cleanName(services[s]!.hostname);
    if (serviceHostname) return serviceHostname;
  }
  return undefined;
}
