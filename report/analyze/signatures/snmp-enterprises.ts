import { type SnmpEnterpriseSignature, WEIGHT } from "./signature-types.js";

/**
 * SNMP sysObjectID enterprise numbers (IANA Private Enterprise Numbers, 1.3.6.1.4.1.N) → vendor
 * and device kind. The device chose to say this about itself, so weights are STRONG where the
 * vendor makes one kind of device. Entries with `sysDescr` narrow a vendor that makes several
 * kinds; the first matching entry per enterprise wins. Source of the numbers:
 * https://www.iana.org/assignments/enterprise-numbers/ (12325 is FreeBSD's bsnmpd, used by
 * pfSense and OPNsense; 8072 is net-snmp, used by most Linux appliances).
 */
export const SNMP_ENTERPRISE_SIGNATURES: SnmpEnterpriseSignature[] = [
  { id: "fortinet", enterprise: 12356, roles: ["firewall"], vendor: "Fortinet", grade: "business", weight: WEIGHT.decisive, why: "sysObjectID under Fortinet's enterprise number (FortiGate)." },
  { id: "sonicwall", enterprise: 8741, roles: ["firewall"], vendor: "SonicWall", grade: "business", weight: WEIGHT.decisive, why: "sysObjectID under SonicWall's enterprise number." },
  { id: "watchguard", enterprise: 3097, roles: ["firewall"], vendor: "WatchGuard", grade: "business", weight: WEIGHT.decisive, why: "sysObjectID under WatchGuard's enterprise number (Firebox)." },
  { id: "sophos", enterprise: 2604, roles: ["firewall"], vendor: "Sophos", grade: "business", weight: WEIGHT.decisive, why: "sysObjectID under Sophos's enterprise number (XG/XGS firewall)." },
  { id: "palo-alto", enterprise: 25461, roles: ["firewall"], vendor: "Palo Alto Networks", grade: "business", weight: WEIGHT.decisive, why: "sysObjectID under Palo Alto Networks' enterprise number." },
  { id: "check-point", enterprise: 2620, roles: ["firewall"], vendor: "Check Point", grade: "business", weight: WEIGHT.decisive, why: "sysObjectID under Check Point's enterprise number." },
  { id: "meraki", enterprise: 29671, roles: ["firewall", "switch", "access-point"], vendor: "Cisco Meraki", grade: "business", weight: WEIGHT.strong, why: "sysObjectID under Meraki's enterprise number." },
  { id: "cisco-asa", enterprise: 9, sysDescr: /Adaptive Security Appliance|Firepower|\bASA\b/i, roles: ["firewall"], vendor: "Cisco", grade: "business", weight: WEIGHT.decisive, why: "Cisco sysObjectID with an ASA/Firepower sysDescr." },
  { id: "cisco-ap", enterprise: 9, sysDescr: /Aironet|Access Point|\bC9\d{2}AX?I\b/i, roles: ["access-point"], vendor: "Cisco", grade: "business", weight: WEIGHT.strong, why: "Cisco sysObjectID with an access-point sysDescr." },
  { id: "cisco-switch", enterprise: 9, sysDescr: /Catalyst|C\d{4}|Switch|\bCBS\d|\bSG\d{3}/i, roles: ["switch"], vendor: "Cisco", grade: "business", weight: WEIGHT.strong, why: "Cisco sysObjectID with a switch sysDescr." },
  { id: "cisco", enterprise: 9, roles: ["router", "switch"], vendor: "Cisco", grade: "business", weight: WEIGHT.medium, why: "sysObjectID under Cisco's enterprise number." },
  { id: "ubiquiti", enterprise: 41112, roles: ["access-point", "router", "switch"], vendor: "Ubiquiti", grade: "business", weight: WEIGHT.strong, why: "sysObjectID under Ubiquiti's enterprise number." },
  { id: "mikrotik", enterprise: 14988, roles: ["router"], vendor: "MikroTik", grade: "business", weight: WEIGHT.strong, why: "sysObjectID under MikroTik's enterprise number (RouterOS)." },
  { id: "pfsense", enterprise: 12325, sysDescr: /pfSense/i, roles: ["firewall"], vendor: "Netgate pfSense", grade: "business", weight: WEIGHT.decisive, why: "FreeBSD bsnmpd sysObjectID with a pfSense sysDescr." },
  { id: "opnsense", enterprise: 12325, sysDescr: /OPNsense/i, roles: ["firewall"], vendor: "OPNsense", grade: "business", weight: WEIGHT.decisive, why: "FreeBSD bsnmpd sysObjectID with an OPNsense sysDescr." },
  { id: "freebsd-bsnmpd", enterprise: 12325, roles: ["firewall", "server"], vendor: "FreeBSD", weight: WEIGHT.weak, why: "FreeBSD's bsnmpd: pfSense, OPNsense or a FreeBSD server." },
  { id: "juniper", enterprise: 2636, roles: ["router", "switch", "firewall"], vendor: "Juniper", grade: "business", weight: WEIGHT.strong, why: "sysObjectID under Juniper's enterprise number." },
  { id: "aruba", enterprise: 14823, roles: ["access-point", "switch"], vendor: "Aruba", grade: "business", weight: WEIGHT.strong, why: "sysObjectID under Aruba's enterprise number." },
  { id: "netgear", enterprise: 4526, roles: ["switch", "router", "access-point"], vendor: "Netgear", weight: WEIGHT.strong, why: "sysObjectID under Netgear's enterprise number (managed switches)." },
  { id: "tp-link", enterprise: 11863, roles: ["switch", "access-point", "router"], vendor: "TP-Link", weight: WEIGHT.strong, why: "sysObjectID under TP-Link's enterprise number (managed switches, Omada)." },
  { id: "d-link", enterprise: 171, roles: ["switch", "router"], vendor: "D-Link", weight: WEIGHT.strong, why: "sysObjectID under D-Link's enterprise number." },
  { id: "apc", enterprise: 318, roles: ["ups"], vendor: "APC", tags: ["ups"], weight: WEIGHT.decisive, why: "sysObjectID under APC's enterprise number (UPS network card)." },
  { id: "eaton-powerware", enterprise: 534, roles: ["ups"], vendor: "Eaton", tags: ["ups"], weight: WEIGHT.decisive, why: "sysObjectID under Eaton/Powerware's enterprise number (534)." },
  { id: "eaton-mge", enterprise: 705, roles: ["ups"], vendor: "Eaton (MGE)", tags: ["ups"], weight: WEIGHT.decisive, why: "sysObjectID under MGE's enterprise number (705), now Eaton." },
  { id: "cyberpower", enterprise: 3808, roles: ["ups"], vendor: "CyberPower", tags: ["ups"], weight: WEIGHT.decisive, why: "sysObjectID under CyberPower's enterprise number." },
  { id: "tripp-lite", enterprise: 850, roles: ["ups"], vendor: "Tripp Lite", tags: ["ups"], weight: WEIGHT.decisive, why: "sysObjectID under Tripp Lite's enterprise number." },
  { id: "synology", enterprise: 6574, roles: ["nas"], vendor: "Synology", weight: WEIGHT.decisive, why: "sysObjectID under Synology's enterprise number." },
  { id: "qnap", enterprise: 24681, roles: ["nas"], vendor: "QNAP", weight: WEIGHT.decisive, why: "sysObjectID under QNAP's enterprise number." },
  { id: "hp-printer", enterprise: 11, sysDescr: /JETDIRECT|LaserJet|OfficeJet|PageWide|DesignJet|\bMFP\b/i, roles: ["printer"], vendor: "HP", weight: WEIGHT.decisive, why: "HP sysObjectID with a printer sysDescr." },
  { id: "hp-switch", enterprise: 11, sysDescr: /ProCurve|Switch|Aruba/i, roles: ["switch"], vendor: "HPE", grade: "business", weight: WEIGHT.strong, why: "HP sysObjectID with a switch sysDescr." },
  { id: "hp", enterprise: 11, roles: ["printer", "switch", "server"], vendor: "HP", weight: WEIGHT.weak, why: "sysObjectID under HP's enterprise number." },
  { id: "brother", enterprise: 2435, roles: ["printer"], vendor: "Brother", weight: WEIGHT.decisive, why: "sysObjectID under Brother's enterprise number." },
  { id: "canon", enterprise: 1602, roles: ["printer"], vendor: "Canon", weight: WEIGHT.decisive, why: "sysObjectID under Canon's enterprise number." },
  { id: "epson", enterprise: 1248, roles: ["printer"], vendor: "Epson", weight: WEIGHT.decisive, why: "sysObjectID under Epson's enterprise number." },
  { id: "xerox", enterprise: 253, roles: ["printer"], vendor: "Xerox", weight: WEIGHT.decisive, why: "sysObjectID under Xerox's enterprise number." },
  { id: "ricoh", enterprise: 367, roles: ["printer"], vendor: "Ricoh", weight: WEIGHT.decisive, why: "sysObjectID under Ricoh's enterprise number." },
  { id: "kyocera", enterprise: 1347, roles: ["printer"], vendor: "Kyocera", weight: WEIGHT.decisive, why: "sysObjectID under Kyocera's enterprise number." },
  { id: "lexmark", enterprise: 641, roles: ["printer"], vendor: "Lexmark", weight: WEIGHT.decisive, why: "sysObjectID under Lexmark's enterprise number." },
  { id: "dell-idrac", enterprise: 674, roles: ["server"], vendor: "Dell", weight: WEIGHT.medium, why: "sysObjectID under Dell's enterprise number (servers, iDRAC)." },
  { id: "vmware", enterprise: 6876, roles: ["hypervisor"], vendor: "VMware", weight: WEIGHT.decisive, why: "sysObjectID under VMware's enterprise number (ESXi)." },
  { id: "microsoft-server", enterprise: 311, sysDescr: /Windows Version (5\.2|6\.[0-3]|10\.0).*Server|Server/i, roles: ["server"], vendor: "Microsoft", weight: WEIGHT.medium, why: "Microsoft sysObjectID for Windows Server." },
  { id: "microsoft", enterprise: 311, roles: ["workstation", "server"], vendor: "Microsoft", weight: WEIGHT.weak, why: "sysObjectID under Microsoft's enterprise number (a Windows SNMP service)." },
  { id: "axis", enterprise: 368, roles: ["camera"], vendor: "Axis", weight: WEIGHT.decisive, why: "sysObjectID under Axis's enterprise number." },
  { id: "hikvision", enterprise: 39165, roles: ["camera"], vendor: "Hikvision", weight: WEIGHT.decisive, why: "sysObjectID under Hikvision's enterprise number." },
  { id: "net-snmp", enterprise: 8072, roles: [], weight: WEIGHT.hint, why: "net-snmp: any Linux or BSD box; says nothing about its role." },
];
