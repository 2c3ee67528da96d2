import type { Device, Evidence, Role } from "../../../schema/assessment.js";
import type { Audit, Host } from "../../../schema/audit.js";
import { decideRole } from "./decide-role.js";
import { deviceName } from "./device-name.js";
import { CONFLICTING_OS_FAMILIES, claimedOsFamilies, deviceOs } from "./device-os.js";
import { modelIn } from "../signatures/model-patterns.js";
import { bannerTexts, hostPath, openServices } from "./host-facts.js";
import { type SignatureFamily, type SignatureMatch, matchSignatures } from "./match-signatures.js";
import { RememberedLookup } from "../remembered-lookups.js";
import { cleanText, macHasVendor } from "./text-cleanup.js";

/** A host claiming several operating systems at once is never more certain than this. */
export const CONFLICTING_OS_CONFIDENCE_CAP = 0.3;

/** Roles whose Windows build numbers name a Windows Server release. */
const SERVER_ROLES = new Set<Role>([
  "domain-controller",
  "server",
  "file-server",
  "hypervisor",
  "backup-server",
]);

/** Classifies every live host of the Audit into a Device with role, confidence and evidence. */
export function classifyDevices(audit: Audit): Device[] {
  return audit.hosts.filter((host) => host.status.state !== "down").map((host) => classifyHost(host, audit));
}

export function classifyHost(host: Host, audit: Audit): Device {
  const { matches, notes } = matchSignatures(host, audit);
  const decision = decideRole(matches);
  const evidence: Evidence[] = decision.supporting.map((match) => match.evidence);
  let confidence = decision.confidence;

  if (decision.osOnly && decision.role !== "unknown") {
    evidence.push(
      note(
        host,
        `${hostPath(host)}.os`,
        "role from nmap OS guesses only",
        "No service, banner or vendor evidence: the role is a guess.",
      ),
    );
  }
  const claimed = claimedOsFamilies(host);
  if (claimed.families.length >= CONFLICTING_OS_FAMILIES) {
    confidence = Math.min(confidence, CONFLICTING_OS_CONFIDENCE_CAP);
    evidence.push(
      note(
        host,
        `${hostPath(host)}`,
        `claims ${claimed.families.length} operating systems: ${claimed.families.join(", ")}`,
        "One host claiming several operating systems at once is a honeypot, a port-forwarding device or a misidentification: low confidence.",
      ),
      ...claimed.evidence,
    );
  }
  if (host.sharedMacWith.length > 0) {
    evidence.push(
      note(
        host,
        `${hostPath(host)}.sharedMacWith`,
        `same MAC as ${host.sharedMacWith.join(", ")}`,
        "Another IP answers with this MAC (proxy-ARP, a router or a hypervisor): counted once.",
      ),
    );
  }
  evidence.push(...notes);

  const macVendor = macHasVendor(host.mac) ? cleanText(host.vendor) : undefined;
  const vendor =
    vendorOf("snmp", decision.supporting) ??
    vendorOf("banner", decision.supporting) ??
    vendorOf("port", decision.supporting) ??
    vendorOf("mac", matches) ??
    macVendor ??
    vendorOf("os-string", decision.supporting);

  const services = openServices(host);
  const serviceNames: string[] = [];
  for (let s = 0; s < services.length; s++) {
    const service = services[s]!;
    serviceNames.push(`${service.port}/${service.protocol} ${service.name ?? "unknown"}`);
  }
  const device: Device = {
    ip: host.ip,
    role: decision.role,
    roles: decision.roles,
    confidence,
    evidence: dedupe(evidence),
    services: serviceNames,
  };
  if (host.mac) device.mac = host.mac;
  if (vendor) device.vendor = vendor;
  const name = deviceName(host);
  if (name) device.name = name;
  const os = deviceOs(host, SERVER_ROLES.has(decision.role));
  if (os) device.os = os;
  const model = cleanText(
    host.snmp?.ups?.model ?? host.announcements.find((entry) => entry.model)?.model ?? modelInTexts(host),
  );
  if (model) device.model = model;
  if (host.sharedMacWith.length > 0) device.sharedMac = true;
  return device;
}

// --- internal ---

/** The first vendor named by a match of this family (in match order). */
function vendorOf(family: SignatureFamily, pool: readonly SignatureMatch[]): string | undefined {
  for (let m = 0; m < pool.length; m++) {
    const match = pool[m]!;
    if (match.family === family && match.signature.vendor) return match.signature.vendor;
  }
  return undefined;
}

/** A product model named in the host's SNMP description, HTTP titles or certificates, in that order. */
function modelInTexts(host: Host): string | undefined {
  const texts = bannerTexts(host);
  for (const list of [texts["snmp-sysdescr"], texts["http-title"], texts["cert-subject"]]) {
    for (let t = 0; t < list.length; t++) {
      const model = modelInText.get(list[t]!.value);
      if (model) return model;
    }
  }
  return undefined;
}

/** Hundreds of hosts share a description or title: each text is searched once. */
const modelInText = new RememberedLookup((text) => modelIn([text]));

function note(host: Host, fact: string, observed: string, text: string): Evidence {
  return { host: host.ip, fact, observed, source: "derived", note: text };
}

/**
 * Drops repeats of the same fact, observation and note. A device has a dozen items at most: a
 * scan of those kept is cheaper than a map, and builds no key string per item.
 */
function dedupe(evidence: Evidence[]): Evidence[] {
  const kept: Evidence[] = [];
  for (let i = 0; i < evidence.length; i++) {
    const item = evidence[i]!;
    if (!isRepeat(kept, item)) kept.push(item);
  }
  return kept;
}

function isRepeat(kept: readonly Evidence[], item: Evidence): boolean {
  for (let k = 0; k < kept.length; k++) {
    const other = kept[k]!;
    if (other.fact === item.fact && other.observed === item.observed && (other.note ?? "") === (item.note ?? ""))
      return true;
  }
  return false;
}
