import ipaddr from "ipaddr.js";
import { cidrToRange, numberToIp } from "./ipv4-ranges.js";

/** The fields of systeminformation's networkInterfaces() that scope detection reads. */
export interface LocalInterface {
  iface: string;
  ip4: string;
  ip4subnet: string;
  internal?: boolean;
  operstate?: string;
}

export type ListInterfaces = () => Promise<LocalInterface[]>;

export interface LocalSubnet {
  iface: string;
  address: string;
  cidr: string;
}

/** The agent host's own private IPv4 subnets (RFC 1918), one per interface, loopback and down links left out. */
export function detectLocalSubnets(interfaces: LocalInterface[]): LocalSubnet[] {
  const seen = new Set<string>();
  const out: LocalSubnet[] = [];
  for (const nic of interfaces) {
    if (nic.internal || nic.operstate === "down") continue;
    if (!ipaddr.IPv4.isValidFourPartDecimal(nic.ip4 ?? "")) continue;
    if (ipaddr.IPv4.parse(nic.ip4).range() !== "private") continue;
    const prefix = prefixFromMask(nic.ip4subnet);
    if (prefix === undefined || prefix === 32) continue;
    const cidr = `${numberToIp(cidrToRange(`${nic.ip4}/${prefix}`).first)}/${prefix}`;
    if (seen.has(cidr)) continue;
    seen.add(cidr);
    out.push({ iface: nic.iface, address: nic.ip4, cidr });
  }
  return out;
}

function prefixFromMask(mask: string | undefined): number | undefined {
  if (!mask || !ipaddr.IPv4.isValidFourPartDecimal(mask)) return undefined;
  try {
    return ipaddr.IPv4.parse(mask).prefixLengthFromSubnetMask() ?? undefined;
  } catch {
    return undefined;
  }
}

/** systeminformation's view of the interfaces (imported lazily: it is slow to load). */
export const listInterfacesWithSysteminformation: ListInterfaces = async () => {
  const si = await import("systeminformation");
  const result = await si.networkInterfaces();
  const list = Array.isArray(result) ? result : [result];
  return list.map((nic) => ({
    iface: nic.iface,
    ip4: nic.ip4,
    ip4subnet: nic.ip4subnet,
    internal: nic.internal,
    operstate: nic.operstate,
  }));
};
