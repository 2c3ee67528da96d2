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

/** Roles in the order of their first vote, with their summed weights. */
interface Tally {
  roles: Role[];
  weights: number[];
}

function addVote(tally: Tally, role: Role, weight: number): void {
  const at = tally.roles.indexOf(role);
  if (at < 0) {
    tally.roles.push(role);
    tally.weights.push(weight);
  } else tally.weights[at]! += weight;
}

/**
 * Tallies weighted votes. Service, banner, SNMP, MAC, NetBIOS and gateway votes decide; nmap OS
 * class votes only add to roles those already support, so a guess can never outrank what the
 * host serves. With no other evidence, OS votes decide, capped at OS_ONLY_CONFIDENCE_CAP.
 */
export function decideRole(matches: SignatureMatch[]): RoleDecision {
  // Arrays and indexed loops rather than maps and for…of: this runs once per host, mostly before
  // V8 optimises it, where those allocate at every step; a host votes for a few roles.
  const primary: Tally = { roles: [], weights: [] };
  const guesses: Tally = { roles: [], weights: [] };
  for (let m = 0; m < matches.length; m++) {
    const match = matches[m]!;
    const target = match.family === "os-class" ? guesses : primary;
    const votes = signatureVotes(match.signature);
    for (let v = 0; v < votes.length; v++) addVote(target, votes[v]!.role, votes[v]!.weight);
  }
  const osOnly = primary.roles.length === 0;
  const totals = osOnly ? guesses : primary;
  if (!osOnly) {
    for (let g = 0; g < guesses.roles.length; g++) {
      const at = totals.roles.indexOf(guesses.roles[g]!);
      if (at >= 0) totals.weights[at]! += guesses.weights[g]!;
    }
  }
  if (totals.roles.length === 0)
    return { role: "unknown", roles: ["unknown"], confidence: 0, supporting: [], osOnly };

  // Heaviest first, ties to the more important role: a stable insertion sort of the tally's
  // positions (Array.prototype.sort allocates its set-up on every call while V8 interprets this).
  const ranksAfter = (a: number, b: number) =>
    totals.weights[b]! - totals.weights[a]! ||
    (PRIORITY_RANK.get(totals.roles[a]!) ?? -1) - (PRIORITY_RANK.get(totals.roles[b]!) ?? -1);
  const order: number[] = [];
  for (let position = 0; position < totals.roles.length; position++) {
    let at = order.length;
    while (at > 0 && ranksAfter(order[at - 1]!, position) > 0) at--;
    order.push(position);
    for (let i = order.length - 1; i > at; i--) order[i] = order[i - 1]!;
    order[at] = position;
  }
  let roles: Role[] = [];
  let sum = 0;
  for (let r = 0; r < order.length; r++) {
    roles.push(totals.roles[order[r]!]!);
    sum += totals.weights[order[r]!]!;
  }
  const top = totals.weights[order[0]!]!;
  // A laptop is a workstation: explicit laptop evidence (a name, an announcement) specialises it.
  const laptop = totals.roles.indexOf("laptop");
  if (roles[0] === "workstation" && laptop >= 0 && totals.weights[laptop]! >= WEIGHT.medium) {
    roles = ["laptop", ...roles.filter((role) => role !== "laptop")];
  }
  const strength = 1 - Math.exp(-top / CONFIDENCE_SATURATION);
  const agreement = top / sum;
  let confidence = strength * (0.6 + 0.4 * agreement);
  if (osOnly) confidence = Math.min(confidence, OS_ONLY_CONFIDENCE_CAP);
  // Every role with a total is among `roles`: a match supports the decision when it voted for one.
  const supporting: SignatureMatch[] = [];
  for (let m = 0; m < matches.length; m++) {
    const match = matches[m]!;
    if (osOnly && match.family !== "os-class") continue;
    const voted = match.signature.roles;
    for (let r = 0; r < voted.length; r++) {
      if (totals.roles.includes(voted[r]!)) {
        supporting.push(match);
        break;
      }
    }
  }
  return { role: roles[0]!, roles, confidence: Math.round(confidence * 100) / 100, supporting, osOnly };
}
