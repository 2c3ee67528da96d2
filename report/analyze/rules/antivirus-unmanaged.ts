import { defineRule } from "./define-rule.js";
import { fromAnswers } from "./rule-helpers.js";

export default defineRule({
  meta: {
    id: "antivirus-unmanaged",
    title: "Antivirus runs on each PC with nobody watching it",
    passTitle: "Endpoint protection is centrally managed",
    category: "security",
    defaultSeverity: "medium",
    impact:
      "Each PC's antivirus decides alone: when it is switched off, out of date or finds something, nobody hears about it until the damage is done.",
    recommendation:
      "Manage the endpoint protection from one console (e.g. Microsoft Defender for Business, or the MSP's EDR) with alerts going to the IT provider.",
    references: [
      "https://learn.microsoft.com/en-us/defender-business/mdb-overview",
      "https://csrc.nist.gov/pubs/sp/800/83/r1/final",
    ],
    projectId: "endpoint-protection-rollout",
  },
  evaluate(ctx) {
    if (ctx.environment.endpointProtection.status === "no") return { status: "not-applicable" };
    const managed = ctx.answers.antivirus?.managed;
    if (managed === undefined) return { status: "unknown" };
    if (managed) return { status: "pass" };
    const product = ctx.answers.antivirus?.product;
    return {
      status: "fail",
      hosts: [],
      evidence: [fromAnswers("antivirus.managed", false, product ? `product: ${product}` : undefined)],
    };
  },
});
