import type { Answers } from "../../../schema/answers.js";
import type { Environment, Evidence, ScorePart } from "../../../schema/assessment.js";
import type { Pricing } from "../../../schema/pricing.js";
import type { Score } from "./risk.js";
import {
  DOWNTIME_FULL_POINTS_PER_HOUR,
  FIT_MAX,
  PEER_TO_PEER_PENALTY,
  SERVERS_AND_DOMAIN_POINTS,
  SIZE_CURVE,
  SUPPORT_POINTS,
  UNKNOWN_BUDGET_POINTS,
} from "./weights.js";

/** Seats the fee is based on: counted workstations, or the employees answered when there are more. */
export function seatCount(
  environment: Environment,
  answers: Answers,
): { seats: number; evidence: Evidence[] } {
  const counted = environment.counts.workstations;
  const employees = answers.employees ?? environment.employees;
  const evidence: Evidence[] = [
    { fact: "environment.counts.workstations", observed: String(counted), source: "derived" },
  ];
  if (employees !== undefined) {
    evidence.push({ fact: "answers.employees", observed: String(employees), source: "answers" });
  }
  return { seats: Math.max(counted, employees ?? 0), evidence };
}

export function sizePoints(seats: number): number {
  const { minimumSeats, idealLow, idealHigh, beyondSeats, beyondPoints } = SIZE_CURVE;
  const max = FIT_MAX.size;
  if (seats <= minimumSeats) return 0;
  if (seats < idealLow) return (max * (seats - minimumSeats)) / (idealLow - minimumSeats);
  if (seats <= idealHigh) return max;
  if (seats >= beyondSeats) return beyondPoints;
  return max - ((max - beyondPoints) * (seats - idealHigh)) / (beyondSeats - idealHigh);
}

/** Fit 0–100: is this office the size and shape of a sweet-spot client? See weights.ts. */
export function scoreFit(environment: Environment, answers: Answers, pricing: Pricing): Score {
  const parts: ScorePart[] = [];
  const { seats, evidence: seatEvidence } = seatCount(environment, answers);
  parts.push({
    factor: "fit: size",
    points: round(sizePoints(seats)),
    max: FIT_MAX.size,
    evidence: seatEvidence,
    note: `${seats} seats; full points from ${SIZE_CURVE.idealLow} to ${SIZE_CURVE.idealHigh}`,
  });

  const { directory, counts } = environment;
  let infra = 0;
  const infraNotes: string[] = [];
  if (counts.servers > 0) {
    infra += SERVERS_AND_DOMAIN_POINTS.server;
    infraNotes.push(`${counts.servers} server(s)`);
  }
  if (directory.kind === "domain") {
    infra += SERVERS_AND_DOMAIN_POINTS.domain;
    infraNotes.push(`domain ${directory.name ?? ""}`.trim());
  } else if (directory.kind === "workgroup" && seats >= SERVERS_AND_DOMAIN_POINTS.workgroupReadyMinSeats) {
    infra += SERVERS_AND_DOMAIN_POINTS.workgroupReadyForDomain;
    infraNotes.push("workgroup big enough to need a domain");
  }
  parts.push({
    factor: "fit: servers and domain",
    points: infra,
    max: FIT_MAX.serversAndDomain,
    evidence: [
      { fact: "environment.counts.servers", observed: String(counts.servers), source: "derived" },
      {
        fact: "environment.directory.kind",
        observed: `${directory.kind}${directory.name ? ` ${directory.name}` : ""}`,
        source: "derived",
      },
    ],
    note: infraNotes.join(", ") || "no server, no domain",
  });

  const perHour = environment.downtime.costPerHour;
  parts.push(
    perHour === undefined
      ? {
          factor: "fit: downtime cost",
          points: FIT_MAX.downtime / 2,
          max: FIT_MAX.downtime,
          evidence: [],
          note: "unknown: half points until the hourly cost is answered (answers.hourlyCostPerEmployee)",
        }
      : {
          factor: "fit: downtime cost",
          points: round(
            Math.min(FIT_MAX.downtime, (FIT_MAX.downtime * perHour) / DOWNTIME_FULL_POINTS_PER_HOUR),
          ),
          max: FIT_MAX.downtime,
          evidence: [
            {
              fact: "environment.downtime.costPerHour",
              observed: `${Math.round(perHour)} ${environment.downtime.currency}/hour`,
              source: "derived",
              note: environment.downtime.basis.join("; ") || undefined,
            },
          ],
          note: `full points at ${DOWNTIME_FULL_POINTS_PER_HOUR} ${environment.downtime.currency}/hour or more`,
        },
  );

  parts.push(budgetPart(answers, pricing));

  const peerToPeer = directory.kind === "workgroup" && counts.servers === 0;
  if (peerToPeer) {
    parts.push({
      factor: "fit: peer-to-peer penalty",
      points: -PEER_TO_PEER_PENALTY,
      max: 0,
      evidence: [
        { fact: "environment.directory.kind", observed: "workgroup", source: "derived" },
        { fact: "environment.counts.servers", observed: "0", source: "derived" },
      ],
      note: "a peer-to-peer workgroup without a server rarely justifies a monthly IT contract",
    });
  }

  const total = parts.reduce((sum, part) => sum + part.points, 0);
  return { score: Math.round(Math.min(100, Math.max(0, total))), parts };
}

function budgetPart(answers: Answers, pricing: Pricing): ScorePart {
  const max = FIT_MAX.budget;
  const band = pricing.targetBand;
  if (answers.monthlyItBudget !== undefined) {
    const budget = answers.monthlyItBudget;
    const points = budget >= band.low ? max : round((max * budget) / band.low);
    return {
      factor: "fit: budget",
      points,
      max,
      evidence: [
        {
          fact: "answers.monthlyItBudget",
          observed: `${budget} ${pricing.currency}/month`,
          source: "answers",
        },
      ],
      note: `full points at the target band's low end (${band.low} ${pricing.currency}/month) or more`,
    };
  }
  if (answers.currentSupport !== undefined) {
    return {
      factor: "fit: budget",
      points: SUPPORT_POINTS[answers.currentSupport] ?? UNKNOWN_BUDGET_POINTS,
      max,
      evidence: [{ fact: "answers.currentSupport", observed: answers.currentSupport, source: "answers" }],
      note: "no budget given: judged from what they pay for support today",
    };
  }
  return {
    factor: "fit: budget",
    points: UNKNOWN_BUDGET_POINTS,
    max,
    evidence: [],
    note: "unknown: half points until answers.monthlyItBudget or answers.currentSupport is given",
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
