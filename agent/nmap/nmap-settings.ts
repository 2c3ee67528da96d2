/** How nmap is run, besides the consultant's scan options. */
export interface NmapSettings {
  /** The nmap binary (default: "nmap" on PATH). */
  path?: string;
  /** nmap --dns-servers for reverse lookups; by default nmap uses the host's resolver. */
  dnsServers?: string[];
  /** nmap -n: no reverse DNS at all (only for tests against 127.0.0.1). */
  noDns?: boolean;
}

export function dnsArgs(settings: NmapSettings): string[] {
  if (settings.noDns) return ["-n"];
  if (settings.dnsServers?.length) return ["--dns-servers", settings.dnsServers.join(",")];
  return [];
}

export function excludeArgs(excludes: string[]): string[] {
  return excludes.length ? ["--exclude", excludes.join(",")] : [];
}
