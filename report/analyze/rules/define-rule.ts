import type { Answers } from "../../../schema/answers.js";
import type { Device, Environment, Evidence, Question, Severity } from "../../../schema/assessment.js";
import type { Audit } from "../../../schema/audit.js";

export const RULE_CATEGORIES = [
  "perimeter",
  "backup",
  "power",
  "security",
  "patching",
  "identity",
  "network",
  "wireless",
  "operations",
  "business",
] as const;
export type RuleCategory = (typeof RULE_CATEGORIES)[number];

export interface RuleMeta {
  /** Stable kebab-case id: names the file, the test case and the finding across audits. */
  id: string;
  /** What is wrong, worded as a finding title. */
  title: string;
  /** What was checked, worded for a passing check. */
  passTitle?: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  /** Why it matters to the business, in plain words. */
  impact: string;
  recommendation: string;
  /** Vendor, CISA, NIST or Microsoft documentation. */
  references: string[];
  /** The one-time project (proposal) that fixes it. */
  projectId?: string;
}

/** Everything a rule may read. Read-only: rules are pure. */
export interface RuleContext {
  readonly audit: Audit;
  readonly devices: readonly Device[];
  readonly environment: Environment;
  readonly answers: Answers;
  readonly asOf: Date;
}

export type RuleOutcome =
  | { status: "pass" }
  | { status: "not-applicable" }
  | { status: "unknown"; question?: Question }
  | { status: "fail"; hosts: string[]; evidence: Evidence[]; severity?: Severity };

export interface Rule {
  meta: RuleMeta;
  evaluate(ctx: RuleContext): RuleOutcome;
}

/** Identity helper: gives a rule definition its type, nothing else. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
