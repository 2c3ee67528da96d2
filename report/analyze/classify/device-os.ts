import type { Evidence } from "../../../schema/assessment.js";
import type { Host } from "../../../schema/audit.js";
import { windowsBuildIn, windowsNameFromBuild } from "../eol/windows-builds.js";
import { OS_CLASS_MIN_ACCURACY } from "../signatures/os-classes.js";
import { hostPath, ntlmInfo, openServices, servicePath, smbInfo } from "./host-facts.js";
import { RememberedLookup } from "../remembered-lookups.js";
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
  return familyOfText.get(text);
}

/** Hundreds of hosts report the same OS guesses and CPEs: each text is tested once. */
const familyOfText = new RememberedLookup((text): string | undefined => {
  for (const [family, pattern] of FAMILIES) if (pattern.test(text)) return family;
  return undefined;
});

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

/** The cleaned text and the family it names: every host repeats the same few OS guesses. */
const claimIn = new RememberedLookup((text) => {
  const value = cleanText(text);
  const family = value ? osFamily(value) : undefined;
  return value && family ? { value, family } : undefined;
});

/** Distinct OS families the host claims (announced strings, service OS fields, confident guesses). */
export function claimedOsFamilies(host: Host): { families: string[]; evidence: Evidence[] } {
  const families: string[] = [];
  const evidence: Evidence[] = [];
  /** The cleaned text when it names a family not claimed yet (most claims repeat one). */
  const newClaim = (text: string | undefined): string | undefined => {
    const claim = text === undefined ? undefined : claimIn.get(text);
    if (!claim || families.includes(claim.family)) return undefined;
    families.push(claim.family);
    return claim.value;
  };
  // Fact paths are built only for new claims. Indexed loops: this runs once per host, mostly
  // before V8 optimises it, and an interpreted for…of allocates at every step.
  const claim = (value: string, fact: string) => evidence.push({ host: host.ip, fact, observed: value, source: "scan" });
  const smbOs = newClaim(smbInfo(host).os?.value);
  if (smbOs) claim(smbOs, `${hostPath(host)}.scripts.smb-os-discovery`);
  const services = openServices(host);
  for (let s = 0; s < services.length; s++) {
    const service = services[s]!;
    const osType = newClaim(service.osType);
    if (osType) claim(osType, `${servicePath(host, service)}.osType`);
    for (let c = 0; c < service.cpe.length; c++) {
      const cpe = service.cpe[c]!;
      const named = cpe.startsWith("cpe:/o:") ? newClaim(cpe.replace(/_/g, " ")) : undefined;
      if (named) claim(named, `${servicePath(host, service)}.cpe`);
    }
  }
  const matches = host.os?.matches ?? [];
  for (let index = 0; index < matches.length; index++) {
    const match = matches[index]!;
    const named = match.accuracy >= OS_CLASS_MIN_ACCURACY ? newClaim(match.name) : undefined;
    if (named) claim(named, `${hostPath(host)}.os.matches[${index}]`);
  }
  return { families, evidence };
}
