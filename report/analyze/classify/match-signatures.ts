import type { Evidence, Role } from "../../../schema/assessment.js";
import type { Audit, Host } from "../../../schema/audit.js";
import { BANNER_SIGNATURES } from "../signatures/banner-patterns.js";
import { DEVICE_TYPE_SIGNATURES } from "../signatures/device-types.js";
import { MAC_VENDOR_SIGNATURES } from "../signatures/mac-vendors.js";
import { NETBIOS_SUFFIX_SIGNATURES } from "../signatures/netbios-suffixes.js";
import { OS_CLASS_MIN_ACCURACY, OS_CLASS_SIGNATURES } from "../signatures/os-classes.js";
import { OS_STRING_SIGNATURES } from "../signatures/os-strings.js";
import type { BannerField, SignatureBase } from "../signatures/signature-types.js";
import { BANNER_FIELDS, WEIGHT } from "../signatures/signature-types.js";
import { SNMP_ENTERPRISE_SIGNATURES } from "../signatures/snmp-enterprises.js";
import {
  type Located,
  bannerTexts,
  hostPath,
  netbiosOf,
  openPortKeys,
  openServices,
  servicePath,
  smbInfo,
} from "./host-facts.js";
import { RememberedLookup, memoisedPerObject } from "../remembered-lookups.js";
import { portSignatureCandidates } from "./port-signature-candidates.js";
import { macHasVendor } from "./text-cleanup.js";

export type SignatureFamily =
  | "mac"
  | "snmp"
  | "port"
  | "banner"
  | "device-type"
  | "os-class"
  | "os-string"
  | "netbios"
  | "gateway";

/** One signature that matched one host, with the fact that made it match. */
export interface SignatureMatch {
  family: SignatureFamily;
  signature: SignatureBase;
  evidence: Evidence;
}

/** Later roles of a multi-role signature count this much of its weight. */
export const SECONDARY_ROLE_FACTOR = 0.5;

export interface HostMatches {
  matches: SignatureMatch[];
  /** Facts seen but not counted (OS guesses below the accuracy bar, ignored MAC vendors…). */
  notes: Evidence[];
}

const GATEWAY_SIGNATURE: SignatureBase = {
  id: "default-gateway",
  roles: ["router", "firewall"],
  weight: WEIGHT.medium,
  why: "The agent's default gateway: the office's router, and its firewall if it has one.",
};

const macVendorSignature = new RememberedLookup((vendor) =>
  MAC_VENDOR_SIGNATURES.find((signature) => signature.match.test(vendor)),
);

const NO_HITS: readonly number[] = [];

/** Per field: which banner signatures (by index) match a text, in signature order. */
const bannerHitsByField = new Map<BannerField, RememberedLookup<readonly number[]>>();
function bannerHits(field: BannerField, text: string): readonly number[] {
  let lookup = bannerHitsByField.get(field);
  if (!lookup) {
    const candidates = [...BANNER_SIGNATURES.entries()].filter(([, signature]) => signature.fields.includes(field));
    lookup = new RememberedLookup((value) => {
      const hits: number[] = [];
      for (const [index, signature] of candidates) if (signature.match.test(value)) hits.push(index);
      return hits.length > 0 ? hits : NO_HITS;
    });
    bannerHitsByField.set(field, lookup);
  }
  return lookup.get(text);
}

const osStringSignature = new RememberedLookup((text) =>
  OS_STRING_SIGNATURES.find((entry) => entry.match.test(text)),
);

const deviceTypeSignature = new RememberedLookup((deviceType) =>
  DEVICE_TYPE_SIGNATURES.find((entry) => entry.match.test(deviceType)),
);

/** Keyed by the class's four fields joined with a separator no nmap field contains. */
const osClassSignature = new RememberedLookup((key) => {
  const [type = "", family = "", generation = "", vendor = ""] = key.split("\u0000");
  return OS_CLASS_SIGNATURES.find(
    (entry) =>
      (!entry.type || entry.type.test(type)) &&
      (!entry.family || entry.family.test(family)) &&
      (!entry.generation || entry.generation.test(generation)) &&
      (!entry.osVendor || entry.osVendor.test(vendor)),
  );
});

