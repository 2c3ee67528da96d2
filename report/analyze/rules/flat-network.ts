import { defineRule } from "./define-rule.js";
import { derived } from "./rule-helpers.js";

/** Below this many devices, one network is normal and segmenting it costs more than it saves. */
export const FLAT_NETWORK_MIN_DEVICES = 15;

export default defineRule({
  meta: {
    id: "flat-network",
    title: "Everything shares one flat network",
    passTitle: "The network is segmented",
    category: "network",
    defaultSeverity: "low",
    impact:
      "Cameras, printers, guest phones and servers all talk to each other: one compromised gadget reaches the server holding the business's data.",
    recommendation:
      "Separate servers, staff PCs, phones and cameras, and guests into VLANs with firewall rules between them.",
    references: [
      "https://www.cisa.gov/sites/default/files/publications/layering-network-security-segmentation_infographic_508_0.pdf",
      "https://csrc.nist.gov/pubs/sp/800/41/r1/final",
    ],
    projectId: "network-segmentation",
  },
  evaluate(ctx) {
    const { network, counts } = ctx.environment;
    if (network.flat === "no") return { status: "pass" };
    if (network.flat === "unknown") return { status: "unknown" };
    if (counts.total < FLAT_NETWORK_MIN_DEVICES) return { status: "not-applicable" };
    return {
      status: "fail",
      hosts: [],
      evidence: [
        derived(
          "environment.network.segments",
          `${network.segments.length || 1} segment(s): ${network.segments.join(", ") || "one subnet"}; ${counts.total} devices`,
        ),
      ],
    };
  },
});
