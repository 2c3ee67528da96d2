import {
  type Assessment,
  type Changes,
  type Device,
  type Finding,
  SEVERITIES,
} from "../../schema/assessment.js";
import type { Audit, Host } from "../../schema/audit.js";
import { describeDeviceChange } from "./device-changes.js";
import { type DeviceIdentity, matchDevices } from "./device-identity.js";

type FindingChange = Changes["findings"]["new"][number];
type DeviceChange = Changes["devices"]["added"][number];

/**
 * What changed since the last assessment (`previous` is oldest first; the last one is compared
 * with `current`), plus the history of every visit for the trend charts. Pure.
 *
 * Findings are matched by id and by device (hosts are translated through device identity, so a
 * device that moved address keeps its findings): a finding fixed on one host but still open on
 * another is listed both as resolved (that host) and as persisting (the other), so every fix is
 * credited even when new problems appeared too.
 */
export function buildChanges(
  previous: Assessment[],
  current: Assessment,
  audits?: { previous: Audit[]; current: Audit },
): Changes {
  const last = previous[previous.length - 1];
  if (!last) throw new Error("buildChanges needs at least one earlier assessment");
  const lastAudit = audits?.previous[audits.previous.length - 1];

  const match = matchDevices(last.devices, current.devices, (device, side) =>
    identityOf(device, hostOf(side === "previous" ? lastAudit : audits?.current, device)),
  );
  const ipNow = new Map(match.pairs.map((pair) => [pair.previous.ip, pair.current.ip]));
  // Hosts of devices not seen this time get a key no current address can equal (DHCP may reuse theirs).
  const gone = new Set(match.removed.map((device) => device.ip));

  const changed: DeviceChange[] = [];
  for (const pair of match.pairs) {
    const details = describeDeviceChange(
      { device: pair.previous, host: hostOf(lastAudit, pair.previous) },
      { device: pair.current, host: hostOf(audits?.current, pair.current) },
    );
    if (details.length === 0) continue;
    changed.push({
      ...deviceEntry(pair.current),
      mac: pair.current.mac ?? pair.previous.mac,
      name: pair.current.name ?? pair.previous.name,
      details,
    });
  }

  return {
    previous: {
      startedAt: last.audit.startedAt,
      ...(last.audit.auditId ? { auditId: last.audit.auditId } : {}),
    },
    devices: {
      added: match.added.map(deviceEntry).sort(byIp),
      removed: match.removed.map(deviceEntry).sort(byIp),
      changed: changed.sort(byIp),
    },
    findings: compareFindings(
      last.findings,
      current.findings,
      (ip) => ipNow.get(ip) ?? (gone.has(ip) ? goneKey(ip) : ip),
    ),
    scores: {
      fit: { before: last.scores.fit, after: current.scores.fit },
      risk: { before: last.scores.risk, after: current.scores.risk },
    },
    counts: countDeltas(last, current),
    history: [...previous, current].map(historyPoint),
  };
}

// --- internal ---

function compareFindings(
  before: Finding[],
  after: Finding[],
  translate: (ip: string) => string,
): Changes["findings"] {
  const result: Required<Changes["findings"]> = { new: [], resolved: [], persisting: [], goneWithDevice: [] };
  // A rule that failed this time cannot tell whether its finding was fixed.
  const unchecked = new Set(after.filter((f) => f.status === "error").map((f) => f.id));
  const beforeById = groupById(
    before.filter((f) => f.status !== "error"),
    translate,
  );
  const afterById = groupById(
    after.filter((f) => f.status !== "error"),
    (ip) => ip,
  );

  const away = (finding: Finding, hosts: string[]) => {
    const gone = hosts.filter(isGoneKey);
    const fixed = hosts.filter((h) => !isGoneKey(h));
    if (fixed.length || gone.length === 0) result.resolved.push(entry(finding, fixed));
    if (gone.length) result.goneWithDevice.push(entry(finding, gone.map(ipOfGoneKey)));
  };

  for (const [id, was] of beforeById) {
    const now = afterById.get(id);
    if (!now) {
      if (unchecked.has(id)) result.persisting.push(entry(was.finding, [...was.hosts].map(ipOfGoneKey)));
      else away(was.finding, [...was.hosts]);
      continue;
    }
    const awayHosts = [...was.hosts].filter((h) => !now.hosts.has(h));
    const stillHosts = [...now.hosts].filter((h) => was.hosts.has(h));
    const newHosts = [...now.hosts].filter((h) => !was.hosts.has(h));
    if (awayHosts.length) away(was.finding, awayHosts);
    if (stillHosts.length || (was.hosts.size === 0 && now.hosts.size === 0)) {
      result.persisting.push(entry(now.finding, stillHosts));
    }
    if (newHosts.length) result.new.push(entry(now.finding, newHosts));
  }
  for (const [id, now] of afterById) {
    if (!beforeById.has(id)) result.new.push(entry(now.finding, [...now.hosts]));
  }
  for (const list of Object.values(result)) list.sort(bySeverity);
  return result;
}