const WEAK_OS_GUESS_NOTE = `nmap OS guess below ${OS_CLASS_MIN_ACCURACY}% accuracy: weak evidence, not used for the role.`;

const cache = new WeakMap<Host, { gateway: string | undefined; result: HostMatches }>();

/** Every signature of every family that matches this host. Pure (memoised per host object); no role decided here. */
export function matchSignatures(host: Host, audit: Pick<Audit, "agent">): HostMatches {
  const gateway = audit.agent?.gateway;
  const cached = cache.get(host);
  if (cached && cached.gateway === gateway) return cached.result;
  const result = computeMatches(host, audit);
  cache.set(host, { gateway, result });
  return result;
}

function computeMatches(host: Host, audit: Pick<Audit, "agent">): HostMatches {
  const matches: SignatureMatch[] = [];
  const notes: Evidence[] = [];
  const base = hostPath(host);
  const add = (family: SignatureFamily, signature: SignatureBase, fact: string, observed: string) => {
    matches.push({
      family,
      signature,
      evidence: {
        host: host.ip,
        fact,
        observed: observed.slice(0, 200),
        source: "scan",
        note: signature.why,
      },
    });
  };

  // MAC vendor
  if (host.vendor && macHasVendor(host.mac)) {
    const signature = macVendorSignature.get(host.vendor);
    if (signature) add("mac", signature, `${base}.vendor`, `${host.mac} ${host.vendor}`);
  } else if (host.vendor && host.mac) {
    notes.push({
      host: host.ip,
      fact: `${base}.mac`,
      observed: `${host.mac} (looked up as "${host.vendor}")`,
      source: "scan",
      note: "An all-zero, broadcast or locally administered MAC names no manufacturer: vendor ignored.",
    });
  }

  // SNMP enterprise
  const oid = host.snmp?.sysObjectID;
  const enterprise = oid ? /^\.?1\.3\.6\.1\.4\.1\.(\d+)/.exec(oid)?.[1] : undefined;
  if (enterprise) {
    const number = Number(enterprise);
    const sysDescr = host.snmp?.sysDescr ?? "";
    const signature = SNMP_ENTERPRISE_SIGNATURES.find(
      (entry) => entry.enterprise === number && (!entry.sysDescr || entry.sysDescr.test(sysDescr)),
    );
    if (signature) add("snmp", signature, `${base}.snmp.sysObjectID`, oid ?? "");
  }
  if (host.snmp?.ups) {
    const ups = host.snmp.ups;
    add(
      "snmp",
      {
        id: "ups-status",
        roles: ["ups"],
        tags: ["ups"],
        weight: WEIGHT.decisive,
        why: "The host answered UPS status queries (UPS-MIB or NUT).",
      },
      `${base}.snmp.ups`,
      [ups.manufacturer, ups.model, ups.batteryStatus].filter(Boolean).join(" ") || ups.source,
    );
  }

  // Port sets
  const open = openPortKeys(host);
  for (const signature of portSignatureCandidates(open)) {
    if (!signature.allOf.every((port) => open.has(port))) continue;
    if (signature.noneOf?.some((port) => open.has(port))) continue;
    const anyHits = signature.anyOf?.filter((port) => open.has(port)) ?? [];
    if (signature.anyOf && anyHits.length < (signature.minAnyOf ?? 1)) continue;
    const ports = [...signature.allOf, ...anyHits];
    add("port", signature, `${base}.services`, `open ${ports.join(", ")}`);
  }

  // Banners, titles, certificates, products, announcements, names
  // Only the signatures some text hit are visited (most hosts hit none or a few of them), in
  // signature order, each with its first hitting text in the signature's field order.
  const texts = bannerTexts(host);
  const hitsOf = new Map<Located, readonly number[]>();
  const hitIndexes: number[] = [];
  for (const field of BANNER_FIELDS) {
    for (const text of texts[field]) {
      const hits = bannerHits(field, text.value);
      if (hits === NO_HITS) continue;
      hitsOf.set(text, hits);
      for (const index of hits) if (!hitIndexes.includes(index)) hitIndexes.push(index);
    }
  }
  for (const index of hitIndexes.sort((a, b) => a - b)) {
    const signature = BANNER_SIGNATURES[index]!;
    hit: for (const field of signature.fields) {
      for (const text of texts[field]) {
        if (hitsOf.get(text)?.includes(index)) {
          add("banner", signature, text.fact, text.value);
          break hit;
        }
      }
    }
  }

  // OS strings the host announced
  const osStrings = announcedOsStrings(host);
  for (const text of osStrings) {
    const signature = osStringSignature.get(text.value);
    if (signature) {
      add("os-string", signature, text.fact, text.value);
      break;
    }
  }

  // NetBIOS suffixes
  const netbios = netbiosOf(host);
  for (const name of netbios?.names ?? []) {
    const signature = NETBIOS_SUFFIX_SIGNATURES.find(
      (entry) => entry.suffix === name.suffix.toLowerCase() && entry.group === name.group,
    );
    if (signature && netbios && !matches.some((match) => match.signature === signature)) {
      add("netbios", signature, netbios.fact, `${name.name}<${name.suffix}>${name.group ? " group" : ""}`);
    }
  }

  // nmap's device type from service detection (what the service probe matched, not an OS guess)
  for (const service of openServices(host)) {
    if (!service.deviceType) continue;
    const signature = deviceTypeSignature.get(service.deviceType);
    if (signature && !matches.some((match) => match.signature === signature)) {
      add("device-type", signature, `${servicePath(host, service)}.deviceType`, service.deviceType);
    }
  }

  // nmap OS classes (guesses)
  const osMatches = host.os?.matches ?? [];
  for (let index = 0; index < osMatches.length; index++) {
    const osMatch = osMatches[index]!;
    if (osMatch.accuracy < OS_CLASS_MIN_ACCURACY) {
      notes.push({
        host: host.ip,
        fact: `${base}.os.matches[${index}]`,
        observed: `${osMatch.name} (${osMatch.accuracy}%)`,
        source: "scan",
        note: WEAK_OS_GUESS_NOTE,
      });
      continue;
    }
    for (const osClass of osMatch.classes) {
      const signature = osClassSignature.get(
        `${osClass.type ?? ""}\u0000${osClass.family ?? ""}\u0000${osClass.generation ?? ""}\u0000${osClass.vendor ?? ""}`,
      );
      if (signature && !matches.some((match) => match.signature === signature)) {
        add("os-class", signature, `${base}.os.matches[${index}]`, `${osMatch.name} (${osMatch.accuracy}%)`);
      }
    }
  }

  // The default gateway
  if (audit.agent?.gateway && audit.agent.gateway === host.ip) {
    add("gateway", GATEWAY_SIGNATURE, "agent.gateway", host.ip);
  }

  return { matches, notes };
}

/** OS strings the host itself announced, most trustworthy first. */
export function announcedOsStrings(host: Host): { value: string; fact: string }[] {
  const found: { value: string; fact: string }[] = [];
  const smb = smbInfo(host);
  if (smb.os) found.push(smb.os);
  if (host.snmp?.sysDescr) found.push({ value: host.snmp.sysDescr, fact: `${hostPath(host)}.snmp.sysDescr` });
  for (const service of openServices(host)) {
    if (
      service.product &&
      /Windows|Samba|ESXi|Synology|pfSense|OPNsense|RouterOS|Mac OS|macOS/i.test(service.product)
    ) {
      found.push({ value: service.product, fact: `${servicePath(host, service)}.product` });
    }
  }
  return found;
}

/** Roles a signature votes for, with the weight each gets. */
export const signatureVotes = memoisedPerObject(
  (signature: SignatureBase): readonly { role: Role; weight: number }[] =>
    signature.roles.map((role, index) => ({
      role,
      weight: index === 0 ? signature.weight : signature.weight * SECONDARY_ROLE_FACTOR,
    })),
);
