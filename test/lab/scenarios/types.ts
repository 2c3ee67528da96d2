import type { Role } from "../../../schema/assessment.js";

/** A TCP port of the small Node listener (test/lab/daemons/listener.ts). */
export interface ListenerPort {
  port: number;
  /** Sent as soon as a client connects (latin1: telnet IAC bytes allowed); the first line typed is refused. */
  banner?: string;
  /** Answer HTTP requests with a page of this title. */
  httpTitle?: string;
  /** Answer an RDP connection request with an X.224 connection confirm (TLS), as Windows does. */
  rdp?: boolean;
}

export interface NginxSite {
  port: number;
  title: string;
  /** Serve HTTPS with a self-signed certificate, valid now or long expired. */
  tls?: "self-signed" | "expired";
  /** Certificate subject. */
  certCn?: string;
  certOrg?: string;
  serverHeader?: string;
}

export interface SnmpValue {
  oid: string;
  type: "integer" | "octet_str" | "object_id" | "timeticks" | "gauge";
  value: string | number;
}

/** One real daemon (or our listener) run inside a host's namespace. */
export type DaemonSpec =
  | { kind: "samba-dc"; realm: string; domain: string; adminPassword: string }
  | { kind: "samba-fs"; workgroup: string; smb1: boolean; serverString: string; shares: string[] }
  | { kind: "nmbd"; workgroup: string; serverString?: string }
  | {
      kind: "snmpd";
      sysDescr: string;
      sysObjectID: string;
      sysLocation?: string;
      sysContact?: string;
      values?: SnmpValue[];
    }
  | { kind: "nut"; upsName: string; vars: Record<string, string> }
  | { kind: "nginx"; sites: NginxSite[] }
  | { kind: "listener"; ports: ListenerPort[] }
  | { kind: "dnsmasq"; domain: string };

export interface HostSpec {
  /** Namespace suffix and veth port name: [a-z0-9], at most 8 characters. */
  key: string;
  /** Host name (UTS namespace, NetBIOS name upper-cased). */
  name: string;
  /** Last octet in the scenario's /24. */
  octet: number;
  /** Full MAC; its first three bytes are a real vendor prefix from nmap-mac-prefixes. */
  mac: string;
  /** nmap's name for the MAC prefix (checked against nmap-mac-prefixes at bring-up). */
  vendor: string;
  role: Role;
  /** Windows look-alike: TTL 128. */
  windowsTtl?: boolean;
  /** Drop ICMP echo like a default Windows firewall. */
  dropPing?: boolean;
  daemons: DaemonSpec[];
  notes?: string;
}

export interface ScenarioSpec {
  name: "office" | "shop" | "growing" | "office-next-quarter" | "hostile";
  /** First three octets of the lab /24, e.g. "10.77.10". */
  net: string;
  gatewayKey: string;
  dnsKey: string;
  searchDomain?: string;
  directory: { kind: "domain" | "workgroup"; name: string; netbiosName?: string; controllerKeys: string[] };
  firewall: { grade: "business" | "consumer" | "unknown"; vendor?: string };
  backup: { onsite: "yes" | "no"; offsite: "yes" | "no" | "unknown" };
  ups: "yes" | "no";
  expectedVerdict: "too-small" | "sweet-spot" | "beyond";
  agent: { octet: number; mac: string };
  hosts: HostSpec[];
}

/** Deterministic MAC from a vendor prefix ("F0:1F:AF") and a host's name, so a host keeps its MAC across scenarios. */
export function macFor(prefix: string, name: string): string {
  let h = 2166136261;
  for (const c of name) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  const tail = [(h >>> 16) & 0xff, (h >>> 8) & 0xff, h & 0xff].map((b) => b.toString(16).padStart(2, "0"));
  return `${prefix}:${tail.join(":")}`.toLowerCase();
}
