import { z } from "zod";

/**
 * The Audit: what the agent observed on one visit. Facts only, never judgements
 * (no roles, scores or severities), so an old Audit can be re-analysed by newer rules.
 * Field names are a contract read by other tools: add fields, never rename.
 */
export const AUDIT_SCHEMA_VERSION = 1;

/** nmap NSE structured output: `<elem>` is a string, `<table>` an object (keyed) or array (unkeyed). */
export type ScriptData = string | ScriptData[] | { [key: string]: ScriptData };
export const ScriptDataSchema: z.ZodType<ScriptData> = z.lazy(() =>
  z.union([z.string(), z.array(ScriptDataSchema), z.record(z.string(), ScriptDataSchema)]),
);

export const ScriptResultSchema = z.object({
  output: z.string(),
  /** Structured `<elem>`/`<table>` content; absent when the script printed text only. */
  data: ScriptDataSchema.optional(),
});
/** Script id (e.g. "smb-os-discovery") → its result. */
export const ScriptsSchema = z.record(z.string(), ScriptResultSchema);

export const ServiceSchema = z.object({
  port: z.number().int().min(0).max(65535),
  protocol: z.enum(["tcp", "udp", "sctp", "ip"]),
  state: z.string(), // open, closed, filtered, open|filtered, unfiltered, closed|filtered
  reason: z.string().optional(),
  reasonTtl: z.number().optional(),
  name: z.string().optional(),
  product: z.string().optional(),
  version: z.string().optional(),
  extraInfo: z.string().optional(),
  tunnel: z.string().optional(),
  method: z.string().optional(), // probed | table
  confidence: z.number().optional(),
  osType: z.string().optional(),
  deviceType: z.string().optional(),
  hostname: z.string().optional(),
  serviceFp: z.string().optional(),
  cpe: z.array(z.string()).default([]),
  scripts: ScriptsSchema.default({}),
  /** Raw banner text read by the agent itself (capped), when nmap gave none. */
  banner: z.string().optional(),
});

export const OsClassSchema = z.object({
  type: z.string().optional(),
  vendor: z.string().optional(),
  family: z.string().optional(),
  generation: z.string().optional(),
  accuracy: z.number().optional(),
  cpe: z.array(z.string()).default([]),
});
export const OsMatchSchema = z.object({
  name: z.string(),
  accuracy: z.number(),
  line: z.number().optional(),
  classes: z.array(OsClassSchema).default([]),
});

export const HostnameSchema = z.object({
  name: z.string(),
  /** user (given), PTR (reverse DNS), netbios, mdns, ssdp, snmp … */
  type: z.string().default("PTR"),
});

export const NetbiosNameSchema = z.object({
  name: z.string(),
  /** NetBIOS suffix as two hex digits, e.g. "00", "20", "1c", "1b". */
  suffix: z.string(),
  group: z.boolean(),
});
export const NetbiosSchema = z.object({
  name: z.string().optional(),
  user: z.string().optional(),
  mac: z.string().optional(),
  names: z.array(NetbiosNameSchema).default([]),
});

export const UpsStatusSchema = z.object({
  source: z.string(), // "snmp-ups-mib" | "nut" | …
  model: z.string().optional(),
  manufacturer: z.string().optional(),
  /** Raw status as reported (UPS-MIB upsBatteryStatus name or NUT ups.status). */
  batteryStatus: z.string().optional(),
  chargePercent: z.number().optional(),
  runtimeMinutes: z.number().optional(),
  loadPercent: z.number().optional(),
  onBattery: z.boolean().optional(),
  raw: z.record(z.string(), z.string()).default({}),
});

export const SnmpSchema = z.object({
  sysDescr: z.string().optional(),
  sysObjectID: z.string().optional(),
  sysName: z.string().optional(),
  sysUpTimeSeconds: z.number().optional(),
  sysContact: z.string().optional(),
  sysLocation: z.string().optional(),
  ups: UpsStatusSchema.optional(),
  /** Never the community itself: only which of the configured ones answered (by position). */
  communityIndex: z.number().int().optional(),
});

export const TlsCertSchema = z.object({
  port: z.number().int(),
  subject: z.string().optional(),
  issuer: z.string().optional(),
  notBefore: z.string().optional(),
  notAfter: z.string().optional(),
  selfSigned: z.boolean().optional(),
  keyType: z.string().optional(),
  keyBits: z.number().optional(),
  sha256: z.string().optional(),
});

export const AnnouncementSchema = z.object({
  protocol: z.enum(["mdns", "ssdp"]),
  name: z.string().optional(),
  model: z.string().optional(),
  manufacturer: z.string().optional(),
  services: z.array(z.string()).default([]),
  raw: z.record(z.string(), z.string()).default({}),
});

