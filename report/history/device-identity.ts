/**
 * Which device in one audit is which device in another. Strongest evidence first:
 * 1. MAC address (ignoring all-zero, broadcast and multicast MACs, and a MAC several devices
 *    answer with: proxy-ARP, a router in front of a subnet, a hypervisor's shared NIC);
 * 2. host name, case-insensitive, on its first label (NetBIOS "FS01" = PTR "fs01.office.lan"),
 *    when the name is unique on both sides;
 * 3. IP address (DHCP moves addresses, so last), and only when nothing contradicts it:
 *    two known MACs that differ, or two known names that differ, are two different devices.
 */
export interface DeviceIdentity {
  ip: string;
  mac?: string;
  /** Every name the device answers to (DNS PTR, NetBIOS, mDNS, SNMP sysName…). */
  names: string[];
  /** The analysis already saw other IPs answering with this MAC. */
  sharedMac?: boolean;
}

export type MatchedBy = "mac" | "name" | "ip";

export interface DevicePair<T> {
  previous: T;
  current: T;
  matchedBy: MatchedBy;
}

export interface DeviceMatch<T> {
  pairs: DevicePair<T>[];
  /** In the current audit only. */
  added: T[];
  /** In the previous audit only. */
  removed: T[];
}

export function matchDevices<T>(
  previous: T[],
  current: T[],
  identify: (device: T, side: "previous" | "current") => DeviceIdentity,
): DeviceMatch<T> {
  const before = keyed(previous.map((device) => identify(device, "previous")));
  const after = keyed(current.map((device) => identify(device, "current")));
  const takenBefore = new Set<number>();
  const takenAfter = new Set<number>();
  const pairs: Array<{ i: number; j: number; matchedBy: MatchedBy }> = [];

  const pass = (
    matchedBy: MatchedBy,
    keysOf: (k: Keys) => string[],
    allowed: (a: Keys, b: Keys) => boolean,
  ) => {
    const index = new Map<string, number[]>();
    before.forEach((k, i) => {
      if (takenBefore.has(i)) return;
      for (const key of keysOf(k)) index.set(key, [...(index.get(key) ?? []), i]);
    });
    after.forEach((k, j) => {
      if (takenAfter.has(j)) return;
      for (const key of keysOf(k)) {
        const candidates = (index.get(key) ?? []).filter((i) => !takenBefore.has(i));
        const i = candidates.length === 1 ? candidates[0]! : undefined;
        if (i === undefined || !allowed(before[i]!, k)) continue;
        takenBefore.add(i);
        takenAfter.add(j);
        pairs.push({ i, j, matchedBy });
        break;
      }
    });
  };

  pass(
    "mac",
    (k) => (k.mac ? [k.mac] : []),
    () => true,
  );
  pass(
    "name",
    (k) => k.names,
    () => true,
  );
  pass(
    "ip",
    (k) => [k.ip],
    (a, b) => !contradicts(a, b),
  );

  return {
    pairs: pairs
      .sort((a, b) => a.j - b.j)
      .map(({ i, j, matchedBy }) => ({
        previous: previous[i]!,
        current: current[j]!,
        matchedBy,
      })),
    added: current.filter((_, j) => !takenAfter.has(j)),
    removed: previous.filter((_, i) => !takenBefore.has(i)),
  };
}

/** "00:1a:2b:3c:4d:5e" from any common spelling; undefined when not a usable device MAC. */
export function normalizeMac(mac: string | undefined): string | undefined {
  if (!mac) return undefined;
  const hex = mac.replace(/[^0-9a-fA-F]/g, "").toLowerCase();
  if (hex.length !== 12) return undefined;
  if (/^0+$/.test(hex) || /^f+$/.test(hex)) return undefined;
  // Multicast bit: never a single device's address.
  if (Number.parseInt(hex.slice(0, 2), 16) & 1) return undefined;
  return hex.match(/../g)!.join(":");
}

/** "fs01" from "FS01", "fs01.office.lan." or "FS01<20>"; undefined for an address or a placeholder. */
export function normalizeName(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const trimmed = name
    .trim()
    .toLowerCase()
    .replace(/<[0-9a-f]{2}>$/, "")
    .replace(/\.$/, "");
  if (!trimmed || /^[0-9.]+$/.test(trimmed) || trimmed.includes(":")) return undefined;
  const first = trimmed.split(".")[0]!;
  if (!first || first === "localhost" || first === "unknown") return undefined;
  return first;
}

// --- internal ---

interface Keys {
  ip: string;
  mac?: string;
  names: string[];
}

function keyed(identities: DeviceIdentity[]): Keys[] {
  const macCount = countBy(identities.map((d) => normalizeMac(d.mac)));
  const nameSets = identities.map((d) => [
    ...new Set(d.names.map(normalizeName).filter((n): n is string => !!n)),
  ]);
  const nameCount = countBy(nameSets.flat());
  return identities.map((d, index) => {
    const mac = normalizeMac(d.mac);
    return {
      ip: d.ip.trim().toLowerCase(),
      mac: mac && !d.sharedMac && macCount.get(mac) === 1 ? mac : undefined,
      names: nameSets[index]!.filter((n) => nameCount.get(n) === 1),
    };
  });
}

function contradicts(a: Keys, b: Keys): boolean {
  if (a.mac && b.mac && a.mac !== b.mac) return true;
  if (a.names.length && b.names.length && !a.names.some((n) => b.names.includes(n))) return true;
  return false;
}

function countBy(values: Array<string | undefined>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
