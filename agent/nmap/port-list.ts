/**
 * The ports a sweet-spot check looks at, with why each one matters. Data, not code: adding a
 * product is one entry. A port listed twice (e.g. 443 for web admin and hypervisors) is scanned once.
 */
export interface PortEntry {
  port: number;
  /** Last port of a range (inclusive), for products that use a block. */
  toPort?: number;
  protocol: "tcp" | "udp";
  why: string;
}

const tcp = (port: number, why: string, toPort?: number): PortEntry => ({
  port,
  protocol: "tcp",
  why,
  ...(toPort ? { toPort } : {}),
});
const udp = (port: number, why: string): PortEntry => ({ port, protocol: "udp", why });

export const PORT_LIST: PortEntry[] = [
  // Windows and Active Directory
  tcp(53, "DNS (domain controller, router)"),
  tcp(88, "Kerberos (domain controller)"),
  tcp(135, "Microsoft RPC endpoint mapper"),
  tcp(139, "NetBIOS session (SMB over NetBIOS)"),
  tcp(389, "LDAP (domain controller)"),
  tcp(445, "SMB file sharing"),
  tcp(464, "Kerberos password change (domain controller)"),
  tcp(636, "LDAPS (domain controller)"),
  tcp(3268, "Global Catalog LDAP (domain controller)"),
  tcp(3269, "Global Catalog LDAPS (domain controller)"),
  tcp(3389, "Remote Desktop"),
  tcp(5985, "WinRM over HTTP"),
  tcp(5986, "WinRM over HTTPS"),
  tcp(9389, "Active Directory Web Services"),
  // File sharing
  tcp(548, "AFP (Apple file sharing, older NAS)"),
  tcp(873, "rsync (NAS replication, Synology/QNAP backup target)"),
  tcp(2049, "NFS file sharing"),
  tcp(3260, "iSCSI (SAN, NAS LUNs)"),
  // Remote access and VPN
  tcp(22, "SSH remote shell"),
  tcp(1194, "OpenVPN"),
  tcp(1701, "L2TP"),
  tcp(1723, "PPTP VPN (legacy, insecure)"),
  tcp(4433, "SSL VPN / firewall admin (SonicWall, Sophos)"),
  tcp(10443, "SSL VPN / firewall admin (FortiGate, others)"),
  tcp(5938, "TeamViewer"),
  tcp(7070, "AnyDesk"),
  udp(500, "IPsec IKE (VPN gateway)"),
  udp(4500, "IPsec NAT traversal (VPN gateway)"),
  udp(1194, "OpenVPN"),
  // Web administration
  tcp(80, "HTTP (web admin pages, intranet)"),
  tcp(443, "HTTPS (web admin pages, ESXi, firewalls)"),
  tcp(8000, "HTTP alternate (cameras, appliances)"),
  tcp(8008, "HTTP alternate"),
  tcp(8080, "HTTP alternate (appliances, QNAP)"),
  tcp(8081, "HTTP alternate"),
  tcp(8443, "HTTPS alternate (UniFi, appliances)"),
  tcp(8888, "HTTP alternate"),
  tcp(5000, "Synology DSM (HTTP)"),
  tcp(5001, "Synology DSM (HTTPS)"),
  tcp(8880, "HTTP alternate"),
  tcp(9443, "HTTPS alternate (Veeam web, appliances)"),
  // Backup products
  tcp(9392, "Veeam Backup & Replication (backup server)"),
  tcp(9401, "Veeam Backup & Replication (mount/catalog)"),
  tcp(9419, "Veeam Backup & Replication REST API"),
  tcp(6160, "Veeam Installer Service"),
  tcp(6162, "Veeam Data Mover / Transport Service"),
  tcp(6172, "Veeam Backup & Replication platform service"),
  tcp(6184, "Veeam Agent for Microsoft Windows"),
  tcp(10005, "Veeam Agent / Veeam Backup service"),
  tcp(10006, "Veeam Backup & Replication (worker connection)"),
  tcp(2500, "Veeam data transfer range (first port)"),
  tcp(9876, "Acronis management server"),
  tcp(9877, "Acronis management server"),
  tcp(44445, "Acronis agent"),
  tcp(10000, "NDMP / Veritas Backup Exec agent"),
  tcp(3527, "Veritas Backup Exec server"),
  tcp(6101, "Veritas Backup Exec agent browser"),
  tcp(6106, "Veritas Backup Exec deduplication / agent"),
  tcp(25566, "Datto / ShadowSnap agent"),
  tcp(25568, "Datto Windows Agent"),
  tcp(3262, "Datto appliance iSCSI"),
  tcp(5510, "Synology Active Backup for Business"),
  tcp(6281, "Synology Hyper Backup Vault"),
  tcp(8899, "QNAP RTRR (Hybrid Backup Sync)"),
  tcp(4443, "NAKIVO Backup & Replication director"),
  tcp(9446, "NAKIVO transporter"),
  tcp(8014, "Arcserve UDP console"),
  tcp(8015, "Arcserve UDP agent/console"),
  tcp(6051, "Arcserve Backup"),
  tcp(1556, "Veritas NetBackup"),
  // Power (UPS)
  tcp(3493, "NUT UPS server (upsd)"),
  tcp(3052, "APC PowerChute"),
  tcp(6547, "APC PowerChute Business Edition"),
  tcp(3551, "apcupsd network information server"),
  // Printing
  tcp(9100, "raw printing (JetDirect)"),
  tcp(631, "IPP printing (CUPS)"),
  tcp(515, "LPD printing"),
  // Hypervisors
  tcp(902, "VMware ESXi host agent"),
  tcp(903, "VMware remote console"),
  tcp(5480, "VMware vCenter appliance management"),
  tcp(8006, "Proxmox VE web interface"),
  tcp(2179, "Hyper-V VM connect"),
  // Out-of-band management
  tcp(623, "IPMI over LAN (iDRAC, iLO, BMC)"),
  tcp(17988, "HPE iLO virtual media"),
  // Databases
  tcp(1433, "Microsoft SQL Server"),
  tcp(1434, "Microsoft SQL Server browser (DAC)"),
  tcp(3306, "MySQL / MariaDB"),
  tcp(5432, "PostgreSQL"),
  tcp(1521, "Oracle database"),
  tcp(27017, "MongoDB"),
  tcp(6379, "Redis"),
  // Mail
  tcp(25, "SMTP"),
  tcp(110, "POP3"),
  tcp(143, "IMAP"),
  tcp(465, "SMTPS"),
  tcp(587, "SMTP submission"),
  tcp(993, "IMAPS"),
  tcp(995, "POP3S"),
  // VoIP
  tcp(5060, "SIP (phone system)"),
  tcp(5061, "SIP over TLS (phone system)"),
  udp(5060, "SIP (phone system)"),
  // Cameras
  tcp(554, "RTSP (IP cameras, NVR)"),
  tcp(37777, "Dahua NVR/DVR"),
  tcp(34567, "DVR (XMeye) control"),
  // Legacy and risky
  tcp(21, "FTP (clear text)"),
  tcp(23, "Telnet (clear text)"),
  tcp(2323, "Telnet alternate (IoT)"),
  tcp(512, "rexec (legacy)"),
  tcp(513, "rlogin (legacy)"),
  tcp(514, "rsh (legacy)"),
  tcp(5900, "VNC remote desktop"),
  tcp(5901, "VNC display 1"),
  tcp(1080, "SOCKS proxy"),
  tcp(3128, "HTTP proxy"),
  udp(69, "TFTP (clear text, phone/switch provisioning)"),
  // UDP discovery and management
  udp(53, "DNS (domain controller, router)"),
  udp(123, "NTP (time server)"),
  udp(137, "NetBIOS name service (names, workgroup, domain)"),
  udp(161, "SNMP (switches, firewalls, printers, UPS)"),
  udp(1900, "SSDP / UPnP (routers, media devices)"),
  udp(5353, "mDNS (printers, Apple devices, NAS)"),
  udp(623, "IPMI (out-of-band management)"),
];