export const HostSchema = z.object({
  ip: z.string(),
  ipv6: z.array(z.string()).default([]),
  mac: z.string().optional(),
  /** Vendor of the MAC's OUI as nmap names it. */
  vendor: z.string().optional(),
  hostnames: z.array(HostnameSchema).default([]),
  status: z.object({
    state: z.string(), // up | down | unknown
    reason: z.string().optional(),
    reasonTtl: z.number().optional(),
  }),
  latencyMs: z.number().optional(),
  distance: z.number().optional(),
  uptime: z.object({ seconds: z.number(), lastBoot: z.string().optional() }).optional(),
  times: z.object({ srtt: z.number(), rttvar: z.number(), to: z.number() }).optional(),
  os: z
    .object({
      matches: z.array(OsMatchSchema).default([]),
      portsUsed: z
        .array(z.object({ state: z.string(), protocol: z.string(), port: z.number() }))
        .default([]),
      fingerprint: z.string().optional(),
    })
    .optional(),
  services: z.array(ServiceSchema).default([]),
  /** Other ports nmap summarised (e.g. 990 closed). */
  extraPorts: z.array(z.object({ state: z.string(), count: z.number() })).default([]),
  scripts: ScriptsSchema.default({}),
  netbios: NetbiosSchema.optional(),
  snmp: SnmpSchema.optional(),
  tls: z.array(TlsCertSchema).default([]),
  announcements: z.array(AnnouncementSchema).default([]),
  /** UPS units this host reports by other means than SNMP (e.g. a NUT server: source "nut"). */
  ups: z.array(UpsStatusSchema).optional(),
  /** Other IPs answering with this host's MAC (proxy-ARP, a hypervisor, a router): flagged, not counted. */
  sharedMacWith: z.array(z.string()).default([]),
  /** Which collectors contributed facts about this host. */
  sources: z.array(z.string()).default([]),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  /** The host's scan ran out of its time budget: facts may be incomplete. */
  timedOut: z.boolean().optional(),
});

export const InterfaceSchema = z.object({
  name: z.string(),
  ip4: z.string().optional(),
  ip4Subnet: z.string().optional(),
  cidr: z.string().optional(),
  ip6: z.string().optional(),
  mac: z.string().optional(),
  type: z.string().optional(), // wired | wireless | virtual
  virtual: z.boolean().optional(),
  operstate: z.string().optional(),
  speedMbps: z.number().nullable().optional(),
  ssid: z.string().optional(),
});

export const WifiNetworkSchema = z.object({
  ssid: z.string(),
  bssid: z.string().optional(),
  security: z.array(z.string()).default([]),
  signalLevel: z.number().optional(),
  channel: z.number().optional(),
});

export const AgentHostSchema = z.object({
  hostname: z.string().optional(),
  os: z
    .object({
      platform: z.string(),
      distro: z.string().optional(),
      release: z.string().optional(),
      kernel: z.string().optional(),
      arch: z.string().optional(),
    })
    .optional(),
  interfaces: z.array(InterfaceSchema).default([]),
  gateway: z.string().optional(),
  dnsServers: z.array(z.string()).default([]),
  searchDomain: z.string().optional(),
  domainJoined: z.object({ joined: z.boolean(), domain: z.string().optional() }).optional(),
  privileges: z.object({
    user: z.string().optional(),
    admin: z.boolean(),
    rawSockets: z.boolean(),
  }),
  wifiNetworks: z.array(WifiNetworkSchema).default([]),
  /** Endpoint protection seen on the agent host itself (where the OS tells). */
  antivirus: z.array(z.string()).default([]),
  nodeVersion: z.string().optional(),
  nmapVersion: z.string().optional(),
});

export const ProbeRecordSchema = z.object({
  /** Collector id, e.g. "nmap-discovery", "nmap-services", "snmp", "dns-srv", "ping". */
  id: z.string(),
  tool: z.string().optional(),
  /** The command line run (argument array joined), with secrets removed. */
  command: z.string().optional(),
  targets: z.array(z.string()).default([]),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  status: z.enum(["ok", "error", "skipped", "interrupted"]),
  message: z.string().optional(),
});

export const PingStatsSchema = z.object({
  target: z.string(),
  /** gateway | dns | wan | custom */
  kind: z.string(),
  sent: z.number().int(),
  received: z.number().int(),
  lossPercent: z.number(),
  minMs: z.number().optional(),
  avgMs: z.number().optional(),
  maxMs: z.number().optional(),
  jitterMs: z.number().optional(),
});

