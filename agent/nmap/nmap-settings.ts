/** How nmap is run, besides the consultant's scan options. */
export interface NmapSettings {
  /** The nmap binary (default: "nmap" on PATH). */
  path?: string;
  /** Resolvers for the reverse lookups (the reverse-dns gatherer); by default the host's. */
  dnsServers?: string[];
  /** No reverse DNS at all (only for tests against 127.0.0.1). */
  noDns?: boolean;
}

/**
 * nmap never resolves names itself (-n): its reverse lookups of a batch went to the system
 * resolver and a dead resolver stalled the scan for minutes (BENCHMARKS.md). The reverse-dns
 * gatherer asks for PTR names instead, all at once, with a short timeout.
 */
export function dnsArgs(): string[] {
  return ["-n"];
}

export function excludeArgs(excludes: string[]): string[] {
  return excludes.length ? ["--exclude", excludes.join(",")] : [];
}
