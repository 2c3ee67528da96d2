import type { Host, ScriptData, ScriptResult, Service } from "../../../schema/audit.js";
import { memoisedPerObject } from "../remembered-lookups.js";
import { cleanName, cleanText } from "./text-cleanup.js";

/** A text found on a host, with the Audit path it came from. */
export interface Located<T = string> {
  value: T;
  fact: string;
}

export function hostPath(host: Host): string {
  return `hosts[ip=${host.ip}]`;
}

export function servicePath(host: Host, service: Service): string {
  return `${hostPath(host)}.services[${service.port}/${service.protocol}]`;
}

export function portKey(service: Pick<Service, "port" | "protocol">): string {
  return `${service.port}/${service.protocol}`;
}

/** The host's open services (remembered per host: many callers ask; never mutate the list). */
export const openServices = memoisedPerObject((host: Host): Service[] =>
  host.services.filter((service) => service.state === "open"),
);

/** The host's open ports as "445/tcp" keys (remembered per host; never mutate). */
export const openPortKeys = memoisedPerObject(
  (host: Host): ReadonlySet<string> => new Set(openServices(host).map(portKey)),
);

/** Every result of one NSE script on the host (host scripts, then port scripts; never mutate). */
export function findScripts(host: Host, id: string): readonly Located<ScriptResult>[] {
  return scriptsById(host).get(id) ?? NONE;
}

const NONE: readonly Located<ScriptResult>[] = [];

/** One pass over the host's scripts, kept: several facts each look for a few script ids. */
const scriptsById = memoisedPerObject((host: Host): Map<string, Located<ScriptResult>[]> => {
  const index = new Map<string, Located<ScriptResult>[]>();
  const add = (id: string, value: ScriptResult, fact: string) => {
    const list = index.get(id);
    if (list) list.push({ value, fact });
    else index.set(id, [{ value, fact }]);
  };
  for (const id in host.scripts) add(id, host.scripts[id]!, `${hostPath(host)}.scripts.${id}`);
  for (const service of host.services) {
    for (const id in service.scripts) add(id, service.scripts[id]!, `${servicePath(host, service)}.scripts.${id}`);
  }
  return index;
});

/** A string element of a script's structured output, or a "Key: value" line of its text. */
export function scriptField(
  result: ScriptResult,
  keys: string[],
  textLabels: string[] = [],
): string | undefined {
  const data = result.data;
  if (data && typeof data === "object" && !Array.isArray(data)) {
    for (const key of keys) {
      const value = (data as Record<string, ScriptData>)[key];
      if (typeof value === "string" && value.trim() !== "") return value;
    }
  }
  for (const label of textLabels) {
    const match = new RegExp(`^\\s*${label}:\\s*(.+)$`, "im").exec(result.output);
    if (match?.[1]) return match[1];
  }
  return undefined;
}

export interface NetbiosFacts {
  name?: string;
  names: { name: string; suffix: string; group: boolean }[];
  /** Where the name table came from. */
  fact: string;
  /** Where the name came from. */
  nameFact: string;
}

/**
 * NetBIOS name and name table: the Audit's netbios field, else parsed from the nbstat script's
 * text (nmap 7.93 prints the table as text only: "WS01<00>  Flags: <unique><active>").
 */
export const netbiosOf = memoisedPerObject(readNetbios);

function readNetbios(host: Host): NetbiosFacts | undefined {
  if (host.netbios && (host.netbios.name || host.netbios.names.length > 0)) {
    return {
      name: host.netbios.name,
      names: host.netbios.names,
      fact: `${hostPath(host)}.netbios.names`,
      nameFact: `${hostPath(host)}.netbios.name`,
    };
  }
  const [nbstat] = findScripts(host, "nbstat");
  if (!nbstat) return undefined;
  const text = nbstat.value.output;
  const name = cleanName(/NetBIOS name:\s*([^,\n]+)/i.exec(text)?.[1]);
  const names: NetbiosFacts["names"] = [];
  for (const match of text.matchAll(/^\s*(\S[^<\n]*?)<([0-9a-f]{2})>\s+Flags:\s*(.*)$/gim)) {
    names.push({
      name: match[1]!.trim(),
      suffix: match[2]!.toLowerCase(),
      group: /<group>/i.test(match[3]!),
    });
  }
  if (!name && names.length === 0) return undefined;
  return { name, names, fact: nbstat.fact, nameFact: nbstat.fact };
}

