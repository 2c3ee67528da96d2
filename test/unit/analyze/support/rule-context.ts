import type { Answers } from "../../../../schema/answers.js";
import type { Device, Environment, Role } from "../../../../schema/assessment.js";
import { type AuditInput, AuditSchema, type HostInput } from "../../../../schema/audit.js";
import type { RuleContext } from "../../../../report/analyze/rules/define-rule.js";

/** Hand-made building blocks for rule, scoring and proposal tests. */

export const AS_OF = new Date("2026-11-20T09:00:00Z");

export function makeAudit(hosts: HostInput[], extra: Partial<AuditInput> = {}) {
  return AuditSchema.parse({
    schemaVersion: 1,
    tool: { name: "sweetspot", version: "0.1.0" },
    startedAt: AS_OF.toISOString(),
    status: "complete",
    client: { name: "Test Office" },
    agent: { gateway: "10.0.0.1", privileges: { admin: true, rawSockets: true } },
    scope: { targets: ["10.0.0.0/24"], autoDetected: false },
    engagement: { rate: {} },
    directory: {},
    network: {},
    hosts,
    ...extra,
  });
}

export function host(
  ip: string,
  services: HostInput["services"] = [],
  extra: Partial<HostInput> = {},
): HostInput {
  return { ip, status: { state: "up" }, services, ...extra };
}

export function tcp(port: number, name?: string, extra: Record<string, unknown> = {}) {
  return { port, protocol: "tcp" as const, state: "open", name, ...extra };
}

export function udp(port: number, name?: string, extra: Record<string, unknown> = {}) {
  return { port, protocol: "udp" as const, state: "open", name, ...extra };
}

export function device(ip: string, role: Role, extra: Partial<Device> = {}): Device {
  return { ip, role, roles: [role], confidence: 0.9, evidence: [], services: [], ...extra };
}

/** A well-run office: domain, business firewall, backups, UPS, protection. Tests override one part. */
export function healthyEnvironment(): Environment {
  return {
    directory: {
      kind: "domain",
      name: "corp.example",
      netbiosName: "CORP",
      controllers: [
        { ip: "10.0.0.10", name: "dc1" },
        { ip: "10.0.0.11", name: "dc2" },
      ],
      evidence: [],
    },
    counts: { workstations: 15, servers: 2, printers: 1, networkDevices: 4, total: 22, byRole: {} },
    servers: [],
    firewall: { present: true, grade: "business", vendor: "Fortinet", ip: "10.0.0.1", evidence: [] },
    backup: {
      onsite: "yes",
      offsite: "yes",
      systems: [{ ip: "10.0.0.20", product: "Synology" }],
      evidence: [],
    },
    power: { ups: "yes", devices: [{ ip: "10.0.0.30" }], evidence: [] },
    endpointProtection: { status: "yes", products: ["Defender"], evidence: [] },
    osCurrency: { endOfLife: [], endingSoon: [], supported: 15, unknown: 0 },
    riskyServices: [],
    network: {
      segments: ["10.0.0.0/24", "10.0.1.0/24"],
      flat: "no",
      wifi: { networks: [{ ssid: "Office", security: "WPA2" }], weak: [] },
      wan: { health: "good" },
    },
    downtime: { costPerHour: 900, costPerDay: 7200, currency: "USD", basis: [] },
  };
}

export interface ContextParts {
  hosts?: HostInput[];
  audit?: Partial<AuditInput>;
  devices?: Device[];
  environment?: Partial<Environment>;
  answers?: Answers;
  asOf?: Date;
}

export function makeContext(parts: ContextParts = {}): RuleContext {
  return {
    audit: makeAudit(parts.hosts ?? [], parts.audit),
    devices: parts.devices ?? [],
    environment: { ...healthyEnvironment(), ...parts.environment },
    answers: parts.answers ?? {},
    asOf: parts.asOf ?? AS_OF,
  };
}
