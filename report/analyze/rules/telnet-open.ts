import { defineRule } from "./define-rule.js";
import { failIfAny, namedOrOnPort, openServices, serviceEvidence } from "./rule-helpers.js";

export default defineRule({
  meta: {
    id: "telnet-open",
    title: "Telnet is open",
    passTitle: "No host offers Telnet",
    category: "security",
    defaultSeverity: "high",
    impact:
      "Telnet sends passwords in clear text: anyone on the network can read the administrator password of the device as it is typed.",
    recommendation:
      "Disable Telnet on these devices and manage them over SSH or HTTPS; replace devices that cannot.",
    references: [
      "https://www.cisa.gov/news-events/news/securing-network-infrastructure-devices",
      "https://csrc.nist.gov/pubs/sp/800/123/final",
    ],
    projectId: "legacy-protocol-cleanup",
  },
  evaluate(ctx) {
    return failIfAny(openServices(ctx, namedOrOnPort(["telnet"], [23])).map((hit) => serviceEvidence(hit)));
  },
});
