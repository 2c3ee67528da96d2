import type { Evidence } from "../../../schema/assessment.js";
import { defineRule } from "./define-rule.js";
import { deviceAt, isPrimaryRole, SERVER_ROLES, uniqueHosts } from "./rule-helpers.js";

export default defineRule({
  meta: {
    id: "eol-os",
    title: "Computers run an operating system past its end of life",
    passTitle: "No operating system past its end of life",
    category: "patching",
    defaultSeverity: "high",
    impact:
      "The vendor no longer fixes security holes in these systems: every new flaw stays open for good, and cyber-insurers and auditors treat them as a red flag.",
    recommendation:
      "Upgrade or replace these machines; until then isolate them from the rest of the network and from the internet.",
    references: [
      "https://learn.microsoft.com/en-us/lifecycle/products/windows-10-home-and-pro",
      "https://csrc.nist.gov/pubs/sp/800/40/r4/final",
    ],
    projectId: "os-upgrades",
  },
  evaluate(ctx) {
    const eol = ctx.environment.osCurrency.endOfLife;
    if (eol.length === 0) return { status: "pass" };
    const evidence: Evidence[] = eol.map((entry) => ({
      host: entry.ip,
      fact: "environment.osCurrency.endOfLife",
      observed: `${entry.os} (support ended ${entry.endOfLife})`,
      source: "derived",
      note: entry.name,
    }));
    // An unsupported server holds everyone's data: worse than one old PC.
    const serverAffected = eol.some((entry) => isPrimaryRole(deviceAt(ctx, entry.ip), SERVER_ROLES));
    return {
      status: "fail",
      hosts: uniqueHosts(evidence),
      evidence,
      ...(serverAffected ? { severity: "critical" as const } : {}),
    };
  },
});
