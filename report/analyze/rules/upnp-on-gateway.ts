import type { Evidence } from "../../../schema/assessment.js";
import { defineRule } from "./define-rule.js";
import { cap, failIfAny, gatewayIps, hostPath, serviceEvidence } from "./rule-helpers.js";

export default defineRule({
  meta: {
    id: "upnp-on-gateway",
    title: "UPnP is enabled on the gateway",
    passTitle: "The gateway does not offer UPnP",
    category: "perimeter",
    defaultSeverity: "medium",
    impact:
      "UPnP lets any program on any PC, malware included, open holes in the firewall towards the internet without asking anyone.",
    recommendation:
      "Disable UPnP (and NAT-PMP) on the router or firewall; open the ports the office needs by hand.",
    references: [
      "https://www.cisa.gov/news-events/news/securing-network-infrastructure-devices",
      "https://csrc.nist.gov/pubs/sp/800/41/r1/final",
    ],
    projectId: "firewall-replacement",
  },
  evaluate(ctx) {
    const edges = gatewayIps(ctx);
    const evidence: Evidence[] = [];
    for (const host of ctx.audit.hosts) {
      if (!edges.has(host.ip)) continue;
      for (const service of host.services) {
        if (
          service.state === "open" &&
          (service.name === "upnp" || (service.port === 1900 && service.protocol === "udp"))
        ) {
          evidence.push(serviceEvidence({ host, service }, "UPnP answers on the gateway"));
        }
      }
      host.announcements.forEach((announcement, index) => {
        if (announcement.protocol !== "ssdp") return;
        evidence.push({
          host: host.ip,
          fact: `${hostPath(host)}.announcements[${index}]`,
          observed: cap(
            `ssdp ${announcement.name ?? ""} ${announcement.model ?? ""} ${announcement.services.join(", ")}`,
          ),
          source: "scan",
          note: "the gateway announces itself over SSDP (UPnP)",
        });
      });
    }
    return failIfAny(evidence);
  },
});
