import type { Evidence } from "../../../schema/assessment.js";
import { defineRule } from "./define-rule.js";
import { failIfAny } from "./rule-helpers.js";

/** Loss above these percentages breaks calls and video and slows every download. */
export const GATEWAY_LOSS_LIMIT_PERCENT = 1;
export const INTERNET_LOSS_LIMIT_PERCENT = 2;

export default defineRule({
  meta: {
    id: "wan-packet-loss",
    title: "Packets are being lost on the way out",
    passTitle: "No packet loss to the gateway or internet",
    category: "network",
    defaultSeverity: "medium",
    impact:
      "Calls drop, video freezes and cloud apps time out; a failing cable, switch or line often shows this way first.",
    recommendation:
      "Find where the loss starts (cabling, switch port, gateway, ISP line) and fix it; ask the ISP for a line test.",
    references: [
      "https://www.itu.int/rec/T-REC-G.1010",
      "https://learn.microsoft.com/en-us/microsoft-365/enterprise/microsoft-365-network-connectivity-principles",
    ],
  },
  evaluate(ctx) {
    const { gateway, wan } = ctx.audit.network;
    if (!gateway && wan.length === 0) return { status: "not-applicable" };
    const evidence: Evidence[] = [];
    if (gateway && gateway.lossPercent > GATEWAY_LOSS_LIMIT_PERCENT) {
      evidence.push({
        host: gateway.target,
        fact: "network.gateway.lossPercent",
        observed: `${gateway.lossPercent}% lost (${gateway.received}/${gateway.sent} replies) to the gateway`,
        source: "scan",
      });
    }
    wan.forEach((stats, index) => {
      if (stats.lossPercent > INTERNET_LOSS_LIMIT_PERCENT) {
        evidence.push({
          fact: `network.wan[${index}].lossPercent`,
          observed: `${stats.lossPercent}% lost (${stats.received}/${stats.sent} replies) to ${stats.target}`,
          source: "scan",
        });
      }
    });
    return failIfAny(evidence);
  },
});
