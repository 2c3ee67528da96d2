import { defineRule } from "./define-rule.js";
import { failIfAny, namedOrOnPort, openServices, serviceEvidence } from "./rule-helpers.js";

export default defineRule({
  meta: {
    id: "tftp-open",
    title: "TFTP is open",
    passTitle: "No host offers TFTP",
    category: "security",
    defaultSeverity: "medium",
    impact:
      "TFTP has no password at all: device configurations and firmware it serves can be downloaded, or replaced, by anyone on the network.",
    recommendation:
      "Turn TFTP off when no phone or device provisioning needs it, or restrict it to the provisioning VLAN.",
    references: [
      "https://csrc.nist.gov/pubs/sp/800/123/final",
      "https://nmap.org/nsedoc/scripts/tftp-enum.html",
    ],
    projectId: "legacy-protocol-cleanup",
  },
  evaluate(ctx) {
    return failIfAny(
      openServices(ctx, namedOrOnPort(["tftp"], [69], "udp")).map((hit) => serviceEvidence(hit)),
    );
  },
});
