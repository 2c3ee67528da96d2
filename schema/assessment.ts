import { z } from "zod";

/**
 * The Assessment: judgements made from an Audit (plus interview answers and pricing), each
 * pointing back at the evidence that produced it. Written by `sweetspot report --json`; read by
 * the renderer and by other tools. Field names are a contract: add fields, never rename.
 */
export const ASSESSMENT_SCHEMA_VERSION = 1;

export const ROLES = [
  "domain-controller",
  "server",
  "file-server",
  "hypervisor",
  "firewall",
  "router",
  "switch",
  "access-point",
  "nas",
  "backup-server",
  "ups",
  "printer",
  "workstation",
  "laptop",
  "phone",
  "camera",
  "mobile",
  "iot",
  "unknown",
] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

export const TriStateSchema = z.enum(["yes", "no", "unknown"]);
export type TriState = z.infer<typeof TriStateSchema>;

/** One observed fact behind a judgement. */
export const EvidenceSchema = z.object({
  /** The host the fact is about (IP), when it is about one host. */
  host: z.string().optional(),
  /** Where the fact lives: a path into the Audit ("hosts[ip=10.0.0.5].services[445/tcp].scripts.smb-protocols") or "answers.<field>". */
  fact: z.string(),
  /** The observed value, as short text (capped). */
  observed: z.string(),
  /** scan | answers | agent | derived */
  source: z.enum(["scan", "answers", "agent", "derived"]).default("scan"),
  note: z.string().optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const DeviceSchema = z.object({
  ip: z.string(),
  mac: z.string().optional(),
  vendor: z.string().optional(),
  name: z.string().optional(),
  role: RoleSchema,
  /** Every role the evidence supports, strongest first (role === roles[0]). */
  roles: z.array(RoleSchema),
  /** 0..1 */
  confidence: z.number().min(0).max(1),
  evidence: z.array(EvidenceSchema),
  /** Best operating-system description, e.g. "Windows Server 2016 Standard 14393". */
  os: z.string().optional(),
  /** Product/model where known, e.g. "FortiGate 60F", "Smart-UPS 1500". */
  model: z.string().optional(),
  /** Short service list, e.g. ["445/tcp smb", "3389/tcp rdp"]. */
  services: z.array(z.string()).default([]),
  /** This device's MAC also answers for other IPs (proxy-ARP): counted once. */
  sharedMac: z.boolean().optional(),
});
export type Device = z.infer<typeof DeviceSchema>;

export const FindingSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  severity: SeveritySchema,
  category: z.string(),
  title: z.string(),
  /** open: counts; accepted: the consultant accepted it (answers.yaml), stays listed, leaves the score; error: the rule failed. */
  status: z.enum(["open", "accepted", "error"]).default("open"),
  hosts: z.array(z.string()),
  evidence: z.array(EvidenceSchema),
  /** Why it matters to the business, in plain language. */
  impact: z.string().default(""),
  recommendation: z.string(),
  references: z.array(z.string()).default([]),
  acceptedReason: z.string().optional(),
  errorMessage: z.string().optional(),
  /** Stable across audits: hash of id + hosts, for comparing visits. */
  fingerprint: z.string().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

/** Every rule's outcome, including passes, so the report can show what was checked. */
export const CheckSchema = z.object({
  id: z.string(),
  title: z.string(),
  category: z.string(),
  status: z.enum(["pass", "fail", "not-applicable", "unknown", "error"]),
});
export type Check = z.infer<typeof CheckSchema>;

/** Something neither the scan nor the answers told: a question for the consultant. */
export const QuestionSchema = z.object({
  id: z.string(),
  topic: z.string(),
  question: z.string(),
  why: z.string(),
  /** The answers.yaml field that would settle it. */
  answersField: z.string().optional(),
});
export type Question = z.infer<typeof QuestionSchema>;

/** A scan fact and an interview answer that disagree: both shown. */
export const ConflictSchema = z.object({
  topic: z.string(),
  scan: z.string(),
  answer: z.string(),
  answersField: z.string(),
});
export type Conflict = z.infer<typeof ConflictSchema>;

export const ScorePartSchema = z.object({
  factor: z.string(),
  points: z.number(),
  max: z.number(),
  evidence: z.array(EvidenceSchema).default([]),
  note: z.string().optional(),
});
export type ScorePart = z.infer<typeof ScorePartSchema>;

const HostRefSchema = z.object({ ip: z.string(), name: z.string().optional() });

export const EnvironmentSchema = z.object({
  directory: z.object({
    kind: z.enum(["domain", "workgroup", "unknown"]),
    name: z.string().optional(),
    netbiosName: z.string().optional(),
    controllers: z.array(HostRefSchema).default([]),
    functionalLevel: z.string().optional(),
    evidence: z.array(EvidenceSchema).default([]),
  }),
  counts: z
    .object({
      workstations: z.number().int(),
      servers: z.number().int(),
      printers: z.number().int(),
      networkDevices: z.number().int(),
      total: z.number().int(),
      byRole: z.record(z.string(), z.number().int()),
    })
    .passthrough(),
  servers: z
    .array(HostRefSchema.extend({ role: RoleSchema, os: z.string().optional(), serves: z.array(z.string()) }))
    .default([]),
  firewall: z.object({
    present: z.boolean(),
    grade: z.enum(["business", "consumer", "unknown"]),
    vendor: z.string().optional(),
    model: z.string().optional(),
    ip: z.string().optional(),
    evidence: z.array(EvidenceSchema).default([]),
  }),
  backup: z.object({
    onsite: TriStateSchema,
    offsite: TriStateSchema,
    systems: z.array(HostRefSchema.extend({ product: z.string() })).default([]),
    lastRestoreTest: z.string().optional(),
    evidence: z.array(EvidenceSchema).default([]),
  }),
  power: z.object({
    ups: TriStateSchema,
    devices: z
      .array(
        HostRefSchema.extend({
          model: z.string().optional(),
          batteryStatus: z.string().optional(),
          chargePercent: z.number().optional(),
          runtimeMinutes: z.number().optional(),
        }),
      )
      .default([]),
    evidence: z.array(EvidenceSchema).default([]),
  }),
  endpointProtection: z.object({
    status: TriStateSchema,
    products: z.array(z.string()).default([]),
    evidence: z.array(EvidenceSchema).default([]),
  }),
  osCurrency: z.object({
    endOfLife: z.array(HostRefSchema.extend({ os: z.string(), endOfLife: z.string() })).default([]),
    endingSoon: z.array(HostRefSchema.extend({ os: z.string(), endOfLife: z.string() })).default([]),
    supported: z.number().int().default(0),
    unknown: z.number().int().default(0),
  }),
  riskyServices: z
    .array(z.object({ ip: z.string(), name: z.string().optional(), port: z.number(), protocol: z.string(), service: z.string() }))
    .default([]),
  network: z.object({
    segments: z.array(z.string()).default([]),
    flat: TriStateSchema,
    wifi: z
      .object({
        networks: z.array(z.object({ ssid: z.string(), security: z.string() })).default([]),
        weak: z.array(z.string()).default([]),
      })
      .default({ networks: [], weak: [] }),
    wan: z
      .object({
        gatewayLatencyMs: z.number().optional(),
        gatewayLossPercent: z.number().optional(),
        internetLatencyMs: z.number().optional(),
        internetLossPercent: z.number().optional(),
        jitterMs: z.number().optional(),
        health: z.enum(["good", "degraded", "poor", "unknown"]),
      })
      .default({ health: "unknown" }),
  }),
  downtime: z.object({
    costPerHour: z.number().optional(),
    costPerDay: z.number().optional(),
    currency: z.string().default("USD"),
    basis: z.array(z.string()).default([]),
  }),
  employees: z.number().int().optional(),
  support: z.string().optional(),
  industry: z.string().optional(),
  regulated: z.boolean().optional(),
});
export type Environment = z.infer<typeof EnvironmentSchema>;

export const ProjectSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().default(""),
  low: z.number(),
  high: z.number(),
  findings: z.array(z.string()).default([]),
});
export type Project = z.infer<typeof ProjectSchema>;

