import type { Announcement } from "../../../schema/audit.js";
import { cleanText } from "../shared/text.js";

/** The parts of a multicast-dns answer record this parser reads. */
export interface MdnsRecord {
  name: string;
  type: string;
  data?: unknown;
}

export interface MdnsResponse {
  /** Source address of the response packet. */
  from: string;
  answers: MdnsRecord[];
  additionals?: MdnsRecord[];
}

export interface HeardHost {
  ip: string;
  hostnames: string[];
  announcement: Announcement;
}

/** Service types we ask about by name (besides the DNS-SD enumeration). */
export const MDNS_SERVICE_TYPES = [
  "_services._dns-sd._udp.local",
  "_ipp._tcp.local",
  "_printer._tcp.local",
  "_pdl-datastream._tcp.local",
  "_smb._tcp.local",
  "_afpovertls._tcp.local",
  "_airplay._tcp.local",
  "_device-info._tcp.local",
  "_http._tcp.local",
] as const;

function txtPairs(data: unknown): Record<string, string> {
  const items = Array.isArray(data) ? data : [data];
  const out: Record<string, string> = {};
  for (const item of items) {
    const text = Buffer.isBuffer(item) ? item.toString("utf8") : typeof item === "string" ? item : "";
    const eq = text.indexOf("=");
    if (eq > 0) out[text.slice(0, eq).toLowerCase()] = cleanText(text.slice(eq + 1), 256);
  }
  return out;
}

/** "HP LaserJet._ipp._tcp.local" → {instance: "HP LaserJet", service: "_ipp._tcp"}. */
function splitInstance(name: string): { instance: string; service: string } | undefined {
  const m = /^(.*)\.(_[^.]+\._(?:tcp|udp))\.local\.?$/i.exec(name);
  return m ? { instance: m[1] ?? "", service: (m[2] ?? "").toLowerCase() } : undefined;
}

/**
 * Groups mDNS responses by the address that sent them: names (A/SRV targets, instance names),
 * services offered, and model hints from TXT records (ty/product/md/model/usb_MFG/usb_MDL).
 */
export function hostsFromMdns(responses: readonly MdnsResponse[]): HeardHost[] {
  const byIp = new Map<
    string,
    { names: Set<string>; services: Set<string>; instance?: string; raw: Record<string, string> }
  >();
  for (const response of responses) {
    let entry = byIp.get(response.from);
    if (!entry) {
      entry = { names: new Set(), services: new Set(), raw: {} };
      byIp.set(response.from, entry);
    }
    for (const record of [...response.answers, ...(response.additionals ?? [])]) {
      const name = String(record.name ?? "");
      if (record.type === "A" && record.data === response.from && name.endsWith(".local")) {
        entry.names.add(cleanText(name.toLowerCase(), 255));
      } else if (record.type === "SRV") {
        const target = (record.data as { target?: string } | undefined)?.target;
        if (target?.endsWith(".local")) entry.names.add(cleanText(target.toLowerCase(), 255));
        const parts = splitInstance(name);
        if (parts) {
          entry.services.add(parts.service);
          entry.instance ??= cleanText(parts.instance, 128);
        }
      } else if (record.type === "PTR") {
        const parts = splitInstance(String(record.data ?? ""));
        if (parts && name !== "_services._dns-sd._udp.local") {
          entry.services.add(parts.service);
          entry.instance ??= cleanText(parts.instance, 128);
        }
      } else if (record.type === "TXT") {
        Object.assign(entry.raw, txtPairs(record.data));
        const parts = splitInstance(name);
        if (parts) entry.services.add(parts.service);
      }
    }
  }
  const heard: HeardHost[] = [];
  for (const [ip, entry] of byIp) {
    if (entry.names.size === 0 && entry.services.size === 0) continue;
    const raw = entry.raw;
    const model = raw.ty ?? raw.product?.replace(/^\((.*)\)$/, "$1") ?? raw.usb_mdl ?? raw.md ?? raw.model;
    heard.push({
      ip,
      hostnames: [...entry.names].sort(),
      announcement: {
        protocol: "mdns",
        name: entry.instance ?? [...entry.names][0],
        model,
        manufacturer: raw.usb_mfg ?? raw.mfg ?? raw.manufacturer,
        services: [...entry.services].sort(),
        raw,
      },
    });
  }
  return heard;
}
