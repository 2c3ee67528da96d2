import ipaddr from "ipaddr.js";
import type { Announcement } from "../../../schema/audit.js";
import { defineGatherer, type GatherContext } from "../../gatherer.js";
import { reason } from "../shared/errors.js";
import { mapLimit } from "../shared/map-limit.js";
import { collectorSignal } from "../shared/time-limit.js";
import { fetchDescription, listenMdns, listenSsdp } from "./listen.js";
import { hostsFromMdns } from "./parse-mdns.js";
import { parseDeviceDescription } from "./parse-ssdp.js";

export const ANNOUNCEMENTS_ID = "announcements";

export interface AnnouncementsOptions {
  /** How long to listen for mDNS and SSDP answers (both at once). */
  listenMs: number;
  /** Per UPnP description fetch. */
  fetchTimeoutMs: number;
  maxDescriptions: number;
}

export const DEFAULT_ANNOUNCEMENTS_OPTIONS: AnnouncementsOptions = {
  listenMs: 3000,
  fetchTimeoutMs: 2000,
  maxDescriptions: 32,
};

export function createAnnouncementsGatherer(options: AnnouncementsOptions = DEFAULT_ANNOUNCEMENTS_OPTIONS) {
  return defineGatherer({
    id: ANNOUNCEMENTS_ID,
    version: 1,
    // Needs only the live hosts; its fixed listening window overlaps the service scan instead of
    // adding to the scan's end.
    phase: "services",
    run: (ctx) => gatherAnnouncements(ctx, options),
  });
}

export const announcementsGatherer = createAnnouncementsGatherer();

/** The agent's IPv4 addresses on links where the scan found live in-scope hosts. */
export function multicastInterfaces(
  interfaces: readonly { ip4?: string; cidr?: string }[],
  liveIps: readonly string[],
): string[] {
  const out: string[] = [];
  for (const nic of interfaces) {
    if (!nic.ip4 || !nic.cidr) continue;
    try {
      const [range, bits] = ipaddr.parseCIDR(nic.cidr);
      if (
        liveIps.some(
          (ip) =>
            ipaddr.isValid(ip) && ipaddr.parse(ip).kind() === "ipv4" && ipaddr.parse(ip).match(range, bits),
        )
      ) {
        out.push(nic.ip4);
      }
    } catch {
      // malformed CIDR: skip the interface
    }
  }
  return [...new Set(out)];
}

/**
 * Listens for mDNS (DNS-SD) and SSDP announcements on the agent's scanned links, and reads the
 * UPnP descriptions of in-scope hosts. Facts are kept only for addresses in scope.
 */
export async function gatherAnnouncements(ctx: GatherContext, options: AnnouncementsOptions): Promise<void> {
  const live = ctx.hosts().map((h) => h.ip);
  const interfaces = multicastInterfaces(ctx.draft.agent?.interfaces ?? [], live);
  if (interfaces.length === 0 || ctx.signal.aborted) return;
  const done = ctx.probe({
    id: ANNOUNCEMENTS_ID,
    tool: "multicast-dns, dgram",
    command: `mDNS PTR queries (DNS-SD) to 224.0.0.251:5353 and SSDP M-SEARCH ssdp:all to 239.255.255.250:1900, listening ${options.listenMs} ms`,
    targets: ["224.0.0.251", "239.255.255.250"],
  });
  const signal = collectorSignal(ctx.signal);
  const found = new Map<
    string,
    { hostnames: { name: string; type: string }[]; announcements: Announcement[] }
  >();
  const entry = (ip: string) => {
    let e = found.get(ip);
    if (!e) {
      e = { hostnames: [], announcements: [] };
      found.set(ip, e);
    }
    return e;
  };

  const ssdpLocations = new Map<string, { ip: string; server?: string; st: Set<string> }>();
  await Promise.all(
    interfaces.flatMap((ip) => [
      listenMdns(ip, options.listenMs, signal).then(
        (responses) => {
          for (const heard of hostsFromMdns(responses)) {
            if (!ctx.isAllowed(heard.ip)) continue;
            const e = entry(heard.ip);
            e.announcements.push(heard.announcement);
            for (const name of heard.hostnames) e.hostnames.push({ name, type: "mdns" });
          }
        },
        (error) => ctx.warn(ANNOUNCEMENTS_ID, `mDNS listening on ${ip} failed: ${reason(error)}`),
      ),
      listenSsdp(ip, options.listenMs, signal).then(
        (answers) => {
          for (const { from, headers } of answers) {
            if (!ctx.isAllowed(from) || !headers.location) continue;
            const loc = ssdpLocations.get(headers.location) ?? {
              ip: from,
              server: headers.server,
              st: new Set<string>(),
            };
            if (headers.st) loc.st.add(headers.st);
            ssdpLocations.set(headers.location, loc);
          }
        },
        (error) => ctx.warn(ANNOUNCEMENTS_ID, `SSDP listening on ${ip} failed: ${reason(error)}`),
      ),
    ]),
  );

  // Fetch descriptions only from in-scope IP literals: never resolve a name a device handed us.
  const fetchable = [...ssdpLocations.entries()]
    .filter(([url, loc]) => {
      try {
        const u = new URL(url);
        return u.protocol === "http:" && u.hostname === loc.ip && ctx.isAllowed(u.hostname);
      } catch {
        return false;
      }
    })
    .slice(0, options.maxDescriptions);
  if (fetchable.length > 0) {
    const fetchDone = ctx.probe({
      id: "ssdp-description",
      tool: "fetch",
      command: "HTTP GET UPnP device description (LOCATION)",
      targets: [...new Set(fetchable.map(([, loc]) => loc.ip))],
    });
    await mapLimit(
      fetchable,
      4,
      async ([url, loc]) => {
        const announcement: Announcement = {
          protocol: "ssdp",
          services: [...loc.st].sort().slice(0, 32),
          raw: { location: url, ...(loc.server ? { server: loc.server } : {}) },
        };
        try {
          const description = parseDeviceDescription(
            await fetchDescription(url, options.fetchTimeoutMs, signal),
          );
          announcement.name = description.name;
          announcement.model = description.model;
          announcement.manufacturer = description.manufacturer;
          Object.assign(announcement.raw, description.raw);
        } catch (error) {
          ctx.warn(ANNOUNCEMENTS_ID, `UPnP description ${url} not readable: ${reason(error)}`, loc.ip);
        }
        const e = entry(loc.ip);
        e.announcements.push(announcement);
        if (announcement.name) e.hostnames.push({ name: announcement.name, type: "ssdp" });
      },
      ctx.signal,
    );
    fetchDone(ctx.signal.aborted ? "interrupted" : "ok");
  }
  // SSDP answers whose description we did not fetch still count as heard.
  for (const [url, loc] of ssdpLocations) {
    if (fetchable.some(([u]) => u === url)) continue;
    entry(loc.ip).announcements.push({
      protocol: "ssdp",
      services: [...loc.st].sort().slice(0, 32),
      raw: { location: url, ...(loc.server ? { server: loc.server } : {}) },
    });
  }

  for (const [ip, facts] of found) ctx.addHostFacts(ip, facts, ANNOUNCEMENTS_ID);
  done(ctx.signal.aborted ? "interrupted" : "ok", `${found.size} hosts announced themselves`);
}
