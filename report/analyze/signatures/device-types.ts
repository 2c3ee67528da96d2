import { type DeviceTypeSignature, WEIGHT } from "./signature-types.js";

/**
 * nmap's device type from service detection (the `d/…/` field of the probe that matched, e.g. an
 * HP ProCurve telnetd is `switch`). It comes from what a service answered, so it counts MEDIUM,
 * unlike the OS-fingerprint device class (os-classes.ts).
 */
export const DEVICE_TYPE_SIGNATURES: DeviceTypeSignature[] = [
  { id: "firewall", match: /^firewall$/i, roles: ["firewall"], weight: WEIGHT.medium, why: "nmap's service probe identified a firewall." },
  { id: "router", match: /^(router|broadband router)$/i, roles: ["router"], weight: WEIGHT.medium, why: "nmap's service probe identified a router." },
  { id: "switch", match: /^(switch|bridge|hub)$/i, roles: ["switch"], weight: WEIGHT.medium, why: "nmap's service probe identified a switch." },
  { id: "wap", match: /^WAP$/i, roles: ["access-point"], weight: WEIGHT.medium, why: "nmap's service probe identified a wireless access point." },
  { id: "printer", match: /^(printer|print server)$/i, roles: ["printer"], weight: WEIGHT.medium, why: "nmap's service probe identified a printer." },
  { id: "storage", match: /^storage-misc$/i, roles: ["nas"], weight: WEIGHT.medium, why: "nmap's service probe identified a storage device." },
  { id: "power", match: /^power-device$/i, roles: ["ups"], weight: WEIGHT.medium, why: "nmap's service probe identified a power device." },
  { id: "webcam", match: /^(webcam|security-misc)$/i, roles: ["camera"], weight: WEIGHT.medium, why: "nmap's service probe identified a camera or security device." },
  { id: "voip", match: /^(VoIP phone|VoIP adapter|PBX|phone)$/i, roles: ["phone"], weight: WEIGHT.medium, why: "nmap's service probe identified a VoIP device." },
  { id: "media", match: /^(media device|game console)$/i, roles: ["iot"], weight: WEIGHT.medium, why: "nmap's service probe identified a media device." },
  { id: "remote-management", match: /^remote management$/i, roles: ["server"], weight: WEIGHT.weak, why: "nmap's service probe identified a remote management card (iDRAC/iLO/IPMI)." },
];