export const DomainSchema = z.object({
  dnsName: z.string(),
  netbiosName: z.string().optional(),
  controllers: z
    .array(
      z.object({
        hostname: z.string().optional(),
        ip: z.string().optional(),
        port: z.number().optional(),
        source: z.string().optional(),
      }),
    )
    .default([]),
  functionalLevel: z.string().optional(),
  forestFunctionalLevel: z.string().optional(),
  domainControllerFunctionality: z.string().optional(),
  namingContext: z.string().optional(),
  forestName: z.string().optional(),
  /** Where this domain was seen: "dns-srv", "ldap-rootdse", "smb-os-discovery", "nbstat", "agent-host" … */
  sources: z.array(z.string()).default([]),
});

export const WorkgroupSchema = z.object({
  name: z.string(),
  hosts: z.array(z.string()).default([]),
  sources: z.array(z.string()).default([]),
});

export const WarningSchema = z.object({
  source: z.string(),
  message: z.string(),
  host: z.string().optional(),
});

export const NmapRunSchema = z.object({
  version: z.string().optional(),
  args: z.string().optional(),
  scanner: z.string().optional(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  /** The file it came from (import) or the phase that ran it (scan). */
  origin: z.string().optional(),
  scanInfo: z
    .array(z.object({ type: z.string(), protocol: z.string(), numServices: z.number(), services: z.string() }))
    .default([]),
  runstats: z
    .object({
      exit: z.string().optional(),
      elapsedSeconds: z.number().optional(),
      summary: z.string().optional(),
      hostsUp: z.number().optional(),
      hostsDown: z.number().optional(),
      hostsTotal: z.number().optional(),
    })
    .optional(),
  truncated: z.boolean().optional(),
});

export const AuditSchema = z.object({
  schemaVersion: z.literal(AUDIT_SCHEMA_VERSION),
  tool: z.object({ name: z.string(), version: z.string() }),
  auditId: z.string().optional(),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  status: z.enum(["complete", "partial"]),
  client: z.object({ name: z.string(), site: z.string().optional() }),
  /** The host the agent ran on; absent for an imported nmap scan. */
  agent: AgentHostSchema.optional(),
  scope: z.object({
    targets: z.array(z.string()),
    excluded: z.array(z.string()).default([]),
    autoDetected: z.boolean(),
  }),
  engagement: z.object({
    authorizedBy: z.string().optional(),
    rate: z.object({
      maxPacketsPerSecond: z.number().optional(),
      perHostTimeoutSeconds: z.number().optional(),
      parallelHosts: z.number().optional(),
    }),
    privileged: z.boolean().optional(),
    probes: z.array(ProbeRecordSchema).default([]),
  }),
  hosts: z.array(HostSchema),
  directory: z.object({
    domains: z.array(DomainSchema).default([]),
    workgroups: z.array(WorkgroupSchema).default([]),
  }),
  network: z.object({
    gateway: PingStatsSchema.optional(),
    dns: z.array(PingStatsSchema).default([]),
    wan: z.array(PingStatsSchema).default([]),
  }),
  nmap: z.array(NmapRunSchema).default([]),
  warnings: z.array(WarningSchema).default([]),
});

export type Audit = z.infer<typeof AuditSchema>;
export type Host = z.infer<typeof HostSchema>;
export type Service = z.infer<typeof ServiceSchema>;
export type ScriptResult = z.infer<typeof ScriptResultSchema>;
export type Scripts = z.infer<typeof ScriptsSchema>;
export type OsMatch = z.infer<typeof OsMatchSchema>;
export type Netbios = z.infer<typeof NetbiosSchema>;
export type Snmp = z.infer<typeof SnmpSchema>;
export type UpsStatus = z.infer<typeof UpsStatusSchema>;
export type TlsCert = z.infer<typeof TlsCertSchema>;
export type Announcement = z.infer<typeof AnnouncementSchema>;
export type AgentHost = z.infer<typeof AgentHostSchema>;
export type ProbeRecord = z.infer<typeof ProbeRecordSchema>;
export type PingStats = z.infer<typeof PingStatsSchema>;
export type Domain = z.infer<typeof DomainSchema>;
export type Workgroup = z.infer<typeof WorkgroupSchema>;
export type AuditWarning = z.infer<typeof WarningSchema>;
export type NmapRun = z.infer<typeof NmapRunSchema>;
/** What producers write (defaults optional). */
export type AuditInput = z.input<typeof AuditSchema>;
export type HostInput = z.input<typeof HostSchema>;
