import type { Evidence, Finding, ScorePart, Severity } from "../../../schema/assessment.js";
import { compareIds } from "../compare-ids.js";
import {
  CATEGORY_CAP,
  HOST_FACTOR_MAX,
  HOST_STEP,
  OTHER_CATEGORY_SHARE,
  SEVERITY_FLOOR,
  SEVERITY_POINTS,
} from "./weights.js";

export interface Score {
  score: number;
  parts: ScorePart[];
}

/** Points for one open finding: its severity, grown (with diminishing returns) by its host count. */
export function findingPoints(finding: Pick<Finding, "severity" | "hosts">): number {
  const extraHosts = Math.max(0, finding.hosts.length - 1);
  const factor = Math.min(HOST_FACTOR_MAX, 1 + HOST_STEP * extraHosts);
  return SEVERITY_POINTS[finding.severity] * factor;
}

/** Risk 0–100 from open findings only (accepted and errored ones leave the score). See weights.ts. */
export function scoreRisk(findings: readonly Finding[]): Score {
  const open = findings.filter((finding) => finding.status === "open");
  const byCategory = new Map<string, Finding[]>();
  for (const finding of open) {
    const list = byCategory.get(finding.category) ?? [];
    list.push(finding);
    byCategory.set(finding.category, list);
  }
  const categories = [...byCategory.entries()]
    .map(([category, list]) => {
      const raw = list.reduce((sum, finding) => sum + findingPoints(finding), 0);
      return { category, list, raw, capped: Math.min(CATEGORY_CAP, raw) };
    })
    .sort((a, b) => b.capped - a.capped || compareIds(a.category, b.category));

  const parts: ScorePart[] = categories.map((entry, index) => {
    const share = index === 0 ? 1 : OTHER_CATEGORY_SHARE;
    const capNote = entry.raw > CATEGORY_CAP ? `, capped at ${CATEGORY_CAP} from ${round(entry.raw)}` : "";
    return {
      factor: `risk: ${entry.category}`,
      points: round(entry.capped * share),
      max: round(CATEGORY_CAP * share),
      evidence: entry.list.map(findingEvidence),
      note:
        index === 0
          ? `worst category, counted in full${capNote}`
          : `counted at ${OTHER_CATEGORY_SHARE * 100}% (not the worst category)${capNote}`,
    };
  });

  let total = parts.reduce((sum, part) => sum + part.points, 0);
  const worst = worstSeverity(open);
  if (worst && SEVERITY_FLOOR[worst] > total) {
    const floorFinding = open.find((finding) => finding.severity === worst)!;
    parts.push({
      factor: "risk: worst finding floor",
      points: round(SEVERITY_FLOOR[worst] - total),
      max: SEVERITY_FLOOR[worst],
      evidence: [findingEvidence(floorFinding)],
      note: `an open ${worst} finding keeps the risk at ${SEVERITY_FLOOR[worst]} or more`,
    });
    total = SEVERITY_FLOOR[worst];
  }
  if (total > 100) {
    parts.push({
      factor: "risk: capped at 100",
      points: round(100 - total),
      max: 0,
      evidence: [],
      note: "the scale ends at 100",
    });
    total = 100;
  }
  return { score: Math.round(Math.max(0, total)), parts };
}

function worstSeverity(findings: readonly Finding[]): Severity | undefined {
  const order: Severity[] = ["critical", "high", "medium", "low", "info"];
  return order.find((severity) => findings.some((finding) => finding.severity === severity));
}

function findingEvidence(finding: Finding): Evidence {
  const hosts = finding.hosts.length;
  return {
    fact: `findings[id=${finding.id}]`,
    observed: `${finding.severity}${hosts > 0 ? ` on ${hosts} host${hosts > 1 ? "s" : ""}` : ""}: ${round(findingPoints(finding))} points`,
    source: "derived",
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
