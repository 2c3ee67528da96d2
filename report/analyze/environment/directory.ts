import type { Device, Environment, Evidence } from "../../../schema/assessment.js";
import type { Audit } from "../../../schema/audit.js";
import {
  type Located,
  ldapDomains,
  netbiosOf,
  ntlmInfo,
  smbExtraInfoWorkgroups,
  smbInfo,
} from "../classify/host-facts.js";
import { cleanName } from "../classify/text-cleanup.js";

type Directory = Environment["directory"];

interface DomainSeen {
  name: string;
  netbiosName?: string;
  functionalLevel?: string;
  controllers: Map<string, string | undefined>;
  evidence: Evidence[];
}

/**
 * Domain, workgroup or unknown. A domain seen anywhere (directory probes, LDAP, SMB, RDP,
 * NetBIOS <1C>, a domain controller) beats any workgroup name: on a domain network the SMB
 * "workgroup" field carries the NetBIOS domain name. Answers never invent a domain.
 */
export function buildDirectory(audit: Audit, devices: Device[]): Directory {
  const domains = new Map<string, DomainSeen>();
  const netbiosDomainNames: { name: string; evidence: Evidence }[] = [];
  const workgroupNames: { name: string; evidence: Evidence }[] = [];
  const seeDomain = (raw: string | undefined, evidence: Evidence): DomainSeen | undefined => {
    const name = cleanName(raw)?.toLowerCase();
    if (!name?.includes(".")) return undefined;
    let seen = domains.get(name);
    if (!seen) {
      seen = { name, controllers: new Map(), evidence: [] };
      domains.set(name, seen);
    }
    seen.evidence.push(evidence);
    return seen;
  };

  audit.directory.domains.forEach((domain, index) => {
    const seen = seeDomain(domain.dnsName, {
      fact: `directory.domains[${index}]`,
      observed: `${domain.dnsName} (${domain.sources.join(", ") || "directory"})`,
      source: "scan",
    });
    if (!seen) return;
    seen.netbiosName ??= cleanName(domain.netbiosName);
    seen.functionalLevel ??= domain.functionalLevel;
    for (const controller of domain.controllers) {
      if (controller.ip) seen.controllers.set(controller.ip, cleanName(controller.hostname));
    }
  });

  // Indexed loops and no array literals per host: this runs once per host, mostly before V8
  // optimises it, and an interpreted for…of or spread allocates at every step.
  for (let h = 0; h < audit.hosts.length; h++) {
    const host = audit.hosts[h]!;
    const ldap = ldapDomains(host);
    for (let i = 0; i < ldap.length; i++) {
      seeDomain(ldap[i]!.value, {
        host: host.ip,
        fact: ldap[i]!.fact,
        observed: ldap[i]!.value,
        source: "scan",
        note: "Domain named by the LDAP service.",
      });
    }
    const smb = smbInfo(host);
    const ntlm = ntlmInfo(host);
    const ownName = smb.computerName?.value.toLowerCase();
    const seeScannedDomain = (found: Located | undefined) => {
      if (found && found.value.toLowerCase() !== ownName) {
        seeDomain(found.value, { host: host.ip, fact: found.fact, observed: found.value, source: "scan" });
      }
    };
    seeScannedDomain(smb.dnsDomain);
    seeScannedDomain(smb.forest);
    seeScannedDomain(ntlm.dnsDomain);
    const seeNetbiosDomain = (found: Located | undefined) => {
      if (found && found.value.toLowerCase() !== ownName) {
        netbiosDomainNames.push({
          name: found.value,
          evidence: { host: host.ip, fact: found.fact, observed: found.value, source: "scan" },
        });
      }
    };
    seeNetbiosDomain(smb.netbiosDomain);
    seeNetbiosDomain(ntlm.netbiosDomain);
    const seeWorkgroup = (found: Located) => {
      workgroupNames.push({
        name: found.value,
        evidence: { host: host.ip, fact: found.fact, observed: `workgroup: ${found.value}`, source: "scan" },
      });
    };
    const extraInfoWorkgroups = smbExtraInfoWorkgroups(host);
    for (let i = 0; i < extraInfoWorkgroups.length; i++) seeWorkgroup(extraInfoWorkgroups[i]!);
    if (smb.workgroup) seeWorkgroup(smb.workgroup);
    const netbios = netbiosOf(host);
    const names = netbios?.names ?? [];
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      const cleaned = cleanName(name.name);
      if (!cleaned || !name.group || !netbios) continue;
      const evidence: Evidence = {
        host: host.ip,
        fact: netbios.fact,
        observed: `${cleaned}<${name.suffix}> group`,
        source: "scan",
      };
      if (name.suffix.toLowerCase() === "1c")
        netbiosDomainNames.push({
          name: cleaned,
          evidence: { ...evidence, note: "<1C> is registered only for a domain's controllers." },
        });
      else if (name.suffix === "00") workgroupNames.push({ name: cleaned, evidence });
    }
  }

  if (audit.agent?.domainJoined?.joined && audit.agent.domainJoined.domain) {
    seeDomain(audit.agent.domainJoined.domain, {
      fact: "agent.domainJoined",
      observed: audit.agent.domainJoined.domain,
      source: "agent",
    });
  }

  const controllers = devices.filter((device) => device.role === "domain-controller");
  const hasDomainNetbios = netbiosDomainNames.some((entry) => entry.evidence.note);
  if (domains.size > 0 || controllers.length > 0 || hasDomainNetbios) {
    const best = [...domains.values()].sort((a, b) => b.evidence.length - a.evidence.length)[0];
    const netbiosName =
      best?.netbiosName ??
      mostCommon(netbiosDomainNames.map((entry) => entry.name)) ??
      mostCommon(workgroupNames.map((entry) => entry.name));
    const evidence: Evidence[] = [...(best?.evidence ?? [])];
    for (const controller of controllers) {
      evidence.push({
        host: controller.ip,
        fact: `devices[ip=${controller.ip}].role`,
        observed: "domain-controller",
        source: "derived",
      });
    }
    evidence.push(...netbiosDomainNames.map((entry) => entry.evidence));
    evidence.push(
      ...workgroupNames.map((entry) => ({
        ...entry.evidence,
        note: "On a domain network the SMB 'workgroup' field carries the NetBIOS domain name.",
      })),
    );
    const controllerRefs = new Map<string, string | undefined>(best?.controllers ?? []);
    for (const controller of controllers)
      controllerRefs.set(controller.ip, controller.name ?? controllerRefs.get(controller.ip));
    const directory: Directory = {
      kind: "domain",
      controllers: [...controllerRefs.entries()].map(([ip, name]) => (name ? { ip, name } : { ip })),
      evidence: dedupe(evidence),
    };
    if (best) directory.name = best.name;
    if (netbiosName) directory.netbiosName = netbiosName.toUpperCase();
    if (best?.functionalLevel) directory.functionalLevel = best.functionalLevel;
    return directory;
  }

  const workgroups = [
    ...audit.directory.workgroups.map((workgroup, index) => ({
      name: cleanName(workgroup.name) ?? "",
      evidence: { fact: `directory.workgroups[${index}]`, observed: workgroup.name, source: "scan" as const },
    })),
    ...workgroupNames,
  ].filter((entry) => entry.name !== "");
  if (workgroups.length > 0) {
    const name = mostCommon(workgroups.map((entry) => entry.name.toUpperCase()));
    return {
      kind: "workgroup",
      name,
      controllers: [],
      evidence: dedupe(workgroups.map((entry) => entry.evidence)),
    };
  }
  return { kind: "unknown", controllers: [], evidence: [] };
}

// --- internal ---

function mostCommon(names: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name.toUpperCase(), (counts.get(name.toUpperCase()) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Drops repeats of the same host, fact and observation (grouped by fact: no key string per item). */
function dedupe(evidence: Evidence[]): Evidence[] {
  const seenByFact = new Map<string, Evidence[]>();
  const kept: Evidence[] = [];
  for (let i = 0; i < evidence.length; i++) {
    const item = evidence[i]!;
    const seen = seenByFact.get(item.fact);
    if (!seen) seenByFact.set(item.fact, [item]);
    else if (seen.some((other) => (other.host ?? "") === (item.host ?? "") && other.observed === item.observed)) continue;
    else seen.push(item);
    kept.push(item);
  }
  return kept;
}
