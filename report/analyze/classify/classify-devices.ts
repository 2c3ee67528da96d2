import type { Device, Evidence, Role } from "../../../schema/assessment.js";
import type { Audit, Host } from "../../../schema/audit.js";
import { decideRole } from "./decide-role.js";
import { deviceName } from "./device-name.js";
import { CONFLICTING_OS_FAMILIES, claimedOsFamilies, deviceOs } from "./device-os.js";
import { modelIn } from "../signatures/model-patterns.js";
import { bannerTexts, hostPath, openServices, portKey } from "./host-facts.js";
import { type SignatureFamily, type SignatureMatch, matchSignatures } from "./match-signatures.js";
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

  const vendorOf = (family: SignatureFamily, pool: SignatureMatch[]) =>
    pool.find((match) => match.family === family && match.signature.vendor)?.signature.vendor;
  const macVendor = macHasVendor(host.mac) ? cleanText(host.vendor) : undefined;
  const vendor =
    vendorOf("snmp", decision.supporting) ??
    vendorOf("banner", decision.supporting) ??
    vendorOf("port", decision.supporting) ??
    vendorOf("mac", matches) ??
    macVendor ??
    vendorOf("os-string", decision.supporting);

  const device: Device = {
    ip: host.ip,
    role: decision.role,
    roles: decision.roles,
    confidence,
    evidence: dedupe(evidence),
    services: openServices(host).map((service) => `${portKey(service)} ${service.name ?? "unknown"}`),
  };
  if (host.mac) device.mac = host.mac;
  if (vendor) device.vendor = vendor;
  const name = deviceName(host);
  if (name) device.name = name;
  const os = deviceOs(host, SERVER_ROLES.has(decision.role));
  if (os) device.os = os;
  const texts = bannerTexts(host);
  const model = cleanText(
    host.snmp?.ups?.model ??
      host.announcements.find((entry) => entry.model)?.model ??
      modelIn(
        [...texts["snmp-sysdescr"], ...texts["http-title"], ...texts["cert-subject"]].map(
          (text) => text.value,
        ),
      ),
  );
  if (model) device.model = model;
  if (host.sharedMacWith.length > 0) device.sharedMac = true;
  return device;
}

// --- internal ---

function note(host: Host, fact: string, observed: string, text: string): Evidence {
  return { host: host.ip, fact, observed, source: "derived", note: text };
}

/** Drops repeats of the same fact, observation and note (without building a key string per item). */
function dedupe(evidence: Evidence[]): Evidence[] {
  const seenByFact = new Map<string, Evidence[]>();
  return evidence.filter((item) => {
    const seen = seenByFact.get(item.fact);
    if (!seen) {
      seenByFact.set(item.fact, [item]);
      return true;
    }
    if (seen.some((other) => other.observed === item.observed && (other.note ?? "") === (item.note ?? ""))) return false;
    seen.push(item);
    return true;
  });
}
