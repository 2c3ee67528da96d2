import ipaddr from "ipaddr.js";

/** An inclusive range of IPv4 addresses as unsigned 32-bit numbers. */
export interface Ipv4Range {
  first: number;
  last: number;
}

export function ipToNumber(ip: string): number {
  const bytes = ipaddr.IPv4.parse(ip).toByteArray();
  return (
    ((bytes[0] ?? 0) * 2 ** 24 + (bytes[1] ?? 0) * 2 ** 16 + (bytes[2] ?? 0) * 2 ** 8 + (bytes[3] ?? 0)) >>> 0
  );
}

export function numberToIp(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join(".");
}

export function cidrToRange(cidr: string): Ipv4Range {
  const [address, prefix] = ipaddr.IPv4.parseCIDR(cidr);
  const size = 2 ** (32 - prefix);
  const first = Math.floor(ipToNumber(address.toString()) / size) * size;
  return { first, last: first + size - 1 };
}

/** Sorted, non-overlapping, adjacent ranges joined. */
export function normalizeRanges(ranges: Ipv4Range[]): Ipv4Range[] {
  const sorted = [...ranges].sort((a, b) => a.first - b.first);
  const out: Ipv4Range[] = [];
  for (const range of sorted) {
    const last = out[out.length - 1];
    if (last && range.first <= last.last + 1) last.last = Math.max(last.last, range.last);
    else out.push({ ...range });
  }
  return out;
}

export function subtractRanges(from: Ipv4Range[], remove: Ipv4Range[]): Ipv4Range[] {
  let current = normalizeRanges(from);
  for (const cut of normalizeRanges(remove)) {
    const next: Ipv4Range[] = [];
    for (const range of current) {
      if (cut.last < range.first || cut.first > range.last) {
        next.push(range);
        continue;
      }
      if (cut.first > range.first) next.push({ first: range.first, last: cut.first - 1 });
      if (cut.last < range.last) next.push({ first: cut.last + 1, last: range.last });
    }
    current = next;
  }
  return current;
}

export function countAddresses(ranges: Ipv4Range[]): number {
  return normalizeRanges(ranges).reduce((sum, range) => sum + range.last - range.first + 1, 0);
}

export function rangesContain(ranges: Ipv4Range[], value: number): boolean {
  return ranges.some((range) => value >= range.first && value <= range.last);
}

/** The fewest CIDR blocks that cover a range exactly (what nmap accepts as targets). */
export function rangeToCidrs(range: Ipv4Range): string[] {
  const out: string[] = [];
  let start = range.first;
  while (start <= range.last) {
    let size = 1;
    while (start % (size * 2) === 0 && start + size * 2 - 1 <= range.last && size < 2 ** 32) size *= 2;
    out.push(`${numberToIp(start)}/${32 - Math.log2(size)}`);
    start += size;
  }
  return out;
}
