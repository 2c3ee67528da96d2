import type { Domain, Host, ScriptData, Workgroup } from "../../schema/audit.js";
import { stringField as rawStringField } from "./xml-script-facts.js";

/** smb-os-discovery names end in a NUL that nmap prints as the text "\\x00". */
function stringField(data: ScriptData | undefined, key: string): string | undefined {
  const value = rawStringField(data, key)
    ?.replace(/(\\x00)+$/, "")
    .trim();
  return value || undefined;
}

export interface DirectoryFacts {
  domains: Domain[];
  workgroups: Workgroup[];
}

/**
 * Domains and workgroups the hosts' NSE output names, each with the scripts that saw it:
 * - ldap-rootdse (Active Directory only: it reports domainFunctionality or the AD capability OID):
 *   the domain's DNS name from defaultNamingContext, functional levels, and the answering host as
 *   a controller.
 * - smb-os-discovery: a domain when the host's FQDN differs from its DNS domain (nmap's own rule),
 *   else the workgroup.
 * - nbstat: the host's NetBIOS group name (suffix 00). It joins a known domain of that NetBIOS
 *   name (and a `<1c>` group entry makes the host one of its controllers); otherwise, with no DNS
 *   name to go by, it is listed as a workgroup (source "nbstat").
 */
export function directoryFromHosts(hosts: Host[]): DirectoryFacts {
  const domains = new Map<string, Domain>();
  const workgroups = new Map<string, Workgroup>();
  const addDomain = (domain: Domain) => {
    const key = domain.dnsName.toLowerCase();
    const current = domains.get(key);
    if (!current) return void domains.set(key, domain);
    for (const [field, value] of Object.entries(domain)) {
      if (value !== undefined && (current as Record<string, unknown>)[field] === undefined) {
        (current as Record<string, unknown>)[field] = value;
      }
    }
    current.sources = unique([...current.sources, ...domain.sources]);
    for (const controller of domain.controllers) {
      if (!current.controllers.some((c) => c.ip === controller.ip && c.hostname === controller.hostname)) {
        current.controllers.push(controller);
      }
    }
  };
  const addWorkgroup = (name: string, ip: string, source: string) => {
    const key = name.toUpperCase();
    const current = workgroups.get(key) ?? { name, hosts: [], sources: [] };
    current.hosts = unique([...current.hosts, ip]);
    current.sources = unique([...current.sources, source]);
    workgroups.set(key, current);
  };

  for (const host of hosts) {
    for (const service of host.services) {
      const rootDse = service.scripts["ldap-rootdse"];
      const domain = rootDse && domainFromRootDse(rootDse.output, host.ip, service.port);
      if (domain) addDomain(domain);
    }
  }
  for (const host of hosts) {
    const smb = host.scripts["smb-os-discovery"]?.data;
    const domainDns = stringField(smb, "domain_dns");
    const fqdn = stringField(smb, "fqdn");
    if (domainDns && fqdn && fqdn.toLowerCase() !== domainDns.toLowerCase()) {
      addDomain({
        dnsName: domainDns,
        netbiosName: stringField(smb, "domain"),
        forestName: stringField(smb, "forest_dns"),
        controllers: [],
        sources: ["smb-os-discovery"],
      });
    } else {
      const workgroup = stringField(smb, "workgroup") ?? stringField(smb, "domain");
      if (workgroup) addWorkgroup(workgroup, host.ip, "smb-os-discovery");
    }
  }
  for (const host of hosts) {
    const names = host.netbios?.names ?? [];
    for (const group of names.filter((n) => n.group && n.suffix === "00")) {
      const domain = [...domains.values()].find(
        (d) => d.netbiosName?.toUpperCase() === group.name.trim().toUpperCase(),
      );
      if (!domain) {
        addWorkgroup(group.name.trim(), host.ip, "nbstat");
        continue;
      }
      domain.sources = unique([...domain.sources, "nbstat"]);
      const controller = names.some(
        (n) => n.suffix === "1c" && n.name.trim().toUpperCase() === group.name.trim().toUpperCase(),
      );
      if (controller && !domain.controllers.some((c) => c.ip === host.ip)) {
        domain.controllers.push({ ip: host.ip, hostname: host.netbios?.name, source: "nbstat" });
      }
    }
  }
  return {
    domains: [...domains.values()].map((d) => dropUndefined(d)),
    workgroups: [...workgroups.values()],
  };
}

// --- internal ---

/** ldap-rootdse prints "    attribute: value" lines (no structured output). */
function domainFromRootDse(output: string, ip: string, port: number): Domain | undefined {
  const values = new Map<string, string>();
  for (const match of output.matchAll(/^\s*([A-Za-z][\w-]*): (.*)$/gm)) {
    const [, key, value] = match;
    if (key && value !== undefined && !values.has(key.toLowerCase()))
      values.set(key.toLowerCase(), value.trim());
  }
  const isActiveDirectory = values.has("domainfunctionality") || output.includes("1.2.840.113556.1.4.800");
  const namingContext = values.get("defaultnamingcontext");
  const dnsName = namingContext && dnsFromDn(namingContext);
  if (!isActiveDirectory || !dnsName) return undefined;
  const rootContext = values.get("rootdomainnamingcontext");
  return dropUndefined({
    dnsName,
    namingContext,
    forestName: rootContext ? dnsFromDn(rootContext) : undefined,
    functionalLevel: values.get("domainfunctionality"),
    forestFunctionalLevel: values.get("forestfunctionality"),
    domainControllerFunctionality: values.get("domaincontrollerfunctionality"),
    controllers: [{ ip, port, hostname: values.get("dnshostname"), source: "ldap-rootdse" }].map((c) =>
      dropUndefined(c),
    ),
    sources: ["ldap-rootdse"],
  });
}

/** "DC=corp,DC=example,DC=com" → "corp.example.com" */
function dnsFromDn(dn: string): string | undefined {
  const labels = [...dn.matchAll(/(?:^|,)\s*DC=([^,]+)/gi)].map((m) => m[1]?.trim()).filter(Boolean);
  return labels.length ? labels.join(".") : undefined;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function dropUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}