export const ProposalSchema = z.object({
  monthly: z.object({ low: z.number(), high: z.number(), currency: z.string() }),
  onsiteHalfDaysPerMonth: z.number(),
  lineItems: z
    .array(z.object({ label: z.string(), quantity: z.number(), unitLow: z.number(), unitHigh: z.number() }))
    .default([]),
  projects: z.array(ProjectSchema),
  assumptions: z.array(z.string()),
  targetBand: z.object({ low: z.number(), high: z.number() }).optional(),
});
export type Proposal = z.infer<typeof ProposalSchema>;

export const DeviceChangeSchema = z.object({
  ip: z.string(),
  mac: z.string().optional(),
  name: z.string().optional(),
  role: RoleSchema,
  details: z.array(z.string()).default([]),
});
export const FindingChangeSchema = z.object({
  id: z.string(),
  title: z.string().optional(),
  severity: SeveritySchema.optional(),
  hosts: z.array(z.string()),
});
export const ChangesSchema = z.object({
  previous: z.object({ startedAt: z.string(), auditId: z.string().optional() }).optional(),
  devices: z.object({
    added: z.array(DeviceChangeSchema),
    removed: z.array(DeviceChangeSchema),
    changed: z.array(DeviceChangeSchema),
  }),
  findings: z.object({
    new: z.array(FindingChangeSchema),
    /** Fixed: the finding is gone from a device (or the office) that is still there. */
    resolved: z.array(FindingChangeSchema),
    persisting: z.array(FindingChangeSchema),
    /** Gone only because its device was not seen this time: not credited as a fix. */
    goneWithDevice: z.array(FindingChangeSchema).optional(),
  }),
  scores: z.object({
    fit: z.object({ before: z.number(), after: z.number() }),
    risk: z.object({ before: z.number(), after: z.number() }),
  }),
  /** Count deltas: devices, workstations, servers, printers, networkDevices, openFindings, … */
  counts: z.record(z.string(), z.object({ before: z.number(), after: z.number() })).optional(),
  history: z.array(
    z.object({
      startedAt: z.string(),
      devices: z.number(),
      fit: z.number(),
      risk: z.number(),
      openFindings: z.record(z.string(), z.number()).default({}),
    }),
  ),
});
export type Changes = z.infer<typeof ChangesSchema>;

