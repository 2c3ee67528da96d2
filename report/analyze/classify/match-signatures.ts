import type { Evidence, Role } from "../../../schema/assessment.js";
import type { Audit, Host, OsMatch } from "../../../schema/audit.js";
import { BANNER_SIGNATURES } from "../signatures/banner-patterns.js";
import { DEVICE_TYPE_SIGNATURES } from "../signatures/device-types.js";
import { MAC_VENDOR_SIGNATURES } from "../signatures/mac-vendors.js";
import { NETBIOS_SUFFIX_SIGNATURES } from "../signatures/netbios-suffixes.js";
import { OS_CLASS_MIN_ACCURACY, OS_CLASS_SIGNATURES } from "../signatures/os-classes.js";
import { OS_STRING_SIGNATURES } from "../signatures/os-strings.js";
import type {
  BannerField,
  OsClassSignature,
  PortSignature,
  SignatureBase,
} from "../signatures/signature-types.js";
import { BANNER_FIELDS, WEIGHT } from "../signatures/signature-types.js";
import { SNMP_ENTERPRISE_SIGNATURES } from "../signatures/snmp-enterprises.js";
import {
  type BannerText,
  type BannerTexts,
  bannerTexts,
  factOf,
  hostPath,
  netbiosOf,
  openPortKeys,
  openServices,
  servicePath,
  smbInfo,
} from "./host-facts.js";
import { RememberedLookup, memoisedPerObject } from "../remembered-lookups.js";
import { portSignatureCandidates } from "./port-signature-candidates.js";
import { insertAscendingOnce } from "./sorted-insert.js";
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

/**
 * The first OS class signature accepting a class. Each field's value is looked up once per text
 * (nmap repeats the same few on every host) as a bit set of the signatures accepting it (bit i:
 * signature i has no pattern for the field or its pattern matches); a class matches the
 * signatures in all four sets. No key string is built for each of the 15,000 classes of a large audit.
 */
function osClassSignature(osClass: OsMatch["classes"][number]): OsClassSignature | undefined {
  const accepted =
    typesAccepted.get(osClass.type ?? "") &
    familiesAccepted.get(osClass.family ?? "") &
    generationsAccepted.get(osClass.generation ?? "") &
    vendorsAccepted.get(osClass.vendor ?? "");
  // The lowest bit set is the first signature in table order.
  return accepted === 0 ? undefined : OS_CLASS_SIGNATURES[31 - Math.clz32(accepted & -accepted)];
}

