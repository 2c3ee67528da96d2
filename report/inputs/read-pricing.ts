import { type Pricing, PricingSchema } from "../../schema/pricing.js";
import { type FixHints, parseYamlInput, readYamlInput } from "./yaml-input.js";

const RANGE_HINT = "write low and high amounts a month, like {low: 60, high: 85}";
const PRICING_HINTS: FixHints = {
  currency: "write a 3-letter currency code like USD or EUR",
  perWorkstation: RANGE_HINT,
  "perWorkstation.low": RANGE_HINT,
  "perWorkstation.high": RANGE_HINT,
  perServer: RANGE_HINT,
  "perServer.low": RANGE_HINT,
  "perServer.high": RANGE_HINT,
  perNetworkDevice: RANGE_HINT,
  "perNetworkDevice.low": RANGE_HINT,
  "perNetworkDevice.high": RANGE_HINT,
  minimumMonthlyFee: "write an amount like 500",
  onsiteHalfDayRate: "write an amount like 250",
  targetBand: "write the monthly fee you are after, like {low: 1000, high: 2000}",
  "targetBand.low": "write an amount like 1000",
  "targetBand.high": "write an amount like 2000",
};

const PRICING_FIELDS = [
  ...Object.keys(PricingSchema.shape),
  "low",
  "high",
  "title",
  "description",
  "perHostLow",
  "perHostHigh",
  "smallMaxSeats",
  "small",
  "mediumMaxSeats",
  "medium",
  "large",
];

/** Reads and validates pricing.yaml; missing fields take the documented defaults (schema/pricing.ts). */
export function readPricingFile(path: string): Promise<Pricing> {
  return readYamlInput(path, PricingSchema, "pricing", PRICING_HINTS, PRICING_FIELDS);
}

export function parsePricingText(text: string, name = "pricing.yaml"): Pricing {
  return parseYamlInput(text, name, PricingSchema, "pricing", PRICING_HINTS, PRICING_FIELDS);
}
