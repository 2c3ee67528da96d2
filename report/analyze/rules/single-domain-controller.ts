import { defineRule } from "./define-rule.js";
import { derived } from "./rule-helpers.js";

export default defineRule({
  meta: {
    id: "single-domain-controller",
    title: "The domain has only one domain controller",
    passTitle: "The domain has more than one domain controller",
    category: "identity",
    defaultSeverity: "medium",
    impact:
      "When that one server fails, nobody can log in, open shared files or print until it is rebuilt, and rebuilding a lost domain takes days.",
    recommendation:
      "Add a second domain controller (a small VM on a different host is enough) and back up the system state of the first.",
    references: [
      "https://learn.microsoft.com/en-us/windows-server/identity/ad-ds/plan/planning-domain-controller-placement",
    ],
    projectId: "second-domain-controller",
  },
  evaluate(ctx) {
    const { directory } = ctx.environment;
    if (directory.kind !== "domain") return { status: "not-applicable" };
    const controllers = directory.controllers;
    if (controllers.length === 0) return { status: "unknown" };
    if (controllers.length > 1) return { status: "pass" };
    const only = controllers[0]!;
    return {
      status: "fail",
      hosts: [only.ip],
      evidence: [
        ...directory.evidence,
        derived("environment.directory.controllers", `1 controller: ${only.name ?? only.ip} (${only.ip})`),
      ],
    };
  },
});
