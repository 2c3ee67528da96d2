import type { Role } from "../../schema/assessment.js";

export type ScenarioName = "office" | "shop" | "growing" | "office-next-quarter" | "hostile";

export interface GroundTruthHost {
  ip: string;
  mac: string;
  /** nmap's vendor name for the MAC prefix (nmap-mac-prefixes). */
  vendor: string;
  role: Role;
  name: string;
  /** e.g. "445/tcp", "161/udp" */
  services: string[];
  notes?: string;
}

export interface GroundTruth {
  scenario: ScenarioName;
  cidr: string;
  gateway: string;
  dnsServer: string;
  searchDomain?: string;
  directory: { kind: "domain" | "workgroup"; name: string; netbiosName?: string; controllers: string[] };
  firewall: { grade: "business" | "consumer" | "unknown"; vendor?: string; ip: string };
  backup: { onsite: "yes" | "no"; offsite: "yes" | "no" | "unknown" };
  ups: "yes" | "no";
  expectedVerdict: "too-small" | "sweet-spot" | "beyond";
  /** An address in the lab's "internet" namespace the agent can ping. */
  internetTarget: string;
  /** Every lab host except the agent itself. */
  hosts: GroundTruthHost[];
  /** The agent's own address and MAC (it answers scans too, but is not part of the prospect's LAN). */
  agent: { ip: string; mac: string };
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

export interface LabHandle {
  scenario: ScenarioName;
  runId: string;
  agentNs: string;
  truth: GroundTruth;
  truthPath: string;
  /** run a command inside the agent namespace (argument array, no shell) */
  execInAgent(
    argv: string[],
    opts?: { timeoutMs?: number; env?: Record<string, string>; uid?: number },
  ): Promise<ExecResult>;
  down(): Promise<void>;
}

/** What the vitest global setup provides to the lab tests, per scenario brought up. */
export type ProvidedLabs = Partial<Record<ScenarioName, { agentNs: string; truthPath: string; runId: string }>>;
