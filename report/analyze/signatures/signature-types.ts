import type { Role } from "../../../schema/assessment.js";

/**
 * Vote weights, in one place. A signature's weight is how much one match counts towards its
 * roles. Service and banner evidence is STRONG or MEDIUM; an nmap OS guess never exceeds WEAK.
 */
export const WEIGHT = {
  decisive: 5,
  strong: 3,
  medium: 2,
  weak: 1,
  hint: 0.5,
} as const;

/** What every signature carries: adding a vendor or product is one entry of this shape. */
export interface SignatureBase {
  /** Stable kebab-case id, unique within its family. */
  id: string;
  /** Roles this signature votes for (may be empty: vendor-only signatures). */
  roles: Role[];
  /** Vendor name to report when this signature matches. */
  vendor?: string;
  /** Product family to report (e.g. "Veeam Backup & Replication"). */
  product?: string;
  /** For network gear: what grade of firewall/router it is. */
  grade?: "business" | "consumer";
  /** Tags other parts of the analysis look for: "backup-product", "ups", "endpoint-console", "consumer-router". */
  tags?: string[];
  weight: number;
  /** One plain sentence: why this match means what it says. */
  why: string;
}

/** nmap's OUI vendor name (nmap-mac-prefixes spelling) → device kind. */
export interface MacVendorSignature extends SignatureBase {
  match: RegExp;
}

/** SNMP sysObjectID enterprise number (1.3.6.1.4.1.N…) → vendor, optionally narrowed by sysDescr. */
export interface SnmpEnterpriseSignature extends SignatureBase {
  enterprise: number;
  sysDescr?: RegExp;
}

/** A set of open TCP (or UDP) ports → roles. */
export interface PortSignature extends SignatureBase {
  /** All of these must be open ("445/tcp"). */
  allOf: string[];
  /** At least `minAnyOf` (default 1) of these must be open, when given. */
  anyOf?: string[];
  minAnyOf?: number;
  /** None of these may be open. */
  noneOf?: string[];
}

/** Where a text pattern is looked for on a host. */
export const BANNER_FIELDS = [
  "http-title",
  "http-server",
  "cert-subject",
  "service-product",
  "banner",
  "snmp-sysdescr",
  "announcement",
  "hostname",
] as const;
export type BannerField = (typeof BANNER_FIELDS)[number];

/** An HTTP title, server header, certificate subject or service banner pattern → roles. */
export interface BannerSignature extends SignatureBase {
  match: RegExp;
  fields: BannerField[];
}

/** nmap OS class (type / family / vendor) → role hints; only counted at ≥ 90 % accuracy. */
export interface OsClassSignature extends SignatureBase {
  type?: RegExp;
  family?: RegExp;
  generation?: RegExp;
  osVendor?: RegExp;
}

/** An operating-system string the host itself announced (SMB, RDP, SNMP, service banner) → roles. */
export interface OsStringSignature extends SignatureBase {
  match: RegExp;
}

/** A NetBIOS name suffix (nbstat) → roles. */
export interface NetbiosSuffixSignature extends SignatureBase {
  suffix: string;
  group: boolean;
}

/** nmap's service-detection device type (`d/switch/` in nmap-service-probes) → roles. */
export interface DeviceTypeSignature extends SignatureBase {
  match: RegExp;
}
