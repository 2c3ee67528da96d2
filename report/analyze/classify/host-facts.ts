import type { Host, ScriptData, ScriptResult, Service } from "../../../schema/audit.js";
import { RememberedLookup, memoisedPerObject } from "../remembered-lookups.js";
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

/**
 * The host's open ports as "445/tcp" keys. Not remembered: only signature matching (itself
 * remembered per host) asks, and a kept set per host is more for every scavenge to copy.
 */
export function openPortKeys(host: Host): ReadonlySet<string> {
  const keys = new Set<string>();
  const services = openServices(host);
  for (let s = 0; s < services.length; s++) keys.add(portKey(services[s]!));
  return keys;
}

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
  for (let s = 0; s < host.services.length; s++) {
    const service = host.services[s]!;
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

/** A module constant: a regex literal inside the loop would be a new RegExp object per name. */
const GROUP_FLAG = /<group>/i;

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
  // exec in a loop rather than matchAll: its iterator allocates a result per step in cold code.
  const line = /^\s*(\S[^<\n]*?)<([0-9a-f]{2})>\s+Flags:\s*(.*)$/gim;
  for (let match = line.exec(text); match; match = line.exec(text)) {
    names.push({
      name: match[1]!.trim(),
      suffix: match[2]!.toLowerCase(),
      group: GROUP_FLAG.test(match[3]!),
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

const NTLM_SCRIPTS = ["rdp-ntlm-info", "ntlm-info", "http-ntlm-info", "smtp-ntlm-info"];

/** rdp-ntlm-info / smb-ntlm-info style NTLM target info. */
export const ntlmInfo = memoisedPerObject(readNtlmInfo);

function readNtlmInfo(host: Host): NtlmInfo {
  const info: NtlmInfo = {};
  for (let i = 0; i < NTLM_SCRIPTS.length; i++) {
    const results = findScripts(host, NTLM_SCRIPTS[i]!);
    for (let r = 0; r < results.length; r++) {
      const { value, fact } = results[r]!;
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
  const services = openServices(host);
  for (let s = 0; s < services.length; s++) {
    const service = services[s]!;
    if (!service.extraInfo) continue;
    const domain = extraInfoDomain.get(service.extraInfo);
    if (domain && /ldap|active directory/i.test(`${service.name ?? ""} ${service.product ?? ""}`)) {
      found.push({ value: domain.toLowerCase(), fact: `${servicePath(host, service)}.extraInfo` });
    }
  }
  const rootDses = findScripts(host, "ldap-rootdse");
  for (let r = 0; r < rootDses.length; r++) {
    const { value, fact } = rootDses[r]!;
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

/** Hundreds of services repeat the same extrainfo ("workgroup: CORP"): each text is read once. */
const extraInfoDomain = new RememberedLookup((extraInfo) => cleanName(/Domain:\s*([^,]+)/i.exec(extraInfo)?.[1]));
const extraInfoWorkgroup = new RememberedLookup((extraInfo) =>
  cleanName(/workgroup:\s*([^,)]+)/i.exec(extraInfo)?.[1]),
);

/** "workgroup: X" in an SMB service's extrainfo (on a domain network: the NetBIOS domain name). */
export function smbExtraInfoWorkgroups(host: Host): Located[] {
  const found: Located[] = [];
  const services = openServices(host);
  for (let s = 0; s < services.length; s++) {
    const service = services[s]!;
    if (!service.extraInfo) continue;
    const name = extraInfoWorkgroup.get(service.extraInfo);
    if (name) found.push({ value: name, fact: `${servicePath(host, service)}.extraInfo` });
  }
  return found;
}

/** Texts a banner signature can match, by field. */
export interface BannerTexts {
  "http-title": BannerText[];
  "http-server": BannerText[];
  "cert-subject": BannerText[];
  "service-product": BannerText[];
  banner: BannerText[];
  "snmp-sysdescr": BannerText[];
  announcement: BannerText[];
  hostname: BannerText[];
}

/**
 * A text a banner signature can match. Its Audit path (the service's path, or `where` for a host
 * level text, then `suffix`) is built by factOf only for a text some signature hits: most texts
 * hit none, and building every service's path was the analysis' largest string allocation.
 */
export interface BannerText {
  value: string;
  service: Service | undefined;
  where: string;
  suffix: string;
}

export function factOf(host: Host, text: BannerText): string {
  return (text.service ? servicePath(host, text.service) : text.where) + text.suffix;
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
  // Indexed loops: this runs once per host, mostly interpreted, where every for…of step allocates.
  const onService = (list: BannerText[], raw: string | undefined, service: Service, suffix: string) => {
    const value = cleanText(raw);
    if (value) list.push({ value, service, where: "", suffix });
  };
  const onHost = (list: BannerText[], raw: string | undefined, where: string, suffix: string) => {
    const value = cleanText(raw);
    if (value) list.push({ value, service: undefined, where, suffix });
  };
  const services = openServices(host);
  for (let s = 0; s < services.length; s++) {
    const service = services[s]!;
    const product = joinPresent(joinPresent(service.product, service.version), service.extraInfo);
    onService(texts["service-product"], product || undefined, service, ".product");
    onService(texts["service-product"], service.name, service, ".name");
    onService(texts.banner, service.banner, service, ".banner");
    for (const id in service.scripts) {
      const script = service.scripts[id]!;
      if (id === "http-title")
        onService(texts["http-title"], scriptField(script, ["title"]) ?? script.output, service, `.scripts.${id}`);
      else if (id === "http-server-header")
        onService(texts["http-server"], script.output, service, `.scripts.${id}`);
      else if (id === "ssl-cert")
        onService(texts["cert-subject"], firstLines(script.output, 2), service, `.scripts.${id}`);
      else if (id === "banner") onService(texts.banner, script.output, service, `.scripts.${id}`);
      else if (id === "snmp-sysdescr") onService(texts["snmp-sysdescr"], script.output, service, `.scripts.${id}`);
    }
  }
  const base = hostPath(host);
  for (let index = 0; index < host.tls.length; index++) {
    const cert = host.tls[index]!;
    onHost(texts["cert-subject"], joinPresent(cert.subject, cert.issuer), base, `.tls[${index}].subject`);
  }
  onHost(texts["snmp-sysdescr"], host.snmp?.sysDescr, base, ".snmp.sysDescr");
  for (let index = 0; index < host.announcements.length; index++) {
    const announcement = host.announcements[index]!;
    const text = [announcement.name, announcement.model, announcement.manufacturer, ...announcement.services]
      .filter(Boolean)
      .join(" ");
    onHost(texts.announcement, text, base, `.announcements[${index}]`);
  }
  for (let index = 0; index < host.hostnames.length; index++) {
    onHost(texts.hostname, host.hostnames[index]!.name, base, `.hostnames[${index}]`);
  }
  const netbios = netbiosOf(host);
  if (netbios?.name) onHost(texts.hostname, netbios.name, netbios.nameFact, "");
  return texts;
}

/** `[a, b].filter(Boolean).join(" ")` without the arrays: "" when both are empty or missing. */
function joinPresent(a: string | undefined, b: string | undefined): string {
  if (!a) return b || "";
  return b ? `${a} ${b}` : a;
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
