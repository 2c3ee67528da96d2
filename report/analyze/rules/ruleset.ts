import { z } from "zod";
import { SeveritySchema } from "../../../schema/assessment.js";
import defaultRuleset from "../rulesets/default.json" with { type: "json" };

/**
 * A ruleset turns rules on or off and changes their severity without touching the rules:
 * `{ "<rule-id>": { "enabled": true, "severity": "high" } }`. Rules it does not mention run
 * with their defaults.
 */
export const RulesetEntrySchema = z
  .object({ enabled: z.boolean().default(true), severity: SeveritySchema.optional() })
  .strict();
export const RulesetSchema = z.record(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), RulesetEntrySchema);
export type Ruleset = z.infer<typeof RulesetSchema>;

export const DEFAULT_RULESET: Ruleset = RulesetSchema.parse(defaultRuleset);

/** Ruleset entries naming no known rule (usually a typo): reported, never silently ignored. */
export function unknownRulesetIds(ruleset: Ruleset, knownIds: readonly string[]): string[] {
  return Object.keys(ruleset).filter((id) => !knownIds.includes(id));
}