export const AssessmentSchema = z.object({
  schemaVersion: z.literal(ASSESSMENT_SCHEMA_VERSION),
  tool: z.object({ name: z.string(), version: z.string() }),
  generatedAt: z.string(),
  client: z.object({ name: z.string(), site: z.string().optional() }),
  /** The Audit this was made from, summarised for the report's method/scope/limits appendix. */
  audit: z.object({
    auditId: z.string().optional(),
    schemaVersion: z.number(),
    startedAt: z.string(),
    finishedAt: z.string().optional(),
    status: z.enum(["complete", "partial"]),
    scope: z.object({ targets: z.array(z.string()), excluded: z.array(z.string()), autoDetected: z.boolean() }),
    agentHost: z.string().optional(),
    agentOs: z.string().optional(),
    privileged: z.boolean().optional(),
    authorizedBy: z.string().optional(),
    maxPacketsPerSecond: z.number().optional(),
    probes: z.array(z.object({ id: z.string(), status: z.string(), startedAt: z.string(), finishedAt: z.string().optional() })).default([]),
    warnings: z.array(z.string()).default([]),
    hostsScanned: z.number().int(),
  }),
  verdict: z.enum(["too-small", "sweet-spot", "beyond"]),
  verdictReasons: z.array(z.string()),
  scores: z.object({ fit: z.number().min(0).max(100), risk: z.number().min(0).max(100) }),
  scoreDetails: z.object({ fit: z.array(ScorePartSchema), risk: z.array(ScorePartSchema) }),
  environment: EnvironmentSchema,
  devices: z.array(DeviceSchema),
  findings: z.array(FindingSchema),
  checks: z.array(CheckSchema).default([]),
  questions: z.array(QuestionSchema).default([]),
  conflicts: z.array(ConflictSchema).default([]),
  proposal: ProposalSchema,
  changes: ChangesSchema.optional(),
  warnings: z.array(z.string()).default([]),
});
export type Assessment = z.infer<typeof AssessmentSchema>;
export type AssessmentInput = z.input<typeof AssessmentSchema>;
