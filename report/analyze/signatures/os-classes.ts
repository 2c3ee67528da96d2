import { type OsClassSignature, WEIGHT } from "./signature-types.js";

/** nmap only counts OS guesses at or above this accuracy (percent) for role decisions. */
export const OS_CLASS_MIN_ACCURACY = 90;

/**
 * nmap OS classes (osclass type / vendor / family) → role hints. An OS fingerprint is a guess
 * from TCP/IP quirks: it is WEAK evidence, counted only at ≥ 90 % accuracy and never allowed
 * to outrank a service, banner, SNMP or MAC vote (see decide-role.ts).
 */
export const OS_CLASS_SIGNATURES: OsClassSignature[] = [
  { id: "type-firewall", type: /^firewall$/i, roles: ["firewall"], weight: WEIGHT.weak, why: "nmap's OS class says firewall." },
  { id: "type-router", type: /^(router|broadband router|WAP)$/i, roles: ["router", "access-point"], weight: WEIGHT.weak, why: "nmap's OS class says router or wireless access point." },
  { id: "type-switch", type: /^switch$/i, roles: ["switch"], weight: WEIGHT.weak, why: "nmap's OS class says switch." },
  { id: "type-printer", type: /^(printer|print server)$/i, roles: ["printer"], weight: WEIGHT.weak, why: "nmap's OS class says printer." },
  { id: "type-storage", type: /^storage-misc$/i, roles: ["nas"], weight: WEIGHT.weak, why: "nmap's OS class says storage device." },
  { id: "type-power", type: /^power-device$/i, roles: ["ups"], weight: WEIGHT.weak, why: "nmap's OS class says power device." },
  { id: "type-webcam", type: /^(webcam|security-misc)$/i, roles: ["camera"], weight: WEIGHT.weak, why: "nmap's OS class says camera or security device." },
  { id: "type-voip", type: /^(VoIP phone|VoIP adapter|PBX)$/i, roles: ["phone"], weight: WEIGHT.weak, why: "nmap's OS class says VoIP device." },
  { id: "type-phone", type: /^phone$/i, roles: ["mobile"], weight: WEIGHT.weak, why: "nmap's OS class says phone." },
  { id: "type-media", type: /^(media device|game console|specialized)$/i, roles: ["iot"], weight: WEIGHT.hint, why: "nmap's OS class says media or specialized device." },
  { id: "family-esxi", osVendor: /^VMware$/i, family: /^ESXi$/i, roles: ["hypervisor"], weight: WEIGHT.weak, why: "nmap's OS class says VMware ESXi." },
  { id: "windows-server-generation", family: /^Windows$/i, generation: /^(2003|2008|2012|2016|2019|2022|2025)$/i, roles: ["server"], weight: WEIGHT.weak, why: "nmap's OS class says a Windows Server generation." },
  { id: "windows-client-generation", family: /^Windows$/i, generation: /^(XP|Vista|7|8|8\.1|10|11)$/i, roles: ["workstation"], weight: WEIGHT.weak, why: "nmap's OS class says a desktop Windows generation." },
  { id: "family-windows", type: /^general purpose$/i, family: /^Windows$/i, roles: ["workstation", "server"], weight: WEIGHT.hint, why: "nmap's OS class says general-purpose Windows." },
  { id: "family-macos", family: /^(Mac OS X|macOS|OS X)$/i, roles: ["workstation", "laptop"], osVendor: /^Apple$/i, weight: WEIGHT.hint, why: "nmap's OS class says macOS." },
  { id: "family-ios", family: /^iOS$|^iPadOS$/i, osVendor: /^Apple$/i, roles: ["mobile"], weight: WEIGHT.weak, why: "nmap's OS class says iOS." },
  { id: "family-android", family: /^Android$/i, roles: ["mobile"], weight: WEIGHT.weak, why: "nmap's OS class says Android." },
  { id: "family-linux-gp", type: /^general purpose$/i, family: /^Linux$/i, roles: ["server"], weight: WEIGHT.hint, why: "nmap's OS class says general-purpose Linux: in an office usually a server or appliance." },
];
