import ipaddr from "ipaddr.js";
import type { Audit } from "../../../schema/audit.js";

/**
 * Whether the scan can vouch for an absence: it finished, and its targets cover every private
 * subnet of the agent host. An imported scan (no agent) cannot tell which subnet the office
 * uses, so it never vouches for an absence.
 */
export function scanCoversOffice(audit: Audit): boolean {
  if (audit.status !== "complete" || !audit.agent) return false;
  if (audit.scope.autoDetected) return true;
  const subnets = audit.agent.interfaces
    .map((entry) => entry.cidr)
    .filter((cidr): cidr is string => !!cidr && isPrivateIpv4Cidr(cidr));
  if (subnets.length === 0) return false;
  return subnets.every((subnet) => audit.scope.targets.some((target) => cidrContains(target, subnet)));
}

// --- internal ---

function isPrivateIpv4Cidr(cidr: string): boolean {
  try {
    const [address] = ipaddr.parseCIDR(cidr);
    return address.kind() === "ipv4" && address.range() === "private";
  } catch {
    return false;
  }
}

function cidrContains(outer: string, inner: string): boolean {
  try {
    const [outerAddress, outerBits] = outer.includes("/")
      ? ipaddr.parseCIDR(outer)
      : [ipaddr.parse(outer), 32];
    const [innerAddress, innerBits] = ipaddr.parseCIDR(inner);
    if (outerAddress.kind() !== innerAddress.kind() || outerBits > innerBits) return false;
    return innerAddress.match(outerAddress, outerBits);
  } catch {
    return false;
  }
}
