import { type PortSignature, WEIGHT } from "./signature-types.js";

/**
 * Sets of open ports → roles. Ports are written "445/tcp". These are what the host serves, so
 * they outrank OS guesses. Product tags feed the environment facts (backup, UPS, antivirus).
 */
export const PORT_SIGNATURES: PortSignature[] = [
  // --- directory ---
  { id: "ad-domain-controller", allOf: ["88/tcp", "389/tcp"], anyOf: ["445/tcp", "53/tcp", "464/tcp", "636/tcp", "3268/tcp", "3269/tcp"], minAnyOf: 2, roles: ["domain-controller"], product: "Active Directory", weight: WEIGHT.decisive, why: "Kerberos (88) and LDAP (389) with SMB/DNS/kpasswd/Global Catalog is an Active Directory domain controller." },
  { id: "global-catalog", allOf: ["3268/tcp"], anyOf: ["88/tcp", "389/tcp"], roles: ["domain-controller"], weight: WEIGHT.strong, why: "The Global Catalog port (3268) is served only by domain controllers." },
  { id: "kerberos-kdc", allOf: ["88/tcp", "464/tcp"], roles: ["domain-controller"], weight: WEIGHT.medium, why: "Kerberos with kpasswd (464) is a KDC, in a Windows network a domain controller." },
  // --- backup ---
  { id: "veeam-backup-server", allOf: [], anyOf: ["9392/tcp", "9401/tcp", "9419/tcp", "6160/tcp", "6162/tcp", "10005/tcp"], minAnyOf: 2, roles: ["backup-server"], product: "Veeam Backup & Replication", tags: ["backup-product"], weight: WEIGHT.decisive, why: "Veeam Backup & Replication's service ports (9392 console, 9401, 6160 installer, 6162 data mover)." },
  { id: "veeam-console-port", allOf: ["9392/tcp"], roles: ["backup-server"], product: "Veeam Backup & Replication", tags: ["backup-product"], weight: WEIGHT.strong, why: "Port 9392 is the Veeam Backup Service that the Veeam console connects to." },
  { id: "acronis-management", allOf: ["9877/tcp"], roles: ["backup-server"], product: "Acronis Cyber Protect", tags: ["backup-product"], weight: WEIGHT.strong, why: "Port 9877 is the Acronis Management Server." },
  { id: "backup-exec", allOf: ["10000/tcp"], anyOf: ["6101/tcp", "6106/tcp", "3527/tcp"], roles: ["backup-server"], product: "Veritas Backup Exec", tags: ["backup-product"], weight: WEIGHT.strong, why: "NDMP (10000) with Backup Exec's agent browser/server ports." },
  { id: "synology-active-backup", allOf: ["5510/tcp"], anyOf: ["5000/tcp", "5001/tcp"], roles: ["nas", "backup-server"], product: "Synology Active Backup for Business", tags: ["backup-product"], weight: WEIGHT.strong, why: "Port 5510 on a Synology is Active Backup for Business' agent port." },
  { id: "synology-hyper-backup-vault", allOf: ["6281/tcp"], roles: ["nas"], product: "Synology Hyper Backup Vault", tags: ["backup-product"], weight: WEIGHT.medium, why: "Port 6281 is Synology Hyper Backup Vault (a backup target)." },
  // --- power ---
  { id: "nut-upsd", allOf: ["3493/tcp"], roles: ["ups"], product: "Network UPS Tools", tags: ["ups"], weight: WEIGHT.strong, why: "Port 3493 is Network UPS Tools' upsd: this host reports a UPS." },
  { id: "apcupsd-nis", allOf: ["3551/tcp"], roles: ["ups"], product: "apcupsd", tags: ["ups"], weight: WEIGHT.strong, why: "Port 3551 is apcupsd's network information server: this host reports an APC UPS." },
  { id: "powerchute-network", allOf: ["3052/tcp"], roles: ["ups"], product: "APC PowerChute", tags: ["ups"], weight: WEIGHT.medium, why: "Port 3052 is APC PowerChute Network Shutdown." },
  // --- printers ---
  { id: "jetdirect", allOf: ["9100/tcp"], roles: ["printer"], weight: WEIGHT.strong, why: "Port 9100 (raw/JetDirect) is the classic network printer port." },
  { id: "ipp-lpd", allOf: [], anyOf: ["631/tcp", "515/tcp"], minAnyOf: 2, roles: ["printer"], weight: WEIGHT.medium, why: "IPP (631) and LPD (515) together are printer protocols." },
  { id: "ipp-only", allOf: ["631/tcp"], noneOf: ["445/tcp", "22/tcp"], roles: ["printer"], weight: WEIGHT.weak, why: "IPP (631) alone, without SMB or SSH, is usually a printer." },
  // --- virtualisation ---
  { id: "vmware-esxi", allOf: ["902/tcp"], anyOf: ["443/tcp", "5480/tcp", "8000/tcp"], noneOf: ["445/tcp", "3389/tcp"], roles: ["hypervisor"], product: "VMware ESXi", weight: WEIGHT.strong, why: "Port 902 (VMware authd) with HTTPS and no Windows ports is an ESXi host." },
  { id: "proxmox", allOf: ["8006/tcp"], roles: ["hypervisor"], product: "Proxmox VE", weight: WEIGHT.strong, why: "Port 8006 is the Proxmox VE web interface." },
  { id: "vcenter-vami", allOf: ["5480/tcp"], roles: ["hypervisor"], product: "VMware vCenter", weight: WEIGHT.medium, why: "Port 5480 is the VMware appliance management interface." },
  { id: "hyper-v-replica", allOf: ["2179/tcp"], roles: ["hypervisor"], product: "Hyper-V", weight: WEIGHT.medium, why: "Port 2179 is Hyper-V's VM connect (vmrdp) service." },
  // --- NAS ---
  { id: "synology-dsm", allOf: [], anyOf: ["5000/tcp", "5001/tcp"], minAnyOf: 2, roles: ["nas"], product: "Synology DSM", weight: WEIGHT.medium, why: "Ports 5000 and 5001 together are Synology DSM's web interface." },
  { id: "qnap-qts", allOf: ["8080/tcp"], anyOf: ["445/tcp", "139/tcp"], noneOf: ["3389/tcp", "88/tcp"], roles: ["nas"], weight: WEIGHT.weak, why: "Port 8080 with file sharing and no Windows desktop ports: QNAP QTS's default web port." },
  { id: "nfs-rsync", allOf: ["2049/tcp"], anyOf: ["873/tcp", "445/tcp"], roles: ["nas", "file-server"], weight: WEIGHT.medium, why: "NFS (2049) with rsync or SMB is a storage box." },
  // --- Windows / file servers ---
  { id: "smb-rdp-no-dc", allOf: ["445/tcp", "3389/tcp"], noneOf: ["88/tcp", "389/tcp"], roles: ["workstation", "server"], weight: WEIGHT.medium, why: "SMB and RDP without domain-controller ports: a Windows PC or member server (the OS decides which)." },
  { id: "windows-rpc-smb", allOf: ["135/tcp", "445/tcp"], noneOf: ["88/tcp", "389/tcp"], roles: ["workstation", "server"], weight: WEIGHT.weak, why: "Windows RPC (135) with SMB: a Windows machine; without server evidence most are PCs." },
  { id: "smb-only", allOf: ["445/tcp"], noneOf: ["88/tcp", "389/tcp", "3389/tcp", "9100/tcp"], roles: ["workstation", "file-server"], weight: WEIGHT.weak, why: "SMB alone: a Windows PC or a file server." },
  { id: "ms-sql", allOf: ["1433/tcp"], roles: ["server"], product: "Microsoft SQL Server", weight: WEIGHT.strong, why: "Port 1433 is Microsoft SQL Server: a database server." },
  { id: "exchange", allOf: ["25/tcp", "443/tcp"], anyOf: ["587/tcp", "993/tcp", "995/tcp", "2525/tcp"], roles: ["server"], product: "Mail server", weight: WEIGHT.medium, why: "SMTP with HTTPS and mail client ports: a mail server." },
  { id: "database", allOf: [], anyOf: ["3306/tcp", "5432/tcp", "1521/tcp", "27017/tcp"], roles: ["server"], weight: WEIGHT.medium, why: "A database port (MySQL, PostgreSQL, Oracle, MongoDB) is a server role." },
  { id: "rds-gateway", allOf: ["3391/udp"], roles: ["server"], weight: WEIGHT.medium, why: "RD Gateway (3391/udp) runs on Windows Server." },
  { id: "wsus", allOf: [], anyOf: ["8530/tcp", "8531/tcp"], roles: ["server"], product: "WSUS", weight: WEIGHT.strong, why: "Ports 8530/8531 are Windows Server Update Services." },
  // --- network gear ---
  { id: "fortigate-mgmt", allOf: ["541/tcp"], roles: ["firewall"], vendor: "Fortinet", grade: "business", weight: WEIGHT.strong, why: "Port 541 is FortiGate's FortiManager/FortiGuard management tunnel." },
  { id: "mikrotik-winbox", allOf: ["8291/tcp"], roles: ["router"], vendor: "MikroTik", grade: "business", weight: WEIGHT.strong, why: "Port 8291 is MikroTik's Winbox management." },
  { id: "unifi-controller", allOf: ["8443/tcp", "8080/tcp"], anyOf: ["8880/tcp", "8843/tcp", "6789/tcp"], roles: ["server"], product: "UniFi Network controller", weight: WEIGHT.medium, why: "Ports 8080/8443 with 8880/8843/6789 are the UniFi Network controller." },
  { id: "dns-dhcp-router", allOf: ["53/tcp", "80/tcp"], noneOf: ["445/tcp", "88/tcp", "22/tcp"], roles: ["router"], weight: WEIGHT.weak, why: "DNS plus a web interface and no server ports: a router answering DNS for the office." },
  { id: "upnp-igd", allOf: [], anyOf: ["1900/udp", "5000/tcp", "49152/tcp"], minAnyOf: 2, noneOf: ["445/tcp"], roles: ["router"], weight: WEIGHT.hint, why: "UPnP ports are typical of home routers." },
  // --- cameras, phones ---
  { id: "rtsp", allOf: ["554/tcp"], noneOf: ["445/tcp"], roles: ["camera"], weight: WEIGHT.medium, why: "RTSP (554) streams video: an IP camera or recorder." },
  { id: "dahua-dvr", allOf: ["37777/tcp"], roles: ["camera"], vendor: "Dahua", weight: WEIGHT.strong, why: "Port 37777 is Dahua's DVR/NVR protocol." },
  { id: "hikvision-sdk", allOf: ["8000/tcp", "554/tcp"], roles: ["camera"], weight: WEIGHT.medium, why: "Ports 8000 and 554 together are Hikvision's SDK and RTSP." },
  { id: "sip", allOf: [], anyOf: ["5060/tcp", "5060/udp", "5061/tcp"], noneOf: ["445/tcp"], roles: ["phone"], weight: WEIGHT.medium, why: "SIP (5060/5061) without server ports: an IP phone or VoIP adapter." },
  // --- endpoint protection consoles (environment facts) ---
  { id: "sophos-enterprise-console", allOf: ["8192/tcp", "8194/tcp"], roles: ["server"], product: "Sophos Enterprise Console", tags: ["endpoint-console"], weight: WEIGHT.medium, why: "Ports 8192/8194 are Sophos Enterprise Console's update manager and message router." },
  { id: "eset-protect", allOf: ["2222/tcp", "2223/tcp"], roles: ["server"], product: "ESET PROTECT", tags: ["endpoint-console"], weight: WEIGHT.medium, why: "Ports 2222 (agents) and 2223 (console replication) are ESET PROTECT / ESMC." },
  { id: "symantec-sepm", allOf: ["8014/tcp", "9090/tcp"], roles: ["server"], product: "Symantec Endpoint Protection Manager", tags: ["endpoint-console"], weight: WEIGHT.medium, why: "Ports 8014 (client communication) and 9090 (console) are Symantec Endpoint Protection Manager." },
  { id: "trend-deep-security", allOf: ["4119/tcp"], roles: ["server"], product: "Trend Micro Deep Security Manager", tags: ["endpoint-console"], weight: WEIGHT.medium, why: "Port 4119 is Trend Micro Deep Security Manager's console." },
  { id: "kaspersky-security-center", allOf: ["13000/tcp"], anyOf: ["13291/tcp", "14000/tcp", "13299/tcp"], roles: ["server"], product: "Kaspersky Security Center", tags: ["endpoint-console"], weight: WEIGHT.medium, why: "Ports 13000 with 13291/14000 are Kaspersky Security Center's administration server." },
  { id: "bitdefender-gravityzone", allOf: ["7074/tcp"], roles: ["server"], product: "Bitdefender GravityZone", tags: ["endpoint-console"], weight: WEIGHT.medium, why: "Port 7074 is Bitdefender GravityZone's update server." },
  { id: "mcafee-epo", allOf: ["8081/tcp", "8443/tcp"], anyOf: ["8444/tcp", "8082/tcp"], roles: ["server"], product: "McAfee/Trellix ePolicy Orchestrator", tags: ["endpoint-console"], weight: WEIGHT.medium, why: "Ports 8081/8443/8444 together are McAfee ePolicy Orchestrator." },
];
