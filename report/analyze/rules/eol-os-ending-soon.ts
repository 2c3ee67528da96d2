import type { Evidence } from "../../../schema/assessment.js";
import { defineRule } from "./define-rule.js";
import { uniqueHosts } from "./rule-helpers.js";

export default defineRule({
  meta: {
    id: "eol-os-ending-soon",
    title: "Operating systems reach their end of life soon",
    passTitle: "No operating system reaches its end of life soon",
    category: "patching",
    defaultSeverity: "low",
    impact: "These machines stop getting security fixes soon; upgrading them takes budget and planning.",
    recommendation:
      "Budget and schedule the upgrade or replacement of these machines before the end-of-life date.",
    references: [
      "https://learn.microsoft.com/en-us/lifecycle/products/windows-server-2016",
      "https://csrc.nist.gov/pubs/sp/800/40/r4/final",
    ],
    projectId: "os-upgrades",
  },
  evaluate(ctx) {
    const soon = ctx.environment.osCurrency.endingSoon;
    if (soon.length === 0) return { status: "pass" };
    const evidence: Evidence[] = soon.map((entry) => ({
      host: entry.ip,
      fact: "environment.osCurrency.endingSoon",
      observed: `${entry.os} (support ends ${entry.endOfLife})`,
      source: "derived",
      note: entry.name,
    }));
    return { status: "fail", hosts: uniqueHosts(evidence), evidence };
  },
});
