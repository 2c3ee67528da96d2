import type { Finding, Project } from "../../../schema/assessment.js";
import { type Pricing, projectPrice } from "../../../schema/pricing.js";
import { compareIds } from "../compare-ids.js";
import type { Rule } from "../rules/define-rule.js";

/**
 * One-time projects from open findings: each rule may name the project that fixes it; findings
 * sharing a project make one project whose per-host part counts every host they name.
 * `fallbackHosts` prices per-host projects whose findings name no host (e.g. "no endpoint
 * protection" covers every seat and server).
 */
export function projectsFromFindings(
  findings: readonly Finding[],
  rules: readonly Rule[],
  pricing: Pricing,
  fallbackHosts: number,
): Project[] {
  const projectOf = new Map(rules.map((rule) => [rule.meta.id, rule.meta.projectId]));
  const grouped = new Map<string, { findings: string[]; hosts: Set<string> }>();
  for (const finding of findings) {
    if (finding.status !== "open") continue;
    const projectId = projectOf.get(finding.id);
    if (!projectId) continue;
    const group = grouped.get(projectId) ?? { findings: [], hosts: new Set<string>() };
    group.findings.push(finding.id);
    for (const host of finding.hosts) group.hosts.add(host);
    grouped.set(projectId, group);
  }
  const projects: Project[] = [];
  for (const [id, group] of grouped) {
    const price = projectPrice(pricing, id);
    if (!price) continue;
    const perHost = price.perHostLow > 0 || price.perHostHigh > 0;
    const hosts = group.hosts.size > 0 ? group.hosts.size : fallbackHosts;
    const quantity = perHost ? hosts : 0;
    const description = perHost
      ? `${price.description} (${quantity} host${quantity === 1 ? "" : "s"})`.trim()
      : price.description;
    projects.push({
      id,
      title: price.title,
      description,
      low: price.low + quantity * price.perHostLow,
      high: price.high + quantity * price.perHostHigh,
      findings: group.findings,
    });
  }
  return projects.sort((a, b) => b.high - a.high || compareIds(a.id, b.id));
}
