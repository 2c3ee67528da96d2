import type { AgentHost, AuditWarning, Domain, Host, NmapRun, PingStats, ProbeRecord, Workgroup } from "../schema/audit.js";
import type { Progress } from "../lib/progress.js";

/** What the consultant asked for (CLI flags, after defaults). */
export interface ScanOptions {
  /** Targets as given (IPs, CIDRs, ranges); empty → auto-detected private subnets. */
  targets: string[];
  exclude: string[];
  /** SNMP communities to try, in order (default ["public"]). Never written to the Audit. */
  snmpCommunities: string[];
  /** Extra hosts for WAN health pings (besides gateway and DNS servers). */
  pingTargets: string[];
  /** Overall packet budget (nmap --max-rate), default 300. */
  maxPacketsPerSecond: number;
  /** A host's service scan is cut off after this (nmap --host-timeout). */
  perHostTimeoutSeconds: number;
  /** Hosts per nmap service-scan batch. */
  parallelHosts: number;
  /** Raw sockets available (root / CAP_NET_RAW): ARP discovery, SYN scan, -O. */
  privileged: boolean;
  client: { name: string; site?: string };
  authorizedBy?: string;
}

/** The parts of the Audit that gatherers fill in besides hosts. */
export interface AuditDraft {
  agent?: AgentHost;
  directory: { domains: Domain[]; workgroups: Workgroup[] };
  network: { gateway?: PingStats; dns: PingStats[]; wan: PingStats[] };
  nmap: NmapRun[];
  warnings: AuditWarning[];
  probes: ProbeRecord[];
}

export interface GatherContext {
  readonly options: ScanOptions;
  /** Addresses that may receive packets: the scope with exclusions removed. Check with isAllowed. */
  readonly scope: { targets: string[]; excluded: string[] };
  isAllowed(ip: string): boolean;
  readonly signal: AbortSignal;
  readonly progress: Progress;
  readonly draft: AuditDraft;
  /** Live hosts found so far. */
  hosts(): Host[];
  /** Merge facts about one host (creates it if new); `source` is the gatherer id. */
  addHostFacts(ip: string, facts: Partial<Host>, source: string): void;
  warn(source: string, message: string, host?: string): void;
  /** Records what was sent (engagement.probes); call the returned function when done. */
  probe(record: Omit<ProbeRecord, "startedAt" | "status">): (status: ProbeRecord["status"], message?: string) => void;
}

/**
 * A collector: one source of facts. Phases run in order; gatherers of one phase run in parallel.
 * local: the agent's own host · discovery: live hosts · services: ports and scripts ·
 * enrich: directory, SNMP, announcements · network: WAN/LAN health.
 * A gatherer that throws is recorded as a warning; the scan goes on.
 */
export interface Gatherer {
  id: string;
  version: number;
  phase: "local" | "discovery" | "services" | "enrich" | "network";
  run(ctx: GatherContext): Promise<void>;
}

export function defineGatherer(gatherer: Gatherer): Gatherer {
  return gatherer;
}
