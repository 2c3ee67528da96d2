import { defineRule } from "./define-rule.js";
import { derived } from "./rule-helpers.js";

export default defineRule({
  meta: {
    id: "consumer-firewall",
    title: "The internet edge is a consumer router, not a business firewall",
    passTitle: "The internet edge is a business-grade firewall",
    category: "perimeter",
    defaultSeverity: "high",
    impact:
      "A home router has no security subscriptions, no VPN with MFA, no logs worth the name and few firmware updates: it is the office's only wall against the internet.",
    recommendation:
      "Replace it with a business firewall (Fortinet, SonicWall, WatchGuard, Sophos, pfSense/OPNsense…) under a support subscription, configured and monitored by the IT provider.",
    references: ["https://csrc.nist.gov/pubs/sp/800/41/r1/final", "https://www.cisa.gov/cyber-essentials"],
    projectId: "firewall-replacement",
  },
  evaluate(ctx) {
    const { firewall } = ctx.environment;
    if (!firewall.present) return { status: "not-applicable" };
    if (firewall.grade === "business") return { status: "pass" };
    if (firewall.grade === "unknown") return { status: "unknown" };
    const summary = [firewall.vendor, firewall.model].filter(Boolean).join(" ") || "consumer-grade device";
    return {
      status: "fail",
      hosts: firewall.ip ? [firewall.ip] : [],
      evidence: [...firewall.evidence, derived("environment.firewall.grade", `consumer (${summary})`)],
    };
  },
});
