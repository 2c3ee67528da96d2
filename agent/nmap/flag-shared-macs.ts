import type { Host } from "../../schema/audit.js";

/**
 * One MAC answering for several IPs (a router's proxy-ARP, a hypervisor's NAT, a firewall's
 * alias addresses): each such host learns which other IPs share its MAC, so analysis counts
 * one device, not many. Returns ip → the other IPs, only for shared MACs.
 */
export function findSharedMacs(hosts: Pick<Host, "ip" | "mac">[]): Map<string, string[]> {
  const byMac = new Map<string, string[]>();
  for (const host of hosts) {
    if (!host.mac) continue;
    const mac = host.mac.toUpperCase();
    byMac.set(mac, [...(byMac.get(mac) ?? []), host.ip]);
  }
  const out = new Map<string, string[]>();
  for (const ips of byMac.values()) {
    if (ips.length < 2) continue;
    for (const ip of ips) out.set(ip, ips.filter((other) => other !== ip).sort());
  }
  return out;
}
