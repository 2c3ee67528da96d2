import type { Evidence } from "../../../schema/assessment.js";
import { defineRule } from "./define-rule.js";
import { failIfAny } from "./rule-helpers.js";

/** Round-trip averages above these make cloud apps and calls feel slow. */
export const GATEWAY_LATENCY_LIMIT_MS = 20;
export const INTERNET_LATENCY_LIMIT_MS = 100;

export default defineRule({
  meta: {
    id: "wan-latency-high",
    title: "Network latency is high",
    passTitle: "Network latency is normal",
    category: "network",
    defaultSeverity: "low",
    impact:
      "Cloud applications, Microsoft 365 and phone calls feel slow and choppy; staff lose time every day.",
    recommendation:
      "Check the gateway's load and the internet line (speed test at quiet and busy times); consider a better line or a second ISP.",
    references: [
      "https://www.itu.int/rec/T-REC-G.114",
      "https://learn.microsoft.com/en-us/microsoft-365/enterprise/microsoft-365-network-connectivity-principles",
    ],
  },
  evaluate(ctx) {
    const { gateway, wan } = ctx.audit.network;
    if (!gateway && wan.length === 0) return { status: "not-applicable" };
    const evidence: Evidence[] = [];
    if (gateway?.avgMs !== undefined && gateway.avgMs > GATEWAY_LATENCY_LIMIT_MS) {
      evidence.push({
        host: gateway.target,
        fact: "network.gateway.avgMs",
        observed: `${gateway.avgMs} ms average to the gateway`,
        source: "scan",
      });
    }
    wan.forEach((stats, index) => {
      if (stats.avgMs !== undefined && stats.avgMs > INTERNET_LATENCY_LIMIT_MS) {
        evidence.push({
          fact: `network.wan[${index}].avgMs`,
          observed: `${stats.avgMs} ms average to ${stats.target}`,
          source: "scan",
        });
      }
    });
    return failIfAny(evidence);
  },
});
