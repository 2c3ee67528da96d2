import { defineRule } from "./define-rule.js";
import { failIfAny, namedOrOnPort, openServices, serviceEvidence } from "./rule-helpers.js";

export default defineRule({
  meta: {
    id: "pptp-vpn",
    title: "A PPTP VPN is in use",
    passTitle: "No PPTP VPN endpoint found",
    category: "perimeter",
    defaultSeverity: "high",
    impact:
      "PPTP's MS-CHAPv2 login can be cracked offline: remote-access passwords, and the traffic they protect, are not safe.",
    recommendation:
      "Replace PPTP with a modern VPN (IKEv2, WireGuard, or the firewall vendor's SSL VPN with MFA).",
    references: [
      "https://learn.microsoft.com/en-us/security-updates/securityadvisories/2012/2743314",
      "https://csrc.nist.gov/pubs/sp/800/77/r1/final",
    ],
    projectId: "firewall-replacement",
  },
  evaluate(ctx) {
    return failIfAny(openServices(ctx, namedOrOnPort(["pptp"], [1723])).map((hit) => serviceEvidence(hit)));
  },
});
