import type { AcceptedFinding } from "../../../schema/answers.js";
import type { Check, Evidence, Finding, Question, Severity } from "../../../schema/assessment.js";
import { SEVERITIES } from "../../../schema/assessment.js";
import type { Rule, RuleContext, RuleOutcome } from "./define-rule.js";
import { findingFingerprint } from "./fingerprint.js";
import type { Ruleset } from "./ruleset.js";

export interface RuleRun {
  findings: Finding[];
  checks: Check[];
  questions: Question[];
  /** e.g. an accepted exception in answers.yaml that matched nothing. */
  warnings: string[];
}

/**
 * Runs every enabled rule, isolating each: a rule that throws becomes an `error` finding and
 * check, never a crash. Severity: the ruleset's, when it changes the default; otherwise the
 * rule's default, raised when the rule reports a worse case.
 */
export function runRules(rules: readonly Rule[], ctx: RuleContext, ruleset: Ruleset): RuleRun {
  const run: RuleRun = { findings: [], checks: [], questions: [], warnings: [] };
  for (const rule of rules) {
    const { meta } = rule;
    const entry = ruleset[meta.id];
    if (entry && entry.enabled === false) continue;
    let outcome: RuleOutcome;
    try {
      outcome = rule.evaluate(ctx);
    } catch (error) {
      const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
      run.checks.push({ id: meta.id, title: meta.title, category: meta.category, status: "error" });
      run.findings.push({
        ...findingBase(rule, entry?.severity ?? meta.defaultSeverity),
        status: "error",
        hosts: [],
        evidence: [],
        errorMessage: `the rule failed: ${message}`,
      });
      continue;
    }
    const title = outcome.status === "fail" ? meta.title : (meta.passTitle ?? meta.title);
    run.checks.push({ id: meta.id, title, category: meta.category, status: outcome.status });
    if (outcome.status === "unknown" && outcome.question) run.questions.push(outcome.question);
    if (outcome.status !== "fail") continue;
    const severity = chooseSeverity(meta.defaultSeverity, entry?.severity, outcome.severity);
    const finding: Finding = {
      ...findingBase(rule, severity),
      status: "open",
      hosts: outcome.hosts,
      evidence: outcome.evidence,
    };
    run.findings.push(...applyAccepted(finding, ctx.answers.accepted ?? []));
  }
  run.warnings.push(...unmatchedAcceptances(ctx.answers.accepted ?? [], run.findings));
  for (const finding of run.findings) finding.fingerprint = findingFingerprint(finding.id, finding.hosts);
  return run;
}

export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}

function chooseSeverity(
  byDefault: Severity,
  configured: Severity | undefined,
  raised: Severity | undefined,
): Severity {
  // A consultant who changed the severity in the ruleset gets exactly that.
  if (configured && configured !== byDefault) return configured;
  if (raised && severityRank(raised) > severityRank(byDefault)) return raised;
  return byDefault;
}

function findingBase(rule: Rule, severity: Severity) {
  const { meta } = rule;
  return {
    id: meta.id,
    severity,
    category: meta.category,
    title: meta.title,
    impact: meta.impact,
    recommendation: meta.recommendation,
    references: meta.references,
  };
}

/**
 * Exceptions from answers.yaml: an entry without host accepts the whole finding; entries with
 * hosts split it into the accepted hosts (listed, out of the score) and the rest (still open).
 */
function applyAccepted(finding: Finding, accepted: readonly AcceptedFinding[]): Finding[] {
  const mine = accepted.filter((entry) => entry.id === finding.id);
  if (mine.length === 0) return [finding];
  const whole = mine.find((entry) => entry.host === undefined);
  if (whole) return [{ ...finding, status: "accepted", acceptedReason: whole.reason }];
  const reasons = new Map<string, string>();
  for (const entry of mine) {
    if (entry.host && finding.hosts.includes(entry.host)) reasons.set(entry.host, entry.reason);
  }
  if (reasons.size === 0) return [finding];
  const acceptedHosts = finding.hosts.filter((host) => reasons.has(host));
  const openHosts = finding.hosts.filter((host) => !reasons.has(host));
  const evidenceFor = (hosts: string[]): Evidence[] => {
    const wanted = new Set(hosts);
    return finding.evidence.filter((item) => item.host === undefined || wanted.has(item.host));
  };
  const acceptedFinding: Finding = {
    ...finding,
    status: "accepted",
    hosts: acceptedHosts,
    evidence: evidenceFor(acceptedHosts),
    acceptedReason: [...new Set(acceptedHosts.map((host) => `${host}: ${reasons.get(host)}`))].join("; "),
  };
  if (openHosts.length === 0) return [acceptedFinding];
  return [{ ...finding, hosts: openHosts, evidence: evidenceFor(openHosts) }, acceptedFinding];
}

function unmatchedAcceptances(accepted: readonly AcceptedFinding[], findings: readonly Finding[]): string[] {
  const warnings: string[] = [];
  accepted.forEach((entry, index) => {
    const matched = findings.some(
      (finding) =>
        finding.id === entry.id &&
        finding.status === "accepted" &&
        (entry.host === undefined || finding.hosts.includes(entry.host)),
    );
    if (!matched) {
      const where = entry.host ? ` on ${entry.host}` : "";
      warnings.push(
        `answers accepted[${index}]: no finding ${entry.id}${where} in this audit; the exception was not used`,
      );
    }
  });
  return warnings;
}