export interface SmbInfo {
  os?: Located;
  computerName?: Located;
  netbiosDomain?: Located;
  dnsDomain?: Located;
  forest?: Located;
  workgroup?: Located;
}

/** smb-os-discovery: what the host says about itself over SMB. */
export const smbInfo = memoisedPerObject(readSmbInfo);

function readSmbInfo(host: Host): SmbInfo {
  const info: SmbInfo = {};
  for (const { value, fact } of findScripts(host, "smb-os-discovery")) {
    const pick = (keys: string[], labels: string[]) => {
      const raw = scriptField(value, keys, labels);
      const cleaned = cleanName(raw);
      return cleaned ? { value: cleaned, fact } : undefined;
    };
    const os = cleanText(scriptField(value, ["os"], ["OS"]));
    info.os ??= os ? { value: os, fact } : undefined;
    info.computerName ??= pick(["server"], ["NetBIOS computer name", "Computer name"]);
    info.netbiosDomain ??= pick(["domain"], ["NetBIOS domain name"]);
    info.dnsDomain ??= pick(["domain_dns"], ["Domain name"]);
    info.forest ??= pick(["forest_dns"], ["Forest name"]);
    info.workgroup ??= pick(["workgroup"], ["Workgroup"]);
  }
  return info;
}

export interface NtlmInfo {
  computerName?: Located;
  netbiosDomain?: Located;
  dnsDomain?: Located;
  dnsComputer?: Located;
  productVersion?: Located;
}

/** rdp-ntlm-info / smb-ntlm-info style NTLM target info. */
export const ntlmInfo = memoisedPerObject(readNtlmInfo);

function readNtlmInfo(host: Host): NtlmInfo {
  const info: NtlmInfo = {};
  for (const id of ["rdp-ntlm-info", "ntlm-info", "http-ntlm-info", "smtp-ntlm-info"]) {
    for (const { value, fact } of findScripts(host, id)) {
      const pick = (key: string) => {
        const cleaned = cleanName(scriptField(value, [key], [key]));
        return cleaned ? { value: cleaned, fact } : undefined;
      };
      info.computerName ??= pick("NetBIOS_Computer_Name");
      info.netbiosDomain ??= pick("NetBIOS_Domain_Name");
      info.dnsDomain ??= pick("DNS_Domain_Name");
      info.dnsComputer ??= pick("DNS_Computer_Name");
      info.productVersion ??= pick("Product_Version");
    }
  }
  // A workgroup machine reports its own name as "domain": that is no domain.
  const own = info.computerName?.value.toLowerCase();
  if (own && info.netbiosDomain?.value.toLowerCase() === own) {
    info.netbiosDomain = undefined;
    if (info.dnsDomain?.value.toLowerCase() === own) info.dnsDomain = undefined;
  }
  return info;
}

/** "Domain: sevenkingdoms.local0., Site: Default-First-Site-Name" in an LDAP service's extrainfo. */
export function ldapDomains(host: Host): Located[] {
  const found: Located[] = [];
  for (const service of openServices(host)) {
    const match = /Domain:\s*([^,]+)/i.exec(service.extraInfo ?? "");
    const domain = cleanName(match?.[1]);
    if (domain && /ldap|active directory/i.test(`${service.name ?? ""} ${service.product ?? ""}`)) {
      found.push({ value: domain.toLowerCase(), fact: `${servicePath(host, service)}.extraInfo` });
    }
  }
  for (const { value, fact } of findScripts(host, "ldap-rootdse")) {
    const match = /defaultNamingContext:\s*(\S+)/i.exec(value.output);
    if (match?.[1]) {
      const dns = match[1]
        .split(",")
        .map((part) => part.replace(/^DC=/i, ""))
        .join(".");
      const cleaned = cleanName(dns);
      if (cleaned) found.push({ value: cleaned.toLowerCase(), fact });
    }
  }
  return found;
}

