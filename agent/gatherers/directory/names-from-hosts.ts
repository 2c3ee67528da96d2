import type { Host, ScriptData } from "../../../schema/audit.js";
import { cleanDomainName, cleanText, dnsNameFromDn } from "../shared/text.js";

export interface DomainHint {
  dnsName: string;
  /** NetBIOS (pre-Windows 2000) name when the same source gave both. */
  netbiosName?: string;
  /** Where it was seen, e.g. "smb-os-discovery", "ldap-rootdse", "rdp-ntlm-info", "ldap-banner". */
  source: string;
  host: string;
}

/** Every string inside an NSE structured result, keys included as "key: value". */
function flatten(data: ScriptData | undefined, out: string[] = []): string[] {
  if (data === undefined) return out;
  if (typeof data === "string") out.push(data);
  else if (Array.isArray(data)) for (const item of data) flatten(item, out);
  else
    for (const [key, value] of Object.entries(data)) {
      if (typeof value === "string") out.push(`${key}: ${value}`);
      else flatten(value, out);
    }
  return out;
}

function element(data: ScriptData | undefined, key: string): string | undefined {
  if (!data || typeof data !== "object" || Array.isArray(data)) return undefined;
  const value = data[key];
  return typeof value === "string" ? value : undefined;
}

function netbiosName(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  // nmap prints a NUL as the four characters "\x00"; some sources keep the byte itself.
  const name = cleanText(raw.replace(/\u0000|\\x00/g, ""), 64).toUpperCase();
  return /^[A-Z0-9!@#$%^&()\-_'{}.~ ]{1,15}$/.test(name) ? name.trim() : undefined;
}

/** Domain names the service scan saw, per host and per source. */
export function domainHintsFromHosts(hosts: readonly Host[]): DomainHint[] {
  const hints: DomainHint[] = [];
  const add = (raw: string | undefined, source: string, host: string, netbios?: string): void => {
    const dnsName = raw ? cleanDomainName(raw) : undefined;
    if (dnsName?.includes(".")) hints.push({ dnsName, source, host, netbiosName: netbiosName(netbios) });
  };
  for (const host of hosts) {
    const scripts = { ...host.scripts };
    for (const service of host.services) {
      Object.assign(scripts, service.scripts);
      // nmap -sV on Microsoft LDAP: extrainfo "Domain: corp.example0., Site: Default-First-Site-Name"
      const banner = /Domain:\s*([^,\s]+)/.exec(service.extraInfo ?? "")?.[1];
      if (banner && /ldap/i.test(service.name ?? service.product ?? "")) add(banner, "ldap-banner", host.ip);
    }
    const smb = scripts["smb-os-discovery"];
    if (smb) {
      // On a domain member, "workgroup" holds the NetBIOS domain name.
      const netbios = element(smb.data, "domain") ?? element(smb.data, "workgroup");
      add(
        element(smb.data, "domain_dns") ?? /Domain name:\s*(\S+)/.exec(smb.output)?.[1],
        "smb-os-discovery",
        host.ip,
        netbios,
      );
      add(
        element(smb.data, "forest_dns") ?? /Forest name:\s*(\S+)/.exec(smb.output)?.[1],
        "smb-os-discovery",
        host.ip,
      );
    }
    const rdp = scripts["rdp-ntlm-info"];
    if (rdp) {
      const text = [rdp.output, ...flatten(rdp.data)].join("\n");
      add(
        /DNS_Domain_Name:\s*(\S+)/.exec(text)?.[1],
        "rdp-ntlm-info",
        host.ip,
        /NetBIOS_Domain_Name:\s*(\S+)/.exec(text)?.[1],
      );
      add(/DNS_Tree_Name:\s*(\S+)/.exec(text)?.[1], "rdp-ntlm-info", host.ip);
    }
    const ldap = scripts["ldap-rootdse"];
    if (ldap) {
      const text = [ldap.output, ...flatten(ldap.data)].join("\n");
      for (const m of text.matchAll(/(?:defaultNamingContext|rootDomainNamingContext):\s*(\S+)/gi)) {
        add(dnsNameFromDn(m[1] ?? ""), "ldap-rootdse", host.ip);
      }
    }
  }
  return hints;
}

export interface NetbiosGroup {
  name: string;
  kind: "domain" | "workgroup";
  /** Hosts that registered the <00> group name. */
  members: string[];
  /** Hosts that registered <1C> (domain controllers). */
  controllers: string[];
  /** Hosts that registered <1B> (domain master browser, the PDC emulator). */
  domainMasterBrowsers: string[];
  /** Hosts that registered <1D> (local master browser). */
  masterBrowsers: string[];
  sources: string[];
}

/**
 * Workgroups and NetBIOS domains from nbstat names and smb-os-discovery: a <00> group name is
 * the workgroup or domain a host belongs to; a <1C> group marks domain controllers, so a name
 * with one is a domain, without one a workgroup. Names are recorded cleaned (NULs dropped).
 */
export function netbiosGroups(hosts: readonly Host[]): NetbiosGroup[] {
  const groups = new Map<string, NetbiosGroup>();
  const group = (raw: string): NetbiosGroup | undefined => {
    const name = netbiosName(raw);
    if (!name) return undefined;
    let g = groups.get(name);
    if (!g) {
      g = {
        name,
        kind: "workgroup",
        members: [],
        controllers: [],
        domainMasterBrowsers: [],
        masterBrowsers: [],
        sources: [],
      };
      groups.set(name, g);
    }
    return g;
  };
  const push = (list: string[], value: string): void => {
    if (!list.includes(value)) list.push(value);
  };
  for (const host of hosts) {
    const registered = host.netbios?.names.length ? host.netbios.names : parseNbstatNames(nbstatOutput(host));
    for (const n of registered) {
      const suffix = n.suffix.toLowerCase();
      if (suffix === "00" && n.group) {
        // "__MSBROWSE__", Samba's "__SAMBA__" and similar internal names are not workgroups.
        if (n.name.startsWith("\u0001") || n.name.includes("__")) continue;
        const g = group(n.name);
        if (g) {
          push(g.members, host.ip);
          push(g.sources, "nbstat");
        }
      } else if (suffix === "1c" && n.group) {
        const g = group(n.name);
        if (g) {
          push(g.controllers, host.ip);
          push(g.sources, "nbstat");
        }
      } else if (suffix === "1b" && !n.group) {
        const g = group(n.name);
        if (g) push(g.domainMasterBrowsers, host.ip);
      } else if (suffix === "1d" && !n.group) {
        const g = group(n.name);
        if (g) push(g.masterBrowsers, host.ip);
      }
    }
    // nmap -sV on Samba/Windows SMB: extrainfo "workgroup: CORP" (the workgroup or NetBIOS domain).
    for (const service of host.services) {
      const banner = /workgroup:\s*([^,\s)]+)/i.exec(service.extraInfo ?? "")?.[1];
      const g = banner ? group(banner) : undefined;
      if (g) {
        push(g.members, host.ip);
        push(g.sources, "smb-banner");
      }
    }
    const smb =
      host.scripts["smb-os-discovery"] ??
      host.services.find((s) => s.scripts["smb-os-discovery"])?.scripts["smb-os-discovery"];
    const workgroup = element(smb?.data, "workgroup") ?? /Workgroup:\s*(\S+)/.exec(smb?.output ?? "")?.[1];
    if (workgroup) {
      const g = group(workgroup);
      if (g) {
        push(g.members, host.ip);
        push(g.sources, "smb-os-discovery");
      }
    }
  }
  for (const g of groups.values()) {
    // <1B> alone is not proof: a standalone Samba can claim domain master browser in a workgroup.
    if (g.controllers.length > 0) g.kind = "domain";
  }
  return [...groups.values()].filter((g) => g.members.length > 0 || g.controllers.length > 0);
}

function nbstatOutput(host: Host): string | undefined {
  return host.scripts.nbstat?.output ?? host.services.find((s) => s.scripts.nbstat)?.scripts.nbstat?.output;
}

/**
 * nbstat's text output ("  CORP<1c>   Flags: <group><active>"), for hosts whose structured
 * netbios names were not filled in.
 */
export function parseNbstatNames(
  output: string | undefined,
): { name: string; suffix: string; group: boolean }[] {
  if (!output) return [];
  const names: { name: string; suffix: string; group: boolean }[] = [];
  for (const m of output.matchAll(/^\s*(.+?)<([0-9a-f]{2})>\s+Flags:\s*(.*)$/gim)) {
    names.push({
      name: (m[1] ?? "").trim(),
      suffix: (m[2] ?? "").toLowerCase(),
      group: /<group>/i.test(m[3] ?? ""),
    });
  }
  return names;
}