/** nmap's -p syntax: "T:21-23,25,…,U:53,…" with duplicates removed and ranges kept. */
export function portSpec(entries: PortEntry[], protocols: Array<"tcp" | "udp"> = ["tcp", "udp"]): string {
  const parts: string[] = [];
  for (const protocol of protocols) {
    const ports = new Set<number>();
    for (const entry of entries) {
      if (entry.protocol !== protocol) continue;
      for (let port = entry.port; port <= (entry.toPort ?? entry.port); port++) ports.add(port);
    }
    if (ports.size === 0) continue;
    parts.push(`${protocol === "tcp" ? "T" : "U"}:${compress([...ports].sort((a, b) => a - b))}`);
  }
  return parts.join(",");
}

function compress(sorted: number[]): string {
  const out: string[] = [];
  let start = sorted[0];
  let previous = start;
  for (const port of [...sorted.slice(1), Number.NaN]) {
    if (port === (previous ?? 0) + 1) {
      previous = port;
      continue;
    }
    out.push(start === previous ? `${start}` : `${start}-${previous}`);
    start = port;
    previous = port;
  }
  return out.join(",");
}

/** Why a port is on the list (for evidence text), or undefined. */
export function whyPort(port: number, protocol: "tcp" | "udp"): string | undefined {
  return PORT_LIST.find((e) => e.protocol === protocol && port >= e.port && port <= (e.toPort ?? e.port))
    ?.why;
}
