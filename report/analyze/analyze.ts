import type { Answers } from "../../schema/answers.js";
import { ASSESSMENT_SCHEMA_VERSION, type Assessment } from "../../schema/assessment.js";
import type { Audit } from "../../schema/audit.js";
import { DEFAULT_PRICING, type Pricing } from "../../schema/pricing.js";
import { TOOL_NAME, toolVersion } from "../../lib/package-root.js";
import { classifyDevices } from "./classify/classify-devices.js";
import { compareIds } from "./compare-ids.js";
import { buildEnvironment } from "./environment/build-environment.js";
import { buildProposal } from "./proposal/build-proposal.js";
import type { Rule } from "./rules/define-rule.js";
import { RULES } from "./rules/index.js";
import { DEFAULT_RULESET, type Ruleset, unknownRulesetIds } from "./rules/ruleset.js";
import { runRules } from "./rules/run-rules.js";
import { scoreFit } from "./scoring/fit.js";
import { scoreRisk } from "./scoring/risk.js";
import { decideVerdict } from "./verdict.js";

export interface AnalyzeInputs {
  answers?: Answers;
  pricing?: Pricing;
  /** The date the judgement is made for (end-of-life, certificate expiry). Default: the audit's start. */
  asOf?: Date;
  ruleset?: Ruleset;
  /** Replaces the built-in rule list (tests). */
  rules?: readonly Rule[];
  /** Stamped into the Assessment; default: this package's name and version. */
  tool?: { name: string; version: string };
}

/**
 * Audit (+ answers, pricing) → Assessment: classify → environment → rules → scores → proposal →
 * verdict. Pure and deterministic: no I/O, no clock (generatedAt is the audit date unless given).
 */
export function analyze(audit: Audit, inputs: AnalyzeInputs = {}): Assessment {
  const answers = inputs.answers ?? {};
  const pricing = inputs.pricing ?? DEFAULT_PRICING;
  const asOf = inputs.asOf ?? new Date(audit.startedAt);
  const rules = inputs.rules ?? RULES;

  const devices = classifyDevices(audit);
  const {
    environment,
    questions: environmentQuestions,
    conflicts,
  } = buildEnvironment({
    audit,
    devices,
    answers,
    asOf,
    currency: pricing.currency,
  });
  const ruleset = inputs.ruleset ?? DEFAULT_RULESET;
  const run = runRules(rules, { audit, devices, environment, answers, asOf }, ruleset);
  const rulesetWarnings = unknownRulesetIds(
    ruleset,
    rules.map((rule) => rule.meta.id),
  ).map((id) => `ruleset: no rule named ${id}; the entry was ignored`);
  const questions = mergeQuestions(environmentQuestions, run.questions);
  const risk = scoreRisk(run.findings);
  const fit = scoreFit(environment, answers, pricing);
  const proposal = buildProposal({
    environment,
    devices,
    findings: run.findings,
    questions,
    answers,
    pricing,
    customPricing: inputs.pricing !== undefined,
    rules,
  });
  const { verdict, reasons } = decideVerdict({ environment, answers, proposal, pricing });

  return {
    schemaVersion: ASSESSMENT_SCHEMA_VERSION,
    tool: inputs.tool ?? { name: TOOL_NAME, version: toolVersion() },
    generatedAt: asOf.toISOString(),
    client: {
      name: answers.client?.name ?? audit.client.name,
      ...((answers.client?.site ?? audit.client.site)
        ? { site: answers.client?.site ?? audit.client.site }
        : {}),
    },
    audit: auditSummary(audit),
    verdict,
    verdictReasons: reasons,
    scores: { fit: fit.score, risk: risk.score },
    scoreDetails: { fit: fit.parts, risk: risk.parts },
    environment,
    devices,
    findings: sortFindings(run.findings),
    checks: run.checks,
    questions,
    conflicts,
    proposal,
    warnings: [...rulesetWarnings, ...run.warnings],
  };
}

function auditSummary(audit: Audit): Assessment["audit"] {
  const os = audit.agent?.os;
  return {
    auditId: audit.auditId,
    schemaVersion: audit.schemaVersion,
    startedAt: audit.startedAt,
    finishedAt: audit.finishedAt,
    status: audit.status,
    scope: {
      targets: audit.scope.targets,
      excluded: audit.scope.excluded,
      autoDetected: audit.scope.autoDetected,
    },
    agentHost: audit.agent?.hostname,
    agentOs: os ? [os.distro ?? os.platform, os.release].filter(Boolean).join(" ") : undefined,
    privileged: audit.engagement.privileged ?? audit.agent?.privileges.admin,
    authorizedBy: audit.engagement.authorizedBy,
    maxPacketsPerSecond: audit.engagement.rate.maxPacketsPerSecond,
    probes: audit.engagement.probes.map((probe) => ({
      id: probe.id,
      status: probe.status,
      startedAt: probe.startedAt,
      finishedAt: probe.finishedAt,
    })),
    warnings: audit.warnings.map(
      (warning) => `${warning.source}: ${warning.message}${warning.host ? ` (${warning.host})` : ""}`,
    ),
    hostsScanned: audit.hosts.length,
  };
}

/** The environment and the rules may ask the same thing: keep the first per id and per answers field. */
function mergeQuestions<T extends { id: string; answersField?: string }>(...lists: T[][]): T[] {
  const seen = new Set<string>();
  const merged: T[] = [];
  for (const question of lists.flat()) {
    const keys = [`id:${question.id}`, ...(question.answersField ? [`field:${question.answersField}`] : [])];
    if (keys.some((key) => seen.has(key))) continue;
    for (const key of keys) seen.add(key);
    merged.push(question);
  }
  return merged;
}

const SEVERITY_ORDER = ["critical", "high", "medium", "low", "info"];
const STATUS_ORDER = ["open", "error", "accepted"];

function sortFindings(findings: Assessment["findings"]): Assessment["findings"] {
  return [...findings].sort(
    (a, b) =>
      STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      compareIds(a.id, b.id),
  );
}
