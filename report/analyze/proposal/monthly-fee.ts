import type { Answers } from "../../../schema/answers.js";
import type { Environment, Proposal } from "../../../schema/assessment.js";
import type { Pricing } from "../../../schema/pricing.js";
import { seatCount } from "../scoring/fit.js";

type LineItem = Proposal["lineItems"][number];

export function onsiteHalfDays(seats: number, pricing: Pricing): number {
  const table = pricing.onsiteHalfDays;
  if (seats <= table.smallMaxSeats) return table.small;
  if (seats <= table.mediumMaxSeats) return table.medium;
  return table.large;
}

/** What the office's estate costs to look after each month, line by line (before any minimum fee). */
export function monthlyLineItems(environment: Environment, answers: Answers, pricing: Pricing): LineItem[] {
  const { seats } = seatCount(environment, answers);
  const halfDays = onsiteHalfDays(seats, pricing);
  const items: LineItem[] = [
    {
      label: "Workstations (remote support, patching, monitoring)",
      quantity: seats,
      unitLow: pricing.perWorkstation.low,
      unitHigh: pricing.perWorkstation.high,
    },
    {
      label: "Servers",
      quantity: environment.counts.servers,
      unitLow: pricing.perServer.low,
      unitHigh: pricing.perServer.high,
    },
    {
      label: "Network and infrastructure devices (firewall, switches, access points, NAS, UPS)",
      quantity: managedDevices(environment),
      unitLow: pricing.perNetworkDevice.low,
      unitHigh: pricing.perNetworkDevice.high,
    },
    {
      label: "On-site half-days",
      quantity: halfDays,
      unitLow: pricing.onsiteHalfDayRate,
      unitHigh: pricing.onsiteHalfDayRate,
    },
  ];
  return items.filter((item) => item.quantity > 0);
}

/** Devices monitored for a fee: the network itself plus the NAS and UPS units that keep it running. */
export function managedDevices(environment: Environment): number {
  const { networkDevices, byRole } = environment.counts;
  return networkDevices + (byRole.nas ?? 0) + (byRole.ups ?? 0);
}

export function lineItemTotals(items: readonly LineItem[]): { low: number; high: number } {
  return {
    low: items.reduce((sum, item) => sum + item.quantity * item.unitLow, 0),
    high: items.reduce((sum, item) => sum + item.quantity * item.unitHigh, 0),
  };
}

/**
 * The fair monthly fee: the middle of what the estate costs to look after, before the minimum
 * fee. The verdict compares it with the target band: a minimum fee can be charged to anyone, but
 * it does not make a small office a sweet-spot client.
 */
export function fairMonthlyFee(proposal: Pick<Proposal, "lineItems">): number {
  const { low, high } = lineItemTotals(proposal.lineItems);
  return Math.round((low + high) / 2);
}