/** "workgroup: X" in an SMB service's extrainfo (on a domain network: the NetBIOS domain name). */
export function smbExtraInfoWorkgroups(host: Host): Located[] {
  const found: Located[] = [];
  for (const service of openServices(host)) {
    const match = /workgroup:\s*([^,)]+)/i.exec(service.extraInfo ?? "");
    const name = cleanName(match?.[1]);
    if (name) found.push({ value: name, fact: `${servicePath(host, service)}.extraInfo` });
  }
  return found;
}

/** Texts a banner signature can match, by field. */
export interface BannerTexts {
  "http-title": Located[];
  "http-server": Located[];
  "cert-subject": Located[];
  "service-product": Located[];
  banner: Located[];
  "snmp-sysdescr": Located[];
  announcement: Located[];
  hostname: Located[];
}

/** Every text a banner signature can match, by field (remembered per host; never mutate). */
export const bannerTexts = memoisedPerObject(readBannerTexts);

function readBannerTexts(host: Host): BannerTexts {
  const texts: BannerTexts = {
    "http-title": [],
    "http-server": [],
    "cert-subject": [],
    "service-product": [],
    banner: [],
    "snmp-sysdescr": [],
    announcement: [],
    hostname: [],
  };
  const push = (list: Located[], raw: string | undefined, fact: string) => {
    const value = cleanText(raw);
    if (value) list.push({ value, fact });
  };
  for (const service of openServices(host)) {
    const path = servicePath(host, service);
    const product = [service.product, service.version, service.extraInfo].filter(Boolean).join(" ");
    push(texts["service-product"], product || undefined, `${path}.product`);
    push(texts["service-product"], service.name, `${path}.name`);
    push(texts.banner, service.banner, `${path}.banner`);
    for (const [id, script] of Object.entries(service.scripts)) {
      const fact = `${path}.scripts.${id}`;
      if (id === "http-title")
        push(texts["http-title"], scriptField(script, ["title"]) ?? script.output, fact);
      else if (id === "http-server-header") push(texts["http-server"], script.output, fact);
      else if (id === "ssl-cert")
        push(texts["cert-subject"], firstLines(script.output, 2), fact);
      else if (id === "banner") push(texts.banner, script.output, fact);
      else if (id === "snmp-sysdescr") push(texts["snmp-sysdescr"], script.output, fact);
    }
  }
  host.tls.forEach((cert, index) => {
    push(
      texts["cert-subject"],
      [cert.subject, cert.issuer].filter(Boolean).join(" "),
      `${hostPath(host)}.tls[${index}].subject`,
    );
  });
  push(texts["snmp-sysdescr"], host.snmp?.sysDescr, `${hostPath(host)}.snmp.sysDescr`);
  host.announcements.forEach((announcement, index) => {
    const text = [announcement.name, announcement.model, announcement.manufacturer, ...announcement.services]
      .filter(Boolean)
      .join(" ");
    push(texts.announcement, text, `${hostPath(host)}.announcements[${index}]`);
  });
  host.hostnames.forEach((hostname, index) => {
    push(texts.hostname, hostname.name, `${hostPath(host)}.hostnames[${index}]`);
  });
  const netbios = netbiosOf(host);
  if (netbios?.name) push(texts.hostname, netbios.name, netbios.nameFact);
  return texts;
}

/** The first lines of a text joined by spaces, without splitting the rest (certificates run to kilobytes). */
function firstLines(text: string, count: number): string {
  let end = -1;
  for (let line = 0; line < count; line++) {
    end = text.indexOf("\n", end + 1);
    if (end < 0) return text.replace(/\n/g, " ");
  }
  return text.slice(0, end).replace(/\n/g, " ");
}
