import type { Device } from "../../schema/assessment.js";
import type { Host } from "../../schema/audit.js";
import { normalizeName } from "./device-identity.js";

/**
 * What changed on one device between two visits, as short lines for the report
 * ("address 10.0.0.5 → 10.0.0.23", "opened 3389/tcp ms-wbt-server"). Open services come from the
 * audits' hosts when given (every open port), else from the assessment's short service list.
 */
export function describeDeviceChange(
  before: { device: Device; host?: Host },
  after: { device: Device; host?: Host },
): string[] {
  const details: string[] = [];
  const a = before.device;
  const b = after.device;
  if (a.ip !== b.ip) details.push(`address ${a.ip} → ${b.ip}`);
  if (a.name && b.name && normalizeName(a.name) !== normalizeName(b.name))
    details.push(`name ${a.name} → ${b.name}`);
  if (a.role !== b.role) details.push(`role ${a.role} → ${b.role}`);
  if (a.os && b.os && a.os !== b.os && osChangeIsReal(before.host, after.host))
    details.push(`OS ${a.os} → ${b.os}`);
  if (before.host?.timedOut || after.host?.timedOut) return details;
  const servicesBefore = openServices(before);
  const servicesAfter = openServices(after);
  for (const [key, label] of servicesAfter) if (!servicesBefore.has(key)) details.push(`opened ${label}`);
  for (const [key, label] of servicesBefore) if (!servicesAfter.has(key)) details.push(`closed ${label}`);
  return details;
}

/** "445/tcp" → "445/tcp microsoft-ds", sorted by port. */
function openServices(side: { device: Device; host?: Host }): Map<string, string> {
  const entries: Array<[string, string, number]> = [];
  if (side.host) {
    for (const service of side.host.services) {
      if (service.state !== "open") continue;
      const key = `${service.port}/${service.protocol}`;
      entries.push([key, service.name ? `${key} ${service.name}` : key, service.port]);
    }
  } else {
    for (const line of side.device.services) {
      const key = line.split(/\s+/)[0] ?? line;
      entries.push([key, line, Number.parseInt(key, 10) || 0]);
    }
  }
  return new Map(entries.sort((x, y) => x[2] - y[2]).map(([key, label]) => [key, label]));
}

/**
 * An OS seen only once, or seen by two different methods, is a difference in what the scan could
 * see, not a change: turning SMB1 off silences smb-os-discovery, and the OS then comes from
 * nmap's fingerprint guess. Two fingerprint guesses only count when the family differs, since
 * "Linux 3.2" and "Linux 5.3 - 5.4" are the same machine guessed twice.
 */
function osChangeIsReal(before: Host | undefined, after: Host | undefined): boolean {
  if (!before || !after) return true;
  const source = (host: Host) =>
    host.scripts["smb-os-discovery"]
      ? "smb"
      : host.snmp?.sysDescr
        ? "snmp"
        : host.os?.matches.length
          ? "fingerprint"
          : "service";
  const sourceBefore = source(before);
  if (sourceBefore !== source(after)) return false;
  if (sourceBefore !== "fingerprint") return true;
  const family = (host: Host) => {
    const top = host.os?.matches[0];
    return (top?.classes[0]?.family ?? top?.name.split(/\s+/)[0] ?? "").toLowerCase();
  };
  return family(before) !== family(after);
}
