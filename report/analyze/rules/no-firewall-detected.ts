import { defineRule } from "./define-rule.js";
import { derived, fromAnswers } from "./rule-helpers.js";

export default defineRule({
  meta: {
    id: "no-firewall-detected",
    title: "No firewall was detected",
    passTitle: "A firewall protects the internet edge",
    category: "perimeter",
    defaultSeverity: "high",
    impact:
      "Without a firewall the office relies on the ISP's box to keep the internet out, with nobody watching or updating it.",
    recommendation:
      "Confirm what sits between the office and the internet; install a business firewall under a support subscription if there is none.",
    references: ["https://csrc.nist.gov/pubs/sp/800/41/r1/final", "https://www.cisa.gov/cyber-essentials"],
    projectId: "firewall-replacement",
  },
  evaluate(ctx) {
    if (ctx.environment.firewall.present) return { status: "pass" };
    if (ctx.answers.hasFirewall === "yes") return { status: "pass" };
    const evidence = [
      ...ctx.environment.firewall.evidence,
      derived(
        "environment.firewall.present",
        "false",
        "a firewall behind the ISP router may not be visible from the LAN",
      ),
    ];
    if (ctx.answers.hasFirewall === "no") evidence.push(fromAnswers("hasFirewall", "no"));
    const gateway = ctx.audit.agent?.gateway;
    return { status: "fail", hosts: gateway ? [gateway] : [], evidence };
  },
});
