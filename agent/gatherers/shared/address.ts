import ipaddr from "ipaddr.js";

/** True when `ip` matches one of the exclusions (an address, a CIDR, or an nmap-style last-octet range). */
export function isExcluded(ip: string, excluded: readonly string[]): boolean {
  if (!ipaddr.isValid(ip)) return false;
  const address = ipaddr.parse(ip);
  for (const entry of excluded) {
    const item = entry.trim();
    if (item === ip) return true;
    if (item.includes("/")) {
      try {
        const [range, bits] = ipaddr.parseCIDR(item);
        if (range.kind() === address.kind() && address.match(range, bits)) return true;
      } catch {
        // not a CIDR: fall through
      }
      continue;
    }
    const dash = /^(\d+\.\d+\.\d+\.)(\d+)-(\d+)$/.exec(item);
    if (dash) {
      const [, prefix, low, high] = dash;
      if (ip.startsWith(prefix ?? "")) {
        const last = Number(ip.slice((prefix ?? "").length));
        if (last >= Number(low) && last <= Number(high)) return true;
      }
    }
  }
  return false;
}

export function isLoopback(ip: string): boolean {
  return ipaddr.isValid(ip) && ipaddr.parse(ip).range() === "loopback";
}

export function isIPv4(ip: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(ip);
}
