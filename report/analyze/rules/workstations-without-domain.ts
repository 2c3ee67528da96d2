import type { Evidence } from "../../../schema/assessment.js";
import { defineRule } from "./define-rule.js";
import { deviceAt, failIfAny, isPrimaryRole, WORKSTATION_ROLES } from "./rule-helpers.js";

export default defineRule({
  meta: {
    id: "workstations-without-domain",
    title: "Some computers are not joined to the domain",
    passTitle: "Every Windows computer seen is joined to the domain",
    category: "identity",
    defaultSeverity: "medium",
    impact:
      "Computers outside the domain get none of its policies, updates or account controls, and keep local passwords nobody manages.",
    recommendation:
      "Join these computers to the domain (or retire them) so they get the same policies as the rest.",
    references: [
      "https://learn.microsoft.com/en-us/windows-server/identity/ad-ds/get-started/virtual-dc/active-directory-domain-services-overview",
    ],
    projectId: "domain-migration",
  },
  evaluate(ctx) {
    const { directory } = ctx.environment;
    if (directory.kind !== "domain") return { status: "not-applicable" };
    const evidence: Evidence[] = [];
    ctx.audit.directory.workgroups.forEach((workgroup, index) => {
      for (const ip of workgroup.hosts) {
        if (!isPrimaryRole(deviceAt(ctx, ip), WORKSTATION_ROLES)) continue;
        evidence.push({
          host: ip,
          fact: `directory.workgroups[${index}].hosts`,
          observed:
            `member of workgroup ${workgroup.name}, not of domain ${directory.name ?? directory.netbiosName ?? ""}`.trim(),
          source: "scan",
        });
      }
    });
    return failIfAny(evidence);
  },
});
