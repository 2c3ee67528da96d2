import { groupThousands } from "../../lib/group-thousands.js";
import type { Answers } from "../../schema/answers.js";
import type { Assessment, Environment, Proposal } from "../../schema/assessment.js";
import type { Pricing } from "../../schema/pricing.js";
import { fairMonthlyFee } from "./proposal/monthly-fee.js";
import { seatCount } from "./scoring/fit.js";

/** Every verdict threshold, in one place. */
export const VERDICT_THRESHOLDS = {
  /** Too small when the fair monthly fee is below this share of the target band's low end. */
  tooSmallFeeShare: 0.6,
  /** Too small when a peer-to-peer workgroup without a server has at most this many seats. */
  tooSmallPeerToPeerMaxSeats: 5,
  /** Beyond the sweet spot from this many seats: big enough for its own IT staff. */
  beyondSeats: 75,
  /** Beyond from this many servers. */
  beyondServers: 10,
  /** Beyond from this many network segments (a multi-site or enterprise-style network). */
  beyondSegments: 6,
  /** Beyond when the fair fee exceeds the target band's high end by this factor. */
  beyondFeeMultiple: 3,
} as const;

export interface VerdictInputs {
  environment: Environment;
  answers: Answers;
  proposal: Proposal;
  pricing: Pricing;
}

export interface VerdictResult {
  verdict: Assessment["verdict"];
  reasons: string[];
}

/** too-small, beyond or sweet-spot, with the reasons that decided it. Too-small is checked first. */
export function decideVerdict({ environment, answers, proposal, pricing }: VerdictInputs): VerdictResult {
  const t = VERDICT_THRESHOLDS;
  const { seats } = seatCount(environment, answers);
  const fee = fairMonthlyFee(proposal);
  const band = pricing.targetBand;
  const money = (value: number) => `${groupThousands(Math.round(value))} ${pricing.currency}`;
  const { counts, directory } = environment;
  const shape = `${seats} seats, ${counts.servers} server(s), ${
    directory.kind === "domain"
      ? `domain ${directory.name ?? ""}`.trim()
      : directory.kind === "workgroup"
        ? "peer-to-peer workgroup"
        : "directory unknown"
  }`;

  const tooSmall: string[] = [];
  if (fee < t.tooSmallFeeShare * band.low) {
    tooSmall.push(
      `The fair monthly fee (about ${money(fee)}) is well below the target band of ${money(band.low)}–${money(band.high)} (under ${t.tooSmallFeeShare * 100}% of its low end).`,
    );
  }
  if (directory.kind === "workgroup" && counts.servers === 0 && seats <= t.tooSmallPeerToPeerMaxSeats) {
    tooSmall.push(
      `A peer-to-peer network of ${seats} PCs with no server cannot justify a monthly IT contract.`,
    );
  }
  if (tooSmall.length > 0) return { verdict: "too-small", reasons: [...tooSmall, `Seen: ${shape}.`] };

  const beyond: string[] = [];
  if (seats >= t.beyondSeats)
    beyond.push(`${seats} seats: an estate this size usually has its own IT staff.`);
  if (answers.currentSupport === "in-house")
    beyond.push("The client says it has in-house IT staff (answers.currentSupport).");
  if (counts.servers >= t.beyondServers)
    beyond.push(`${counts.servers} servers: enterprise-style infrastructure.`);
  if (environment.network.segments.length >= t.beyondSegments) {
    beyond.push(`${environment.network.segments.length} network segments: a larger, multi-segment network.`);
  }
  if (fee > t.beyondFeeMultiple * band.high) {
    beyond.push(
      `The fair monthly fee (about ${money(fee)}) is over ${t.beyondFeeMultiple}× the target band's high end.`,
    );
  }
  if (beyond.length > 0) return { verdict: "beyond", reasons: [...beyond, `Seen: ${shape}.`] };

  const reasons = [
    `The fair monthly fee (about ${money(fee)}; proposal ${money(proposal.monthly.low)}–${money(proposal.monthly.high)}) ${
      fee < band.low ? "sits near" : fee > band.high ? "sits above" : "falls within"
    } the target band of ${money(band.low)}–${money(band.high)}.`,
    `Seen: ${shape}.`,
  ];
  if (counts.servers > 0 || directory.kind === "domain") {
    reasons.push(
      "The office already depends on shared infrastructure (server or domain) that needs professional care.",
    );
  }
  return { verdict: "sweet-spot", reasons };
}
