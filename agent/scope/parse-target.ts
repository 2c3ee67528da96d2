import ipaddr from "ipaddr.js";
import { UsageError } from "../../lib/errors.js";
import { cidrToRange, type Ipv4Range, ipToNumber } from "./ipv4-ranges.js";

export interface ParsedTarget {
  /** As the user wrote it. */
  text: string;
  range: Ipv4Range;
}

const OCTET_RANGE = /^(\d{1,3}\.\d{1,3}\.\d{1,3}\.)(\d{1,3})-(\d{1,3})$/;

/**
 * One target: an IPv4 address, a CIDR block, a full range (10.0.0.5-10.0.0.40) or a last-octet
 * range (10.0.0.5-40). Host names are refused: resolving them could lead outside the scope.
 * `flag` names the option in messages ("target", "--exclude").
 */
export function parseTarget(text: string, flag = "target"): ParsedTarget {
  const value = text.trim();
  if (ipaddr.IPv4.isValidFourPartDecimal(value)) {
    const n = ipToNumber(value);
    return { text: value, range: { first: n, last: n } };
  }
  if (value.includes("/")) {
    if (!ipaddr.IPv4.isValidCIDRFourPartDecimal(value)) throw invalid(value, flag);
    return { text: value, range: cidrToRange(value) };
  }
  const octets = OCTET_RANGE.exec(value);
  if (octets) {
    const [, prefix, from, to] = octets;
    return rangeTarget(value, `${prefix}${from}`, `${prefix}${to}`, flag);
  }
  const parts = value.split("-");
  if (parts.length === 2 && parts.every((part) => ipaddr.IPv4.isValidFourPartDecimal(part.trim()))) {
    return rangeTarget(value, parts[0]?.trim() ?? "", parts[1]?.trim() ?? "", flag);
  }
  if (ipaddr.IPv6.isValid(value) || ipaddr.IPv6.isValidCIDR(value)) {
    throw new UsageError(
      `${flag} ${value}: IPv6 targets are not supported`,
      "give IPv4 addresses, CIDR blocks or ranges",
    );
  }
  if (/^[a-z0-9.-]+$/i.test(value) && /[a-z]/i.test(value)) {
    throw new UsageError(
      `${flag} ${value}: host names are not accepted (a name could resolve outside the scope)`,
      "give its IPv4 address, a CIDR block such as 192.168.1.0/24, or a range such as 192.168.1.10-50",
    );
  }
  throw invalid(value, flag);
}

function rangeTarget(text: string, from: string, to: string, flag: string): ParsedTarget {
  if (!ipaddr.IPv4.isValidFourPartDecimal(from) || !ipaddr.IPv4.isValidFourPartDecimal(to))
    throw invalid(text, flag);
  const first = ipToNumber(from);
  const last = ipToNumber(to);
  if (last < first)
    throw new UsageError(`${flag} ${text}: the range ends before it starts`, `write it as ${to}-${from}`);
  return { text, range: { first, last } };
}

function invalid(value: string, flag: string): UsageError {
  return new UsageError(
    `${flag} ${JSON.stringify(value)}: not an IPv4 address, CIDR block or range`,
    "examples: 192.168.1.20, 192.168.1.0/24, 192.168.1.10-50, 10.0.0.1-10.0.1.254",
  );
}
