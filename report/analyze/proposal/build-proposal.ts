import type { Answers } from "../../../schema/answers.js";
import type { Device, Environment, Finding, Proposal, Question } from "../../../schema/assessment.js";
import type { Pricing } from "../../../schema/pricing.js";
import type { Rule } from "../rules/define-rule.js";
import { seatCount } from "../scoring/fit.js";
import { lineItemTotals, monthlyLineItems, onsiteHalfDays } from "./monthly-fee.js";
import { projectsFromFindings } from "./projects.js";

export interface ProposalInputs {
  environment: Environment;
  devices: readonly Device[];
  findings: readonly Finding[];
  questions: readonly Question[];
  answers: Answers;
  pricing: Pricing;
  /** True when the consultant gave a pricing file; false means the built-in defaults. */
  customPricing: boolean;
  rules: readonly Rule[];
}

export function buildProposal(inputs: ProposalInputs): Proposal {
  const { environment, answers, pricing } = inputs;
  const { seats } = seatCount(environment, answers);
  const lineItems = monthlyLineItems(environment, answers, pricing);
  const totals = lineItemTotals(lineItems);
  const monthly = {
    low: Math.max(pricing.minimumMonthlyFee, totals.low),
    high: Math.max(pricing.minimumMonthlyFee, totals.high),
    currency: pricing.currency,
  };
  const projects = projectsFromFindings(
    inputs.findings,
    inputs.rules,
    pricing,
    seats + environment.counts.servers,
  );
  return {
    monthly,
    onsiteHalfDaysPerMonth: onsiteHalfDays(seats, pricing),
    lineItems,
    projects,
    assumptions: assumptions(inputs, seats, totals),
    targetBand: { low: pricing.targetBand.low, high: pricing.targetBand.high },
  };
}

function assumptions(inputs: ProposalInputs, seats: number, totals: { low: number; high: number }): string[] {
  const { environment, answers, pricing, devices } = inputs;
  const list: string[] = [];
  list.push(
    inputs.customPricing
      ? `Prices in ${pricing.currency} from the consultant's pricing file.`
      : `Prices in ${pricing.currency} from sweetspot's default price list (published MSP rates; see README); pass --pricing to use your own.`,
  );
  const employees = answers.employees ?? environment.employees;
  list.push(
    employees === undefined
      ? `${seats} seats = the ${environment.counts.workstations} workstations seen on the network; staff count not given (answers.employees).`
      : `${seats} seats: the larger of ${environment.counts.workstations} workstations seen and ${employees} employees answered.`,
  );
  list.push(
    `${onsiteHalfDays(seats, pricing)} on-site half-day(s) a month at ${pricing.onsiteHalfDayRate} ${pricing.currency} each, plus remote and emergency phone support.`,
  );
  if (totals.low < pricing.minimumMonthlyFee) {
    list.push(
      `The minimum monthly fee of ${pricing.minimumMonthlyFee} ${pricing.currency} applies: the estate alone prices at ${totals.low}–${totals.high}.`,
    );
  }
  const unknownDevices = devices.filter((device) => device.role === "unknown").length;
  if (unknownDevices > 0) {
    list.push(
      `${unknownDevices} device(s) could not be identified and are not priced; they may add to the fee.`,
    );
  }
  list.push("One-time project prices are labour ranges; hardware, licences and subscriptions are extra.");
  for (const question of inputs.questions) list.push(`Unknown — ask: ${question.question}`);
  return list;
}
