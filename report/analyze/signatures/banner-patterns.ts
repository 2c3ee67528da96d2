import { type BannerSignature, WEIGHT } from "./signature-types.js";

const WEB: BannerSignature["fields"] = ["http-title", "http-server", "cert-subject", "service-product", "banner"];

/**
 * HTTP titles, Server headers, certificate subjects, nmap service products and raw banners →
 * roles. These are what a device's own admin page or service says about itself, so they count
 * STRONG; a product name in a title is about as good as evidence gets without logging in.
 */
export const BANNER_SIGNATURES: BannerSignature[] = [
  // --- firewalls ---
  { id: "fortigate", match: /FortiGate|FortiOS|Fortinet/i, fields: WEB, roles: ["firewall"], vendor: "Fortinet", product: "FortiGate", grade: "business", weight: WEIGHT.decisive, why: "The admin page or certificate names FortiGate/Fortinet." },
  { id: "sonicwall", match: /SonicWall|SonicOS|SonicWALL/i, fields: WEB, roles: ["firewall"], vendor: "SonicWall", grade: "business", weight: WEIGHT.decisive, why: "The admin page or certificate names SonicWall." },
  { id: "watchguard", match: /WatchGuard|Fireware XTM|Firebox/i, fields: WEB, roles: ["firewall"], vendor: "WatchGuard", grade: "business", weight: WEIGHT.decisive, why: "The admin page or certificate names WatchGuard." },
  { id: "sophos-firewall", match: /Sophos (XG|XGS|UTM|Firewall)|Cyberoam|Sophos Web Appliance/i, fields: WEB, roles: ["firewall"], vendor: "Sophos", grade: "business", weight: WEIGHT.decisive, why: "The admin page names a Sophos firewall." },
  { id: "palo-alto", match: /Palo Alto Networks|GlobalProtect|PAN-OS/i, fields: WEB, roles: ["firewall"], vendor: "Palo Alto Networks", grade: "business", weight: WEIGHT.decisive, why: "The admin page or VPN portal names Palo Alto Networks." },
  { id: "pfsense", match: /pfSense/i, fields: [...WEB, "snmp-sysdescr"], roles: ["firewall"], vendor: "Netgate pfSense", grade: "business", weight: WEIGHT.decisive, why: "The admin page names pfSense." },
  { id: "opnsense", match: /OPNsense/i, fields: [...WEB, "snmp-sysdescr"], roles: ["firewall"], vendor: "OPNsense", grade: "business", weight: WEIGHT.decisive, why: "The admin page names OPNsense." },
  { id: "meraki", match: /Meraki/i, fields: WEB, roles: ["firewall", "switch", "access-point"], vendor: "Cisco Meraki", grade: "business", weight: WEIGHT.strong, why: "The local status page names Meraki." },
  { id: "cisco-asa", match: /Cisco ASDM|Adaptive Security Appliance|Firepower/i, fields: [...WEB, "snmp-sysdescr"], roles: ["firewall"], vendor: "Cisco", grade: "business", weight: WEIGHT.decisive, why: "The admin page names a Cisco ASA/Firepower." },
  // --- routers and access points ---
  { id: "routeros", match: /RouterOS|MikroTik/i, fields: [...WEB, "snmp-sysdescr"], roles: ["router"], vendor: "MikroTik", grade: "business", weight: WEIGHT.strong, why: "The admin page names MikroTik RouterOS." },
  { id: "unifi", match: /UniFi|Ubiquiti|EdgeOS|EdgeRouter/i, fields: [...WEB, "snmp-sysdescr"], roles: ["access-point", "router"], vendor: "Ubiquiti", grade: "business", weight: WEIGHT.strong, why: "The page names Ubiquiti UniFi/EdgeOS." },
  { id: "draytek", match: /DrayTek|Vigor/i, fields: WEB, roles: ["router"], vendor: "DrayTek", grade: "business", weight: WEIGHT.strong, why: "The admin page names a DrayTek Vigor router." },
  { id: "tp-link", match: /TP-?LINK|Archer [A-Z]?\d|Deco/i, fields: [...WEB, "snmp-sysdescr"], roles: ["router", "access-point"], vendor: "TP-Link", grade: "consumer", tags: ["consumer-router"], weight: WEIGHT.strong, why: "The admin page names a TP-Link router." },
  { id: "netgear", match: /NETGEAR|Nighthawk|Orbi/i, fields: [...WEB, "snmp-sysdescr"], roles: ["router", "access-point"], vendor: "Netgear", grade: "consumer", tags: ["consumer-router"], weight: WEIGHT.strong, why: "The admin page names a Netgear router." },
  { id: "asus-router", match: /ASUS (Wireless )?Router|ASUSWRT|RT-AX\d|RT-AC\d/i, fields: WEB, roles: ["router"], vendor: "ASUS", grade: "consumer", tags: ["consumer-router"], weight: WEIGHT.strong, why: "The admin page names an ASUS router." },
  { id: "linksys", match: /Linksys|Smart Wi-?Fi/i, fields: WEB, roles: ["router"], vendor: "Linksys", grade: "consumer", tags: ["consumer-router"], weight: WEIGHT.strong, why: "The admin page names Linksys." },
  { id: "d-link-router", match: /D-?LINK (SYSTEMS|Router)|DIR-\d{3}/i, fields: WEB, roles: ["router"], vendor: "D-Link", grade: "consumer", tags: ["consumer-router"], weight: WEIGHT.strong, why: "The admin page names a D-Link router." },
  { id: "fritzbox", match: /FRITZ!Box/i, fields: WEB, roles: ["router"], vendor: "AVM (FRITZ!Box)", grade: "consumer", tags: ["consumer-router", "isp-router"], weight: WEIGHT.strong, why: "The admin page names a FRITZ!Box." },
  { id: "isp-gateway", match: /Xfinity|Comcast Business Gateway|Spectrum|Verizon (Fios )?Router|BT Smart Hub|Sky Hub|Livebox|Arris|Technicolor|Sagemcom|Actiontec|Hitron|Motorola SURFboard/i, fields: WEB, roles: ["router"], grade: "consumer", tags: ["consumer-router", "isp-router"], weight: WEIGHT.strong, why: "The admin page is an ISP-supplied gateway." },
  { id: "hp-aruba-switch", match: /ProCurve|Aruba ?OS-?(CX|Switch)|\b\d{4}-\d{2}G(-PoE\+?|-PoEP)?\b|J\d{4}A .*Switch/i, fields: [...WEB, "snmp-sysdescr"], roles: ["switch"], vendor: "HPE Aruba", grade: "business", weight: WEIGHT.strong, why: "The banner names an HP ProCurve/Aruba switch." },
  { id: "managed-switch", match: /\b(Smart|Managed|Gigabit|PoE|Layer ?[23])?\s?Switch\b|Catalyst|\bGS\d{3,4}\w*|\bSG\d{3}\b|\bCBS\d{3}\b|\bT\d{4}\w*-\d+|EdgeSwitch|USW-/i, fields: ["service-product", "snmp-sysdescr", "http-title"], roles: ["switch"], weight: WEIGHT.medium, why: "The banner or sysDescr names a switch." },
  // --- storage and backup ---
  { id: "synology-dsm", match: /Synology|DiskStation|RackStation/i, fields: [...WEB, "snmp-sysdescr", "announcement"], roles: ["nas"], vendor: "Synology", weight: WEIGHT.decisive, why: "The page names a Synology DiskStation." },
  { id: "qnap-qts", match: /QNAP|\bQTS\b|QuTS/i, fields: [...WEB, "snmp-sysdescr", "announcement"], roles: ["nas"], vendor: "QNAP", weight: WEIGHT.decisive, why: "The page names QNAP." },
  { id: "truenas", match: /TrueNAS|FreeNAS/i, fields: WEB, roles: ["nas"], vendor: "iXsystems", weight: WEIGHT.decisive, why: "The page names TrueNAS/FreeNAS." },
  { id: "veeam", match: /Veeam/i, fields: [...WEB, "service-product"], roles: ["backup-server"], vendor: "Veeam", product: "Veeam Backup & Replication", tags: ["backup-product"], weight: WEIGHT.decisive, why: "A service or certificate names Veeam." },
  { id: "acronis", match: /Acronis/i, fields: WEB, roles: ["backup-server"], product: "Acronis Cyber Protect", tags: ["backup-product"], weight: WEIGHT.strong, why: "A page names Acronis." },
  { id: "backup-exec", match: /Backup Exec/i, fields: WEB, roles: ["backup-server"], product: "Veritas Backup Exec", tags: ["backup-product"], weight: WEIGHT.strong, why: "A service names Backup Exec." },
  { id: "datto", match: /Datto|\bSIRIS\b/i, fields: WEB, roles: ["backup-server"], vendor: "Datto", product: "Datto BCDR", tags: ["backup-product", "offsite-capable"], weight: WEIGHT.strong, why: "The page names a Datto backup appliance." },
  // --- printers ---
  { id: "hp-printer", match: /LaserJet|OfficeJet|PageWide|DesignJet|HP ETC|JetDirect|HP-ChaiSOE|Virata-EmWeb/i, fields: [...WEB, "snmp-sysdescr"], roles: ["printer"], vendor: "HP", weight: WEIGHT.decisive, why: "The page names an HP printer or its embedded web server." },
  { id: "brother", match: /Brother (HL|MFC|DCP)|debut\/|Brother NC-/i, fields: [...WEB, "snmp-sysdescr"], roles: ["printer"], vendor: "Brother", weight: WEIGHT.decisive, why: "The page names a Brother printer." },
  { id: "printer-generic", match: /Canon .*(iR|MF|LBP)|imageRUNNER|EPSON|Xerox|WorkCentre|VersaLink|RICOH|Aficio|KYOCERA|ECOSYS|TASKalfa|Lexmark|bizhub|Printer/i, fields: [...WEB, "snmp-sysdescr", "announcement"], roles: ["printer"], weight: WEIGHT.strong, why: "The page or announcement names a printer model." },
  { id: "ipp-service", match: /^(ipp|printer)$|CUPS|_ipp\._tcp|_printer\._tcp|_pdl-datastream/i, fields: ["service-product", "announcement"], roles: ["printer"], weight: WEIGHT.medium, why: "The host announces or serves a printing protocol." },
  // --- power ---
  { id: "apc-nmc", match: /APC |Network Management Card|PowerChute|Smart-UPS|Back-UPS/i, fields: [...WEB, "snmp-sysdescr"], roles: ["ups"], vendor: "APC", tags: ["ups"], weight: WEIGHT.decisive, why: "The page names an APC UPS network card." },
  { id: "eaton-nmc", match: /Eaton|Powerware|\bMGE\b|Network-M2|Gigabit Network Card/i, fields: [...WEB, "snmp-sysdescr"], roles: ["ups"], vendor: "Eaton", tags: ["ups"], weight: WEIGHT.strong, why: "The page names an Eaton UPS network card." },
  { id: "cyberpower-rmcard", match: /CyberPower|RMCARD/i, fields: [...WEB, "snmp-sysdescr"], roles: ["ups"], vendor: "CyberPower", tags: ["ups"], weight: WEIGHT.decisive, why: "The page names a CyberPower UPS card." },
  { id: "nut-service", match: /Network UPS Tools|\bupsd\b/i, fields: ["service-product", "banner"], roles: ["ups"], product: "Network UPS Tools", tags: ["ups"], weight: WEIGHT.strong, why: "The service is Network UPS Tools' upsd." },
  // --- servers ---
  { id: "active-directory-ldap", match: /Active Directory LDAP/i, fields: ["service-product"], roles: ["domain-controller"], vendor: "Microsoft", product: "Active Directory", weight: WEIGHT.decisive, why: "nmap identified the LDAP service as Microsoft Active Directory." },
  { id: "samba-ad-ldap", match: /Samba (AD|LDAP)|Heimdal Kerberos|Microsoft Windows Kerberos/i, fields: ["service-product"], roles: ["domain-controller"], weight: WEIGHT.strong, why: "A Kerberos KDC or Samba AD LDAP service: a domain controller." },
  { id: "samba-file-server", match: /Samba smbd/i, fields: ["service-product"], roles: ["file-server", "nas"], weight: WEIGHT.medium, why: "A Samba file server: a Linux server or a NAS, not a Windows PC." },
  { id: "idrac", match: /iDRAC|Integrated Dell Remote Access/i, fields: WEB, roles: ["server"], vendor: "Dell", product: "iDRAC", weight: WEIGHT.strong, why: "An iDRAC management controller: a Dell server's out-of-band card." },
  { id: "ilo", match: /\biLO\b|Integrated Lights-Out/i, fields: WEB, roles: ["server"], vendor: "HPE", product: "iLO", weight: WEIGHT.strong, why: "An iLO management controller: an HPE server's out-of-band card." },
  { id: "proxmox", match: /Proxmox/i, fields: WEB, roles: ["hypervisor"], product: "Proxmox VE", weight: WEIGHT.decisive, why: "The page names Proxmox VE." },
  { id: "esxi", match: /VMware ESXi|VMware Authentication Daemon|ID_EESX_Welcome|vSphere/i, fields: WEB, roles: ["hypervisor"], vendor: "VMware", product: "VMware ESXi", weight: WEIGHT.decisive, why: "The page or service names VMware ESXi." },
  { id: "hyper-v", match: /Hyper-V/i, fields: WEB, roles: ["hypervisor"], vendor: "Microsoft", product: "Hyper-V", weight: WEIGHT.strong, why: "A service names Hyper-V." },
  { id: "sql-server", match: /Microsoft SQL Server/i, fields: ["service-product"], roles: ["server"], vendor: "Microsoft", product: "Microsoft SQL Server", weight: WEIGHT.strong, why: "nmap identified Microsoft SQL Server." },
  { id: "exchange", match: /Microsoft Exchange|Outlook Web App|Outlook Web Access/i, fields: WEB, roles: ["server"], vendor: "Microsoft", product: "Microsoft Exchange", weight: WEIGHT.strong, why: "A page or service names Microsoft Exchange." },
  // --- cameras and phones ---
  { id: "camera-web", match: /Hikvision|DNVRS-Webs|App-webs|Dahua|Axis |NetSurveillance|Network Camera|IP Camera|\bNVR\b|\bDVR\b/i, fields: [...WEB, "snmp-sysdescr"], roles: ["camera"], weight: WEIGHT.strong, why: "The page names a camera or video recorder." },
  { id: "ip-phone", match: /Polycom|Yealink|Grandstream|snom|Cisco SPA|Linksys SPA|Obihai|VVX|SIP Phone/i, fields: [...WEB, "snmp-sysdescr"], roles: ["phone"], weight: WEIGHT.strong, why: "The page names an IP phone." },
  // --- personal devices (announcements and names) ---
  { id: "mac-laptop", match: /MacBook/i, fields: ["announcement", "hostname"], roles: ["laptop"], vendor: "Apple", weight: WEIGHT.strong, why: "The host announces or is named as a MacBook." },
  { id: "mac-desktop", match: /iMac|Mac ?mini|Mac ?Pro|Mac Studio/i, fields: ["announcement", "hostname"], roles: ["workstation"], vendor: "Apple", weight: WEIGHT.strong, why: "The host announces or is named as a Mac desktop." },
  { id: "phone-tablet", match: /iPhone|iPad|Android|Galaxy/i, fields: ["announcement", "hostname"], roles: ["mobile"], weight: WEIGHT.strong, why: "The host announces or is named as a phone or tablet." },
  { id: "laptop-name", match: /laptop|notebook|\b(lt|nb)-?\d|-lt\b|-nb\b/i, fields: ["hostname"], roles: ["laptop"], weight: WEIGHT.medium, why: "The host's name says it is a laptop." },
  { id: "media-iot", match: /AppleTV|Apple TV|Chromecast|Sonos|Roku|Google Home|Nest|Echo|_googlecast|_airplay|_raop|_hap\._tcp/i, fields: ["announcement"], roles: ["iot"], weight: WEIGHT.strong, why: "The host announces a media or smart-home service." },
];
