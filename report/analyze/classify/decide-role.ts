import type { Role } from "../../../schema/assessment.js";
import { WEIGHT } from "../signatures/signature-types.js";
import { type SignatureMatch, signatureVotes } from "./match-signatures.js";

/** When votes tie, the role that matters more to the assessment wins. */
export const ROLE_PRIORITY: Role[] = [
  "domain-controller",
  "firewall",
  "backup-server",
  "hypervisor",
  "nas",
  "ups",
  "printer",
  "server",
  "file-server",
  "router",
  "switch",
  "access-point",
  "camera",
  "phone",
  "workstation",
  "laptop",
  "mobile",
  "iot",
  "unknown",
];

const PRIORITY_RANK = new Map(ROLE_PRIORITY.map((role, rank) => [role, rank]));

/** Confidence grows with the winning total: 1 - e^(-total / SATURATION). */
export const CONFIDENCE_SATURATION = 3;
/** A role decided by nmap OS guesses alone is never more certain than this. */
export const OS_ONLY_CONFIDENCE_CAP = 0.5;

export interface RoleDecision {
  role: Role;
  roles: Role[];
  confidence: number;
  /** The matches that voted for the chosen roles. */
  supporting: SignatureMatch[];
  /** The role came from OS guesses only. */
  osOnly: boolean;
}

/**
 * Tallies weighted votes. Service, banner, SNMP, MAC, NetBIOS and gateway votes decide; nmap OS
 * class votes only add to roles those already support, so a guess can never outrank what the
 * host serves. With no other evidence, OS votes decide, capped at OS_ONLY_CONFIDENCE_CAP.
 */
export function decideRole(matches: SignatureMatch[]): RoleDecision {
  const primary = new Map<Role, number>();
  const guesses = new Map<Role, number>();
  for (const match of matches) {
    const target = match.family === "os-class" ? guesses : primary;
    for (const vote of signatureVotes(match.signature)) {
      target.set(vote.role, (target.get(vote.role) ?? 0) + vote.weight);
    }
  }
  const osOnly = primary.size === 0;
  const totals = new Map<Role, number>(osOnly ? guesses : primary);
  if (!osOnly) {
    for (const [role, weight] of guesses) {
      if (totals.has(role)) totals.set(role, (totals.get(role) ?? 0) + weight);
    }
  }
  if (totals.size === 0)
    return { role: "unknown", roles: ["unknown"], confidence: 0, supporting: [], osOnly };

  const ranked = [...totals.entries()].sort(
    (a, b) => b[1] - a[1] || (PRIORITY_RANK.get(a[0]) ?? -1) - (PRIORITY_RANK.get(b[0]) ?? -1),
  );
  let roles = ranked.map(([role]) => role);
  // A laptop is a workstation: explicit laptop evidence (a name, an announcement) specialises it.
  if (roles[0] === "workstation" && (totals.get("laptop") ?? 0) >= WEIGHT.medium) {
    roles = ["laptop", ...roles.filter((role) => role !== "laptop")];
  }
  const top = ranked[0]![1];
  const sum = ranked.reduce((total, [, weight]) => total + weight, 0);
  const strength = 1 - Math.exp(-top / CONFIDENCE_SATURATION);
  const agreement = top / sum;
  let confidence = strength * (0.6 + 0.4 * agreement);
  if (osOnly) confidence = Math.min(confidence, OS_ONLY_CONFIDENCE_CAP);
  const chosen = new Set(roles);
  const supporting = matches.filter(
    (match) =>
      match.signature.roles.some((role) => chosen.has(role)) && (!osOnly || match.family === "os-class"),
  );
  return { role: roles[0]!, roles, confidence: Math.round(confidence * 100) / 100, supporting, osOnly };
}
