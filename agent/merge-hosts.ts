import ipaddr from "ipaddr.js";
import type { Host, Netbios, Scripts, Service, TlsCert } from "../schema/audit.js";

/**
 * The same host seen by two scans or collectors → one host.
 * - Services: union by port + protocol. For a port seen twice, the richer record (more of name,
 *   product, version, extraInfo, … filled; the incoming one on a tie) wins, and the other fills
 *   what it lacks; CPEs are unioned and scripts merged.
 * - Scripts (host and port): union by id; for the same id the incoming result wins unless empty.
 * - Hostnames (name + type), IPv6 addresses, sources, TLS certificates (by port), announcements:
 *   de-duplicated unions, existing order first.
 * - OS: the matches (and ports used, fingerprint) of the scan whose best match is the most
 *   accurate; the incoming one on a tie.
 * - Status: "up" is never downgraded by a later "down". Other scalar facts (MAC, vendor, latency,
 *   distance, uptime, times, …): the incoming value wins when it is present.
 * - startedAt: the earliest; finishedAt: the latest; timedOut sticks.
 * The identity (`ip`) of `existing` is kept. Neither argument is modified.
 */
export function mergeHost(existing: Host, incoming: Partial<Host>): Host {
  const merged: Host = { ...existing };
  const later = <K extends keyof Host>(key: K) => {
    const value = incoming[key];
    if (value !== undefined && value !== null && value !== "") merged[key] = value as Host[K];
  };
  for (const key of ["mac", "vendor", "latencyMs", "distance", "uptime", "times"] as const) later(key);

  if (incoming.status) {
    const keepUp = existing.status.state === "up" && incoming.status.state !== "up";
    if (!keepUp) merged.status = { ...incoming.status };
  }
  merged.ipv6 = union(existing.ipv6, incoming.ipv6 ?? [], (ip) => ip.toLowerCase());
  merged.hostnames = union(
    existing.hostnames,
    incoming.hostnames ?? [],
    (h) => `${h.name.toLowerCase()}\u0000${h.type}`,
  );
  merged.sources = union(existing.sources, incoming.sources ?? [], (s) => s);
  merged.sharedMacWith = union(existing.sharedMacWith, incoming.sharedMacWith ?? [], (s) => s);
  merged.announcements = union(existing.announcements, incoming.announcements ?? [], (a) =>
    JSON.stringify(a),
  );
  merged.tls = mergeTls(existing.tls, incoming.tls ?? []);
  if (incoming.ups?.length) {
    merged.ups = union(existing.ups ?? [], incoming.ups, (u) => `${u.source}\u0000${u.raw.upsName ?? u.model ?? ""}`);
  }
  merged.services = mergeServices(existing.services, incoming.services ?? []);
  merged.scripts = mergeScripts(existing.scripts, incoming.scripts ?? {});
  if (incoming.extraPorts?.length) merged.extraPorts = incoming.extraPorts;
  if (incoming.snmp) {
    const snmp = { ...existing.snmp, ...defined(incoming.snmp) };
    if (existing.snmp?.ups && incoming.snmp.ups)
      snmp.ups = { ...existing.snmp.ups, ...defined(incoming.snmp.ups) };
    merged.snmp = snmp;
  }
  if (incoming.netbios) merged.netbios = mergeNetbios(existing.netbios, incoming.netbios);
  if (incoming.os && (incoming.os.matches?.length || incoming.os.fingerprint || !existing.os)) {
    merged.os =
      !existing.os || bestAccuracy(incoming.os.matches ?? []) >= bestAccuracy(existing.os.matches)
        ? incoming.os
        : existing.os;
  }
  const started = earliest(existing.startedAt, incoming.startedAt);
  const finished = latest(existing.finishedAt, incoming.finishedAt);
  if (started) merged.startedAt = started;
  if (finished) merged.finishedAt = finished;
  if (existing.timedOut || incoming.timedOut) merged.timedOut = true;
  return merged;
}

/** Several host lists (one per scan) → one host per IP address, sorted by address. */
export function mergeHostLists(lists: Host[][]): Host[] {
  const byIp = new Map<string, Host>();
  for (const list of lists) {
    for (const host of list) {
      const key = identity(host.ip);
      const existing = byIp.get(key);
      byIp.set(key, existing ? mergeHost(existing, host) : host);
    }
  }
  return [...byIp.values()].sort((a, b) => compareIps(a.ip, b.ip));
}