function signaturesAccepting(field: "type" | "family" | "generation" | "osVendor") {
  if (OS_CLASS_SIGNATURES.length > 31) throw new Error("OS_CLASS_SIGNATURES outgrew a 31-bit set");
  return new RememberedLookup((value) => {
    let bits = 0;
    for (let index = 0; index < OS_CLASS_SIGNATURES.length; index++) {
      const pattern = OS_CLASS_SIGNATURES[index]![field];
      if (!pattern || pattern.test(value)) bits |= 1 << index;
    }
    return bits;
  });
}
const typesAccepted = signaturesAccepting("type");
const familiesAccepted = signaturesAccepting("family");
const generationsAccepted = signaturesAccepting("generation");
const vendorsAccepted = signaturesAccepting("osVendor");

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

  // Indexed loops below: this runs once per host, mostly before V8 optimises it, and an
  // interpreted for…of (or a callback) allocates at every step.

  // Port sets
  const open = openPortKeys(host);
  const candidates = portSignatureCandidates(open);
  for (let c = 0; c < candidates.length; c++) {
    const signature = candidates[c]!;
    const ports = openPortsOf(signature, open);
    if (ports) add("port", signature, `${base}.services`, `open ${ports.join(", ")}`);
  }

  // Banners, titles, certificates, products, announcements, names
  // Only the signatures some text hit are visited (most hosts hit none or a few of them), in
  // signature order, each with its first hitting text in the signature's field order.
  const texts = bannerTexts(host);
  let hitsOf: Map<BannerText, readonly number[]> | undefined;
  const hitIndexes: number[] = [];
  for (let f = 0; f < BANNER_FIELDS.length; f++) {
    const field = BANNER_FIELDS[f]!;
    const list = texts[field];
    for (let t = 0; t < list.length; t++) {
      const hits = bannerHits(field, list[t]!.value);
      if (hits === NO_HITS) continue;
      hitsOf ??= new Map();
      hitsOf.set(list[t]!, hits);
      for (let h = 0; h < hits.length; h++) insertAscendingOnce(hitIndexes, hits[h]!);
    }
  }
  if (hitsOf) {
    for (let i = 0; i < hitIndexes.length; i++) {
      const index = hitIndexes[i]!;
      const signature = BANNER_SIGNATURES[index]!;
      const text = firstTextHitting(signature.fields, texts, hitsOf, index);
      if (text) add("banner", signature, factOf(host, text), text.value);
    }
  }

  // OS strings the host announced
  const osStrings = announcedOsStrings(host);
  for (let s = 0; s < osStrings.length; s++) {
    const signature = osStringSignature.get(osStrings[s]!.value);
    if (signature) {
      add("os-string", signature, osStrings[s]!.fact, osStrings[s]!.value);
      break;
    }
  }

  // NetBIOS suffixes
  const netbios = netbiosOf(host);
  const names = netbios?.names ?? [];
  for (let n = 0; n < names.length; n++) {
    const name = names[n]!;
    const signature = netbiosSuffixSignature(name.suffix.toLowerCase(), name.group);
    if (signature && netbios && !matchesSignature(matches, signature)) {
      add("netbios", signature, netbios.fact, `${name.name}<${name.suffix}>${name.group ? " group" : ""}`);
    }
  }

  // nmap's device type from service detection (what the service probe matched, not an OS guess)
  const services = openServices(host);
  for (let s = 0; s < services.length; s++) {
    const service = services[s]!;
    if (!service.deviceType) continue;
    const signature = deviceTypeSignature.get(service.deviceType);
    if (signature && !matchesSignature(matches, signature)) {
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
    for (let c = 0; c < osMatch.classes.length; c++) {
      const osClass = osMatch.classes[c]!;
      const signature = osClassSignature(osClass);
      if (signature && !matchesSignature(matches, signature)) {
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

/** The ports that make a port signature match (its allOf, then the anyOf ports open), or undefined. */
function openPortsOf(signature: PortSignature, open: ReadonlySet<string>): string[] | undefined {
  const { allOf, anyOf, noneOf } = signature;
  for (let i = 0; i < allOf.length; i++) if (!open.has(allOf[i]!)) return undefined;
  if (noneOf) for (let i = 0; i < noneOf.length; i++) if (open.has(noneOf[i]!)) return undefined;
  const ports = allOf.slice();
  if (anyOf) {
    for (let i = 0; i < anyOf.length; i++) if (open.has(anyOf[i]!)) ports.push(anyOf[i]!);
    if (ports.length - allOf.length < (signature.minAnyOf ?? 1)) return undefined;
  }
  return ports;
}

/** The first text, in the signature's field order, that the banner signature at `index` hit. */
function firstTextHitting(
  fields: readonly BannerField[],
  texts: BannerTexts,
  hitsOf: Map<BannerText, readonly number[]>,
  index: number,
): BannerText | undefined {
  for (let f = 0; f < fields.length; f++) {
    const list = texts[fields[f]!];
    for (let t = 0; t < list.length; t++) if (hitsOf.get(list[t]!)?.includes(index)) return list[t];
  }
  return undefined;
}

function matchesSignature(matches: readonly SignatureMatch[], signature: SignatureBase): boolean {
  for (let i = 0; i < matches.length; i++) if (matches[i]!.signature === signature) return true;
  return false;
}

function netbiosSuffixSignature(suffix: string, group: boolean): SignatureBase | undefined {
  for (let i = 0; i < NETBIOS_SUFFIX_SIGNATURES.length; i++) {
    const entry = NETBIOS_SUFFIX_SIGNATURES[i]!;
    if (entry.suffix === suffix && entry.group === group) return entry;
  }
  return undefined;
}

/** OS strings the host itself announced, most trustworthy first. */
export function announcedOsStrings(host: Host): { value: string; fact: string }[] {
  const found: { value: string; fact: string }[] = [];
  const smb = smbInfo(host);
  if (smb.os) found.push(smb.os);
  if (host.snmp?.sysDescr) found.push({ value: host.snmp.sysDescr, fact: `${hostPath(host)}.snmp.sysDescr` });
  const services = openServices(host);
  for (let s = 0; s < services.length; s++) {
    const service = services[s]!;
    if (service.product && namesAnOs.get(service.product)) {
      found.push({ value: service.product, fact: `${servicePath(host, service)}.product` });
    }
  }
  return found;
}

/** Hundreds of services share a product string: each is tested once. */
const namesAnOs = new RememberedLookup((product) =>
  /Windows|Samba|ESXi|Synology|pfSense|OPNsense|RouterOS|Mac OS|macOS/i.test(product),
);

/** Roles a signature votes for, with the weight each gets. */
export const signatureVotes = memoisedPerObject(
  (signature: SignatureBase): readonly { role: Role; weight: number }[] =>
    signature.roles.map((role, index) => ({
      role,
      weight: index === 0 ? signature.weight : signature.weight * SECONDARY_ROLE_FACTOR,
    })),
);
