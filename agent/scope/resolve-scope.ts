import ipaddr from "ipaddr.js";
import { UsageError } from "../../lib/errors.js";
import { detectLocalSubnets, type ListInterfaces, type LocalSubnet } from "./detect-local-subnets.js";
import {
  cidrToRange,
  countAddresses,
  type Ipv4Range,
  ipToNumber,
  normalizeRanges,
  rangesContain,
  rangeToCidrs,
  subtractRanges,
} from "./ipv4-ranges.js";
import { parseTarget } from "./parse-target.js";

/** Scopes larger than a /20 need --force. */
export const MAX_ADDRESSES_WITHOUT_FORCE = 4096;

/** Address blocks that are never "public": RFC 1918, loopback, link-local, carrier-grade NAT. */
const NON_PUBLIC_BLOCKS = [
  "10.0.0.0/8",
  "172.16.0.0/12",
  "192.168.0.0/16",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "100.64.0.0/10",
].map(cidrToRange);

export interface ScopeRequest {
  /** As given on the command line; empty → the host's own private subnets. */
  targets: string[];
  exclude: string[];
  allowPublic: boolean;
  force: boolean;
}

export interface ResolvedScope {
  /** For the Audit: the targets as given, or the detected subnets. */
  targets: string[];
  excluded: string[];
  autoDetected: boolean;
  /** Where an auto-detected subnet came from ("eth0 192.168.1.23"). */
  detectedFrom: LocalSubnet[];
  /** CIDR blocks for nmap (it does not read a-b ranges across octets). */
  nmapTargets: string[];
  nmapExcludes: string[];
  /** Addresses that may receive packets (exclusions removed). */
  addressCount: number;
  isAllowed(ip: string): boolean;
}

export async function resolveScope(
  request: ScopeRequest,
  listInterfaces: ListInterfaces,
): Promise<ResolvedScope> {
  if (request.targets.length > 0) return buildScope(request);
  return buildScope(request, detectLocalSubnets(await listInterfaces()));
}

/** Pure: checks the request and builds the scope; `detected` is used when no targets are given. */
export function buildScope(request: ScopeRequest, detected: LocalSubnet[] = []): ResolvedScope {
  const autoDetected = request.targets.length === 0;
  if (autoDetected && detected.length === 0) {
    throw new UsageError(
      "no private IPv4 subnet found on this host's interfaces",
      "connect to the office LAN, or name the targets (e.g. sweetspot scan 192.168.1.0/24)",
    );
  }
  const texts = autoDetected ? detected.map((subnet) => subnet.cidr) : request.targets;
  const targets = texts.map((text) => parseTarget(text));
  const exclusions = request.exclude.map((text) => parseTarget(text, "--exclude"));

  if (!request.allowPublic) {
    for (const target of targets) {
      if (
        !NON_PUBLIC_BLOCKS.some(
          (block) => target.range.first >= block.first && target.range.last <= block.last,
        )
      ) {
        throw new UsageError(
          `target ${target.text} includes public addresses: refusing to scan outside private networks`,
          "check the target, or add --allow-public if you are authorised to scan it",
        );
      }
    }
  }

  const excludedRanges = normalizeRanges(exclusions.map((e) => e.range));
  const allowed = subtractRanges(
    targets.map((t) => t.range),
    excludedRanges,
  );
  const addressCount = countAddresses(allowed);
  if (addressCount === 0) {
    throw new UsageError("every target address is excluded: nothing to scan", "check --exclude");
  }
  if (addressCount > MAX_ADDRESSES_WITHOUT_FORCE && !request.force) {
    throw new UsageError(
      `scope ${texts.join(", ")} holds ${addressCount} addresses, more than a /20 (${MAX_ADDRESSES_WITHOUT_FORCE})`,
      "narrow the targets, or add --force to scan them all",
    );
  }

  return {
    targets: texts,
    excluded: exclusions.map((e) => e.text),
    autoDetected,
    detectedFrom: autoDetected ? detected : [],
    nmapTargets: normalizeRanges(targets.map((t) => t.range)).flatMap(rangeToCidrs),
    nmapExcludes: excludedRanges.flatMap(rangeToCidrs),
    addressCount,
    isAllowed: (ip: string) =>
      ipaddr.IPv4.isValidFourPartDecimal(ip) && rangesContain(allowed, ipToNumber(ip)),
  };
}

/** "192.168.1.0/24 (254 addresses, eth0), excluding 192.168.1.5" */
export function describeScope(scope: ResolvedScope): string {
  const from = scope.detectedFrom.length
    ? ` on ${scope.detectedFrom.map((s) => `${s.iface} ${s.address}`).join(", ")}`
    : "";
  const excluded = scope.excluded.length ? `, excluding ${scope.excluded.join(", ")}` : "";
  return `${scope.targets.join(", ")} (${scope.addressCount} address${scope.addressCount === 1 ? "" : "es"}${from}${excluded})`;
}

export type { Ipv4Range };