/** Numeric order: IPv4 first, then IPv6, then anything unparsable (by text). */
export function compareIps(a: string, b: string): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  if (ka.rank !== kb.rank) return ka.rank - kb.rank;
  for (let i = 0; i < Math.min(ka.bytes.length, kb.bytes.length); i++) {
    const diff = (ka.bytes[i] ?? 0) - (kb.bytes[i] ?? 0);
    if (diff) return diff;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

// --- internal ---

function identity(ip: string): string {
  try {
    return ipaddr.parse(ip).toNormalizedString();
  } catch {
    return ip.toLowerCase();
  }
}

function sortKey(ip: string): { rank: number; bytes: number[] } {
  try {
    const parsed = ipaddr.parse(ip);
    return { rank: parsed.kind() === "ipv4" ? 0 : 1, bytes: parsed.toByteArray() };
  } catch {
    return { rank: 2, bytes: [] };
  }
}

function union<T>(first: T[], second: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of [...first, ...second]) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(item);
  }
  return out;
}

const DETAIL_FIELDS = [
  "name",
  "product",
  "version",
  "extraInfo",
  "tunnel",
  "method",
  "confidence",
  "osType",
  "deviceType",
  "hostname",
  "serviceFp",
  "banner",
  "reason",
  "reasonTtl",
] as const satisfies readonly (keyof Service)[];

function richness(service: Service): number {
  const filled = DETAIL_FIELDS.filter(
    (field) => service[field] !== undefined && service[field] !== "",
  ).length;
  return filled * 10 + (service.cpe?.length ?? 0) + Object.keys(service.scripts ?? {}).length;
}

function mergeService(existing: Service, incoming: Service): Service {
  const incomingRicher = richness(incoming) >= richness(existing);
  const [base, other] = incomingRicher ? [incoming, existing] : [existing, incoming];
  const merged: Service = { ...base };
  for (const field of DETAIL_FIELDS) {
    if ((merged[field] === undefined || merged[field] === "") && other[field] !== undefined) {
      (merged as Record<string, unknown>)[field] = other[field];
    }
  }
  merged.cpe = union(existing.cpe ?? [], incoming.cpe ?? [], (c) => c);
  merged.scripts = mergeScripts(existing.scripts ?? {}, incoming.scripts ?? {});
  return merged;
}

function mergeServices(existing: Service[], incoming: Service[]): Service[] {
  const out = new Map<string, Service>();
  for (const service of existing) out.set(`${service.port}/${service.protocol}`, service);
  for (const given of incoming) {
    // Collectors may hand over services without the schema's defaults.
    const service: Service = { ...given, cpe: given.cpe ?? [], scripts: given.scripts ?? {} };
    const key = `${service.port}/${service.protocol}`;
    const current = out.get(key);
    out.set(key, current ? mergeService(current, service) : service);
  }
  return [...out.values()].sort((a, b) => a.port - b.port || a.protocol.localeCompare(b.protocol));
}

function mergeScripts(existing: Scripts, incoming: Scripts): Scripts {
  const out: Scripts = {};
  const put = (id: string, value: Scripts[string]) =>
    Object.defineProperty(out, id, { value, enumerable: true, writable: true, configurable: true });
  for (const [id, result] of Object.entries(existing)) put(id, result);
  for (const [id, result] of Object.entries(incoming)) {
    const current = out[id];
    if (!current || result.output.trim() !== "" || result.data !== undefined) put(id, result);
  }
  return out;
}

function mergeTls(existing: TlsCert[], incoming: TlsCert[]): TlsCert[] {
  const byPort = new Map<number, TlsCert>();
  for (const cert of [...existing, ...incoming]) byPort.set(cert.port, { ...byPort.get(cert.port), ...cert });
  return [...byPort.values()].sort((a, b) => a.port - b.port);
}

function mergeNetbios(existing: Netbios | undefined, incoming: Netbios): Netbios {
  if (!existing) return incoming;
  return {
    ...existing,
    ...defined(incoming),
    names: union(existing.names, incoming.names ?? [], (n) => `${n.name}\u0000${n.suffix}\u0000${n.group}`),
  };
}

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== ""),
  ) as Partial<T>;
}

function bestAccuracy(matches: { accuracy: number }[]): number {
  return matches.reduce((best, match) => Math.max(best, match.accuracy), -1);
}

function earliest(a: string | undefined, b: string | undefined): string | undefined {
  if (!a || !b) return a || b;
  return Date.parse(b) < Date.parse(a) ? b : a;
}

function latest(a: string | undefined, b: string | undefined): string | undefined {
  if (!a || !b) return a || b;
  return Date.parse(b) > Date.parse(a) ? b : a;
}
