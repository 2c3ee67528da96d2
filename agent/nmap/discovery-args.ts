import { dnsArgs, excludeArgs, type NmapSettings } from "./nmap-settings.js";

/**
 * TCP ports probed to find hosts that drop ICMP (Windows workstations do by default): SSH, web,
 * RPC, NetBIOS, SMB, RDP, alternate web, raw printing. Unprivileged, nmap can only ping with
 * TCP connect(), and by default tries just 80 and 443.
 */
export const TCP_PING_PORTS = [22, 80, 135, 139, 443, 445, 3389, 8080, 9100];

export interface DiscoveryArgsInput {
  targets: string[];
  excludes: string[];
  privileged: boolean;
  maxPacketsPerSecond: number;
  settings: NmapSettings;
}

export function discoveryArgs(input: DiscoveryArgsInput): string[] {
  const tcpPing = `-PS${TCP_PING_PORTS.join(",")}`;
  // Privileged on a local Ethernet segment nmap uses ARP whatever the -P options say; these
  // probes matter for routed subnets.
  const probes = input.privileged ? ["-PE", "-PP", tcpPing, "-PA80,443"] : [tcpPing];
  return [
    "-sn",
    ...probes,
    "--max-rate",
    String(input.maxPacketsPerSecond),
    // nmap's own pacing idles far below the budget on an empty range (a /20 took 166 s, 28 s
    // with this); the ceiling stays --max-rate (BENCHMARKS.md).
    "--min-rate",
    String(input.maxPacketsPerSecond),
    "--stats-every",
    "2s",
    ...dnsArgs(),
    ...excludeArgs(input.excludes),
    "-oX",
    "-",
    ...input.targets,
  ];
}
