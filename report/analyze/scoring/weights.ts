import type { Severity } from "../../../schema/assessment.js";

/**
 * THE place for scoring weights. Change a number here and the fit and risk scores, their
 * explanations and the golden files follow; nothing else hard-codes a weight.
 *
 * RISK (0–100, higher is worse) — what others do, and what we keep:
 * - Network Detective (RapidFire Tools) reports a Risk Score equal to the single worst issue
 *   plus an Overall Issue Score that is the sum of all issues
 *   (https://support.rapidfiretools.com/hc/en-us/articles/360019493137). We keep both ideas:
 *   the worst open finding sets a floor (SEVERITY_FLOOR) and the rest adds up.
 * - PingCastle computes four category scores, each capped at 100, and the global score is the
 *   worst category (https://www.pingcastle.com/documentation/healthcheck/). We cap each category
 *   (CATEGORY_CAP) and let the worst category count in full.
 * - Purple Knight (Semperis, v4.2) scores only failed indicators, weighted by severity and by
 *   how many objects fail (https://www.semperis.com/blog/pk-scoring-improves-understanding-of-identity-system-security-vulnerabilities/).
 *   Passed, unknown and not-applicable checks add nothing here, and a finding grows with its
 *   host count, with diminishing returns (HOST_STEP, HOST_FACTOR_MAX).
 *
 * Why this is fair to a small office: a finding on 15 workstations (SMB signing off everywhere)
 * weighs at most HOST_FACTOR_MAX times one host, and a category never exceeds CATEGORY_CAP, so a
 * noisy but minor category cannot drown the score; only the worst category counts in full and the
 * others count at OTHER_CATEGORY_SHARE, so a small office is not punished for being scanned
 * thoroughly; yet a single critical problem (no backup) can never hide behind an otherwise clean
 * network, because of the severity floor. Accepted findings and errors leave the score entirely.
 */
export const SEVERITY_POINTS: Record<Severity, number> = {
  critical: 40,
  high: 20,
  medium: 8,
  low: 3,
  info: 0,
};
/** Each extra host adds this share of the finding's points … */
export const HOST_STEP = 0.25;
/** … up to this multiple of one host's points. */
export const HOST_FACTOR_MAX = 2;
/** No category can contribute more than this many points. */
export const CATEGORY_CAP = 50;
/** Categories other than the worst one count at this share. */
export const OTHER_CATEGORY_SHARE = 0.3;
/** The risk score is at least this high when an open finding of that severity exists. */
export const SEVERITY_FLOOR: Record<Severity, number> = {
  critical: 70,
  high: 45,
  medium: 20,
  low: 5,
  info: 0,
};

/**
 * FIT (0–100, higher is a better sweet-spot client): the points each factor can give.
 * Size dominates because the fee scales with seats; a server or domain shows the office already
 * depends on shared infrastructure; downtime cost shows what an outage costs them; budget and the
 * current support arrangement show whether they can and will pay; a peer-to-peer office of a few
 * PCs loses points because it cannot justify the spend.
 */
export const FIT_MAX = {
  size: 40,
  serversAndDomain: 20,
  downtime: 20,
  budget: 20,
} as const;
/** Points taken away from a small peer-to-peer office (no domain, no server). */
export const PEER_TO_PEER_PENALTY = 15;

/** Seats (workstations or employees, the larger): full size points from IDEAL_SEATS_LOW to IDEAL_SEATS_HIGH. */
export const SIZE_CURVE = {
  /** At or below this, no size points. */
  minimumSeats: 2,
  idealLow: 10,
  idealHigh: 50,
  /** Above idealHigh, points fall linearly to `beyondPoints` at this many seats. */
  beyondSeats: 100,
  beyondPoints: 5,
} as const;

export const SERVERS_AND_DOMAIN_POINTS = {
  server: 10,
  domain: 10,
  /** A workgroup big enough to need a domain is ready for one. */
  workgroupReadyForDomain: 5,
  workgroupReadyMinSeats: 10,
} as const;

/** Downtime cost per hour that earns full points; points scale linearly below it. */
export const DOWNTIME_FULL_POINTS_PER_HOUR = 1000;

/** Points by current support arrangement when no budget was given. */
export const SUPPORT_POINTS: Record<string, number> = {
  msp: 18,
  "break-fix": 14,
  moonlighter: 10,
  "friend-or-relative": 8,
  none: 6,
  "in-house": 4,
};
/** Points when neither budget nor support is known: neutral, not zero. */
export const UNKNOWN_BUDGET_POINTS = 10;
