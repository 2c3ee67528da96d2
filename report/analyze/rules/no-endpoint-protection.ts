import { defineRule } from "./define-rule.js";
import { derived, fromAnswers } from "./rule-helpers.js";

export default defineRule({
  meta: {
    id: "no-endpoint-protection",
    title: "No managed antivirus or endpoint protection was found",
    passTitle: "Endpoint protection is in place",
    category: "security",
    defaultSeverity: "high",
    impact:
      "Without centrally managed protection, nobody knows whether each PC's antivirus is on, up to date, or has caught something.",
    recommendation:
      "Deploy a managed endpoint protection (EDR) product on every PC and server, with alerts going to the IT provider.",
    references: [
      "https://csrc.nist.gov/pubs/sp/800/83/r1/final",
      "https://learn.microsoft.com/en-us/defender-business/mdb-overview",
    ],
    projectId: "endpoint-protection-rollout",
  },
  evaluate(ctx) {
    const protection = ctx.environment.endpointProtection;
    if (protection.status === "yes") return { status: "pass" };
    if (protection.status === "unknown") {
      return {
        status: "unknown",
        question: {
          id: "antivirus",
          topic: "security",
          question: "Which antivirus or endpoint protection runs on the PCs, and does anyone get its alerts?",
          why: "Most PCs show nothing of their antivirus to a network scan; a product nobody watches catches little.",
          answersField: "antivirus",
        },
      };
    }
    const evidence = [...protection.evidence, derived("environment.endpointProtection.status", "no")];
    if (ctx.answers.antivirus?.managed === false) evidence.push(fromAnswers("antivirus.managed", false));
    return { status: "fail", hosts: [], evidence };
  },
});
