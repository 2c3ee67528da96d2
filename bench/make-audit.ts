/**
 * Builds a large Audit from a recorded lab scan by replicating its hosts with new IPs and MACs:
 *
 *   npx tsx bench/make-audit.ts --devices 1000 [--from bench/data/office-lab.audit.json] --out big.audit.json
 *
 * The source's hosts are kept; replicas cycle through every source host except the gateway and
 * the agent itself (one office firewall, many of everything else). Replica i lives at
 * 10.50.<i div 250>.<i mod 250 + 1>, keeps its template's MAC vendor prefix (so vendor look-ups
 * still match) and gets a unique MAC suffix and host name.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { type Audit, AuditSchema, type Host } from "../schema/audit.js";

export function makeAudit(source: Audit, devices: number): Audit {
  const gateway = source.network.gateway?.target;
  const agentIps = new Set((source.agent?.interfaces ?? []).flatMap((i) => (i.ip4 ? [i.ip4] : [])));
  const kept = source.hosts.filter((h) => !agentIps.has(h.ip));
  const templates = kept.filter((h) => h.ip !== gateway);
  if (templates.length === 0) throw new Error("the source audit has no host to replicate");
  const hosts: Host[] = kept.slice(0, devices);
  for (let i = 0; hosts.length < devices; i++) {
    const template = templates[i % templates.length] as Host;
    hosts.push(replicate(template, i));
  }
  const audit = {
    ...structuredClone(source),
    auditId: crypto.randomUUID(),
    scope: { ...source.scope, targets: [...source.scope.targets, "10.50.0.0/16"] },
    hosts,
  };
  return AuditSchema.parse(audit);
}

function replicate(template: Host, i: number): Host {
  const copy = structuredClone(template);
  const ip = `10.50.${Math.floor(i / 250)}.${(i % 250) + 1}`;
  copy.ip = ip;
  if (copy.mac) {
    const oui = copy.mac.split(":").slice(0, 3).join(":");
    const n = i + 1;
    copy.mac = `${oui}:${hex(n >> 16)}:${hex(n >> 8)}:${hex(n)}`.toUpperCase();
  }
  const suffix = `-r${i + 1}`;
  copy.hostnames = copy.hostnames.map((h) => ({ ...h, name: rename(h.name, suffix) }));
  if (copy.netbios?.name)
    copy.netbios = { ...copy.netbios, name: rename(copy.netbios.name, suffix).slice(0, 15) };
  // The computer name also sits in service banners and script output (nbstat, SMB, RDP, SNMP):
  // renamed there too, or every replica of WS01 would still be called WS01 in the report.
  const names = new Set(
    [
      ...template.hostnames.map((h) => h.name.split(".")[0] ?? ""),
      template.netbios?.name ?? "",
      ...template.services.map((service) => service.hostname ?? ""),
      ...[...JSON.stringify(template).matchAll(/NetBIOS name: ([A-Za-z0-9-]+)/g)].map((m) => m[1] ?? ""),
    ].filter((name) => name.length >= 3),
  );
  if (!names.size) return copy;
  const escaped = [...names].map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = new RegExp(`\\b(${escaped.join("|")})\\b(?!-r\\d)`, "g");
  return JSON.parse(JSON.stringify(copy).replace(pattern, (name) => `${name}${suffix}`)) as Host;
}

function rename(name: string, suffix: string): string {
  const dot = name.indexOf(".");
  return dot < 0 ? `${name}${suffix}` : `${name.slice(0, dot)}${suffix}${name.slice(dot)}`;
}

function hex(n: number): string {
  return (n & 0xff).toString(16).padStart(2, "0");
}

if (import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      devices: { type: "string" },
      from: { type: "string", default: new URL("./data/office-lab.audit.json", import.meta.url).pathname },
      out: { type: "string" },
    },
  });
  if (!values.devices || !values.out) {
    console.error("usage: npx tsx bench/make-audit.ts --devices N --out FILE [--from AUDIT]");
    process.exit(2);
  }
  const source = AuditSchema.parse(JSON.parse(readFileSync(values.from as string, "utf8")));
  const audit = makeAudit(source, Number(values.devices));
  writeFileSync(values.out, JSON.stringify(audit));
  console.log(`${values.out}: ${audit.hosts.length} hosts`);
}