const GONE_PREFIX = "gone-device:";
const goneKey = (ip: string) => `${GONE_PREFIX}${ip}`;
const isGoneKey = (host: string) => host.startsWith(GONE_PREFIX);
const ipOfGoneKey = (host: string) => (isGoneKey(host) ? host.slice(GONE_PREFIX.length) : host);

function groupById(findings: Finding[], translate: (ip: string) => string) {
  const byId = new Map<string, { finding: Finding; hosts: Set<string> }>();
  for (const finding of findings) {
    const group = byId.get(finding.id) ?? { finding, hosts: new Set<string>() };
    for (const host of finding.hosts) group.hosts.add(translate(host));
    byId.set(finding.id, group);
  }
  return byId;
}

function entry(finding: Finding, hosts: string[]): FindingChange {
  return { id: finding.id, title: finding.title, severity: finding.severity, hosts: hosts.sort(compareIp) };
}

function historyPoint(assessment: Assessment): Changes["history"][number] {
  const openFindings: Record<string, number> = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
  for (const finding of assessment.findings) {
    if (finding.status === "open") openFindings[finding.severity] = (openFindings[finding.severity] ?? 0) + 1;
  }
  return {
    startedAt: assessment.audit.startedAt,
    devices: assessment.devices.length,
    fit: assessment.scores.fit,
    risk: assessment.scores.risk,
    openFindings,
  };
}

function countDeltas(before: Assessment, after: Assessment): NonNullable<Changes["counts"]> {
  const pick = (a: Assessment) => ({
    devices: a.devices.length,
    workstations: a.environment.counts.workstations,
    servers: a.environment.counts.servers,
    printers: a.environment.counts.printers,
    networkDevices: a.environment.counts.networkDevices,
    openFindings: a.findings.filter((f) => f.status === "open").length,
  });
  const b = pick(before);
  const a = pick(after);
  return Object.fromEntries(
    (Object.keys(b) as Array<keyof typeof b>).map((key) => [key, { before: b[key], after: a[key] }]),
  );
}

function identityOf(device: Device, host: Host | undefined): DeviceIdentity {
  const names = [
    device.name,
    ...(host?.hostnames.map((h) => h.name) ?? []),
    host?.netbios?.name,
    host?.snmp?.sysName,
  ];
  return {
    ip: device.ip,
    mac: device.mac ?? host?.mac,
    names: names.filter((n): n is string => !!n),
    sharedMac: device.sharedMac || (host?.sharedMacWith.length ?? 0) > 0,
  };
}

function hostOf(audit: Audit | undefined, device: Device): Host | undefined {
  return audit?.hosts.find((host) => host.ip === device.ip);
}

function deviceEntry(device: Device): DeviceChange {
  return {
    ip: device.ip,
    ...(device.mac ? { mac: device.mac } : {}),
    ...(device.name ? { name: device.name } : {}),
    role: device.role,
    details: [],
  };
}

const SEVERITY_RANK = new Map<string, number>(SEVERITIES.map((s, i) => [s, i]));

function bySeverity(a: FindingChange, b: FindingChange): number {
  const rank =
    (SEVERITY_RANK.get(a.severity ?? "info") ?? 9) - (SEVERITY_RANK.get(b.severity ?? "info") ?? 9);
  return rank || a.id.localeCompare(b.id);
}

function byIp(a: { ip: string }, b: { ip: string }): number {
  return compareIp(a.ip, b.ip);
}

function compareIp(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  if (pa.length === 4 && pb.length === 4 && [...pa, ...pb].every(Number.isFinite)) {
    for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
    return 0;
  }
  return a.localeCompare(b);
}
