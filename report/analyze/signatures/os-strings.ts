import { type OsStringSignature, WEIGHT } from "./signature-types.js";

/**
 * Operating-system strings a host announces about itself (SMB OS discovery, SNMP sysDescr, a
 * service's OS field, RDP product) → roles. This is what the host says, not a fingerprint
 * guess, so it decides workstation vs server for Windows hosts. The first matching entry wins.
 */
export const OS_STRING_SIGNATURES: OsStringSignature[] = [
  { id: "windows-server", match: /Windows Server|Windows (Storage|Small Business|Essentials|Web) Server|Windows 20(03|08|12|16|19|22|25)\b|Hyper-V Server|Server 20(03|08|12|16|19|22|25)/i, roles: ["server"], vendor: "Microsoft", weight: WEIGHT.strong, why: "The host says it runs Windows Server." },
  { id: "windows-client", match: /Windows (XP|Vista|7|8(\.1)?|10|11)\b|Windows (Professional|Enterprise|Home)\b/i, roles: ["workstation", "laptop"], vendor: "Microsoft", weight: WEIGHT.strong, why: "The host says it runs a desktop edition of Windows." },
  { id: "esxi", match: /VMware ESXi?/i, roles: ["hypervisor"], vendor: "VMware", weight: WEIGHT.strong, why: "The host says it runs VMware ESXi." },
  { id: "synology-dsm", match: /Synology|DSM \d/i, roles: ["nas"], vendor: "Synology", weight: WEIGHT.strong, why: "The host says it runs Synology DSM." },
  { id: "pfsense", match: /pfSense|OPNsense/i, roles: ["firewall"], grade: "business", weight: WEIGHT.strong, why: "The host says it runs pfSense/OPNsense." },
  { id: "routeros", match: /RouterOS/i, roles: ["router"], vendor: "MikroTik", weight: WEIGHT.strong, why: "The host says it runs MikroTik RouterOS." },
  { id: "macos", match: /Mac OS X|macOS|Darwin/i, roles: ["workstation", "laptop"], vendor: "Apple", weight: WEIGHT.medium, why: "The host says it runs macOS." },
  { id: "samba", match: /^Samba|Samba \d/i, roles: ["file-server", "nas"], weight: WEIGHT.weak, why: "The host says it runs Samba: a Linux file server or a NAS." },
];
