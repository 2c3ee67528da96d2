import type { Device, Evidence, Role, Severity } from "../../../schema/assessment.js";
import type { Audit, Host, Service } from "../../../schema/audit.js";
import { findScripts } from "../classify/host-facts.js";
import { deviceByIp } from "../device-index.js";
import { memoisedPerObject } from "../remembered-lookups.js";
import type { RuleContext, RuleOutcome } from "./define-rule.js";

/** A module constant, not a literal in cap(): every piece of evidence is capped. */
const WHITESPACE_RUNS = /\s+/g;

/** Observed values come from the network (attacker-controlled): keep them short. */
export const OBSERVED_MAX = 200;

export function cap(text: string, max = OBSERVED_MAX): string {
  const clean = text.replace(WHITESPACE_RUNS, " ").trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

export const SERVER_ROLES: readonly Role[] = [
  "domain-controller",
  "server",
  "file-server",
  "hypervisor",
  "backup-server",
];
export const WORKSTATION_ROLES: readonly Role[] = ["workstation", "laptop"];
export const INFRASTRUCTURE_ROLES: readonly Role[] = [
  "firewall",
  "router",
  "switch",
  "access-point",
  "nas",
  "ups",
  "hypervisor",
];

export function hostPath(host: Pick<Host, "ip">): string {
  return `hosts[ip=${host.ip}]`;
}

export function servicePath(host: Pick<Host, "ip">, service: Pick<Service, "port" | "protocol">): string {
  return `${hostPath(host)}.services[${service.port}/${service.protocol}]`;
}

export function isOpen(service: Service): boolean {
  return service.state === "open";
}

export interface HostService {
  host: Host;
  service: Service;
}

/** Every open service matching the predicate, in audit order. */
export function openServices(
  ctx: RuleContext,
  match: (service: Service, host: Host) => boolean,
): HostService[] {
  const every = everyOpenService(ctx.audit);
  const found: HostService[] = [];
  // An indexed loop rather than filter: a dozen rules each call this for every open service of
  // the audit, mostly interpreted, and filter adds a callback per service.
  for (let i = 0; i < every.length; i++) if (match(every[i]!.service, every[i]!.host)) found.push(every[i]!);
  return found;
}

/** Every open service of the audit, listed once: a dozen rules each look through all of them. */
const everyOpenService = memoisedPerObject((audit: Audit): readonly HostService[] => {
  const found: HostService[] = [];
  // Indexed loops: run once, interpreted, where every for…of step allocates.
  for (let h = 0; h < audit.hosts.length; h++) {
    const host = audit.hosts[h]!;
    for (let s = 0; s < host.services.length; s++) {
      if (isOpen(host.services[s]!)) found.push({ host, service: host.services[s]! });
    }
  }
  return found;
});

export function onPort(ports: readonly number[], protocol: Service["protocol"] = "tcp") {
  return (service: Service) => service.protocol === protocol && ports.includes(service.port);
}

/** "telnet" or port 23: nmap names a service by probe when it can, by port table otherwise. */
export function namedOrOnPort(
  names: readonly string[],
  ports: readonly number[],
  protocol: Service["protocol"] = "tcp",
) {
  return (service: Service) =>
    service.protocol === protocol && (names.includes(service.name ?? "") || ports.includes(service.port));
}

/** nmap's http-title says "Did not follow redirect to https://…" when plain HTTP only forwards to HTTPS. */
export function redirectsToHttps(service: Service): boolean {
  const title = service.scripts["http-title"]?.output;
  return title !== undefined && REDIRECT_TO_HTTPS.test(title);
}

const REDIRECT_TO_HTTPS = /redirect to https:/i;

export function describeService(service: Service): string {
  const parts = [
    `${service.port}/${service.protocol} ${service.state}`,
    service.name,
    service.product,
    service.version,
    service.extraInfo ? `(${service.extraInfo})` : undefined,
  ];
  return cap(parts.filter(Boolean).join(" "));
}

export function serviceEvidence({ host, service }: HostService, note?: string): Evidence {
  return {
    host: host.ip,
    fact: servicePath(host, service),
    observed: describeService(service),
    source: "scan",
    note,
  };
}

export interface ScriptHit {
  host: Host;
  path: string;
  output: string;
}

/** An NSE script's output on a host: host scripts first, then each service's scripts. */
export function findScript(host: Host, scriptId: string): ScriptHit | undefined {
  // The host's scripts are indexed once (classify did it already): no walk over its services.
  const first = findScripts(host, scriptId)[0];
  return first ? { host, path: first.fact, output: first.value.output } : undefined;
}

export function scriptEvidence(hit: ScriptHit, note?: string): Evidence {
  return { host: hit.host.ip, fact: hit.path, observed: cap(hit.output), source: "scan", note };
}

/** The device at this address. */
export function deviceAt(ctx: RuleContext, ip: string): Device | undefined {
  return deviceByIp(ctx.devices, ip);
}

export function hasRole(device: Device | undefined, roles: readonly Role[]): boolean {
  return (
    device !== undefined && (roles.includes(device.role) || device.roles.some((role) => roles.includes(role)))
  );
}

export function isPrimaryRole(device: Device | undefined, roles: readonly Role[]): boolean {
  return device !== undefined && roles.includes(device.role);
}

/** The office's edge: the agent's default gateway and whatever was classified as firewall or router. */
export function gatewayIps(ctx: RuleContext): Set<string> {
  const ips = new Set<string>();
  if (ctx.audit.agent?.gateway) ips.add(ctx.audit.agent.gateway);
  if (ctx.environment.firewall.ip) ips.add(ctx.environment.firewall.ip);
  for (const device of ctx.devices) {
    if (device.role === "firewall" || device.role === "router") ips.add(device.ip);
  }
  return ips;
}

export function uniqueHosts(evidence: readonly Evidence[]): string[] {
  const hosts = new Set<string>();
  for (const item of evidence) if (item.host) hosts.add(item.host);
  return [...hosts];
}

/** Fails with the evidence given, or passes when there is none. */
export function failIfAny(evidence: Evidence[], severity?: Severity): RuleOutcome {
  if (evidence.length === 0) return { status: "pass" };
  return { status: "fail", hosts: uniqueHosts(evidence), evidence, ...(severity ? { severity } : {}) };
}

export function derived(fact: string, observed: string, note?: string): Evidence {
  return { fact, observed: cap(observed), source: "derived", note };
}

export function fromAnswers(field: string, value: unknown, note?: string): Evidence {
  return {
    fact: `answers.${field}`,
    observed: cap(typeof value === "string" ? value : JSON.stringify(value)),
    source: "answers",
    note,
  };
}

/** Days between two dates (b − a). */
export function daysBetween(a: Date, b: Date): number {
  return Math.floor((b.getTime() - a.getTime()) / 86_400_000);
}
