import type { Evidence } from "../../../schema/assessment.js";
import type { Host } from "../../../schema/audit.js";
import { windowsBuildIn, windowsNameFromBuild } from "../eol/windows-builds.js";
import { OS_CLASS_MIN_ACCURACY } from "../signatures/os-classes.js";
import { hostPath, ntlmInfo, openServices, servicePath, smbInfo } from "./host-facts.js";
import { cleanText } from "./text-cleanup.js";

/** Claims this many different OS families at once → a honeypot, a NAT/port-forward box, or noise. */
export const CONFLICTING_OS_FAMILIES = 3;

const FAMILIES: [string, RegExp][] = [
  ["Windows", /windows|microsoft/i],
  ["macOS/iOS", /mac ?os|os x|darwin|\bios\b.*apple|iphone|ipad/i],
  ["Cisco IOS", /cisco ios|\bios-xe\b/i],
  ["BSD", /freebsd|openbsd|netbsd|pfsense|opnsense/i],
  ["IBM mainframe/midrange", /z\/os|os\/390|os\/400|aix/i],
  ["Solaris", /solaris|sunos/i],
  ["Linux/Unix", /linux|unix|ubuntu|debian|centos|red hat|samba/i],
  ["Embedded", /vxworks|routeros|embedded|junos|fortios|threadx|nucleus/i],
];

export function osFamily(text: string): string | undefined {
  return FAMILIES.find(([, pattern]) => pattern.test(text))?.[0];
}

/** The best OS description: what the host says (SMB, SNMP, RDP), then nmap's confident guess. */
export function deviceOs(host: Host, server: boolean): string | undefined {
  const smb = smbInfo(host);
  if (smb.os) return smb.os.value;
  const sysDescr = cleanText(host.snmp?.sysDescr);
  if (sysDescr) {
    const build = /Software: Windows/i.test(sysDescr) ? windowsBuildIn(sysDescr) : undefined;
    const named = build ? windowsNameFromBuild(build, server) : undefined;
    return named ?? sysDescr.slice(0, 120);
  }
  const ntlm = ntlmInfo(host);
  if (ntlm.productVersion) {
    const build = windowsBuildIn(ntlm.productVersion.value);
    const named = build ? windowsNameFromBuild(build, server) : undefined;
    return named ?? `Windows (NT ${ntlm.productVersion.value})`;
  }
  const best = host.os?.matches.find((match) => match.accuracy >= OS_CLASS_MIN_ACCURACY);
  if (best) return best.name;
  const osType = openServices(host).find((service) => service.osType)?.osType;
  return osType ? cleanText(osType) : undefined;
}

/** Distinct OS families the host claims (announced strings, service OS fields, confident guesses). */
export function claimedOsFamilies(host: Host): { families: string[]; evidence: Evidence[] } {
  const seen = new Map<string, Evidence>();
  const claim = (text: string | undefined, fact: string) => {
    const value = cleanText(text);
    if (!value) return;
    const family = osFamily(value);
    if (family && !seen.has(family))
      seen.set(family, { host: host.ip, fact, observed: value, source: "scan" });
  };
  claim(smbInfo(host).os?.value, `${hostPath(host)}.scripts.smb-os-discovery`);
  for (const service of openServices(host)) {
    claim(service.osType, `${servicePath(host, service)}.osType`);
    for (const cpe of service.cpe)
      if (cpe.startsWith("cpe:/o:")) claim(cpe.replace(/_/g, " "), `${servicePath(host, service)}.cpe`);
  }
  (host.os?.matches ?? []).forEach((match, index) => {
    if (match.accuracy >= OS_CLASS_MIN_ACCURACY) claim(match.name, `${hostPath(host)}.os.matches[${index}]`);
  });
  return { families: [...seen.keys()], evidence: [...seen.values()] };
}
