import { readFile } from "node:fs/promises";
import type { GatherContext } from "../gatherer.js";

/**
 * Unprivileged nmap cannot read MAC addresses, but its TCP connect() probes make the kernel
 * resolve every live neighbour on a local subnet: the kernel's ARP table (world-readable on
 * Linux) then holds their MACs. This reads that table and nmap's own OUI list.
 */
export function parseProcNetArp(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split("\n").slice(1)) {
    const [ip, , flags, mac] = line.trim().split(/\s+/);
    if (!ip || !mac || !flags) continue;
    // 0x2 = complete entry; 00:00:00:00:00:00 = incomplete
    if ((Number.parseInt(flags, 16) & 0x2) === 0 || mac === "00:00:00:00:00:00") continue;
    out.set(ip, mac.toUpperCase());
  }
  return out;
}

/** nmap-mac-prefixes: "0050F2 Microsoft" lines → prefix → vendor. */
export function parseMacPrefixes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split("\n")) {
    const match = /^([0-9A-F]{6,9})\s+(.+)$/i.exec(line.trim());
    if (match?.[1] && match[2]) out.set(match[1].toUpperCase(), match[2]);
  }
  return out;
}

export function vendorOf(mac: string, prefixes: Map<string, string>): string | undefined {
  const hex = mac.replace(/[^0-9A-F]/gi, "").toUpperCase();
  return prefixes.get(hex.slice(0, 9)) ?? prefixes.get(hex.slice(0, 7)) ?? prefixes.get(hex.slice(0, 6));
}

const MAC_PREFIX_FILES = ["/usr/share/nmap/nmap-mac-prefixes", "/usr/local/share/nmap/nmap-mac-prefixes"];

export async function readKernelArpCache(): Promise<{
  macs: Map<string, string>;
  prefixes: Map<string, string>;
}> {
  const macs = parseProcNetArp(await readFile("/proc/net/arp", "utf8").catch(() => ""));
  let prefixes = new Map<string, string>();
  for (const file of MAC_PREFIX_FILES) {
    const text = await readFile(file, "utf8").catch(() => "");
    if (text) {
      prefixes = parseMacPrefixes(text);
      break;
    }
  }
  return { macs, prefixes };
}

/** Gives hosts without a MAC the one the kernel's ARP table holds for them (with nmap's vendor name). */
export async function fillMacsFromArpCache(
  ctx: GatherContext,
  read: typeof readKernelArpCache = readKernelArpCache,
): Promise<void> {
  const without = ctx.hosts().filter((host) => !host.mac);
  if (without.length === 0) return;
  const { macs, prefixes } = await read();
  for (const host of without) {
    const mac = macs.get(host.ip);
    if (!mac) continue;
    const vendor = vendorOf(mac, prefixes);
    ctx.addHostFacts(host.ip, { mac, ...(vendor ? { vendor } : {}) }, "kernel-arp-cache");
  }
}
