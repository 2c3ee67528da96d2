import type { Evidence } from "../../../schema/assessment.js";
import { defineRule } from "./define-rule.js";
import { cap, failIfAny, hostPath, servicePath } from "./rule-helpers.js";

export default defineRule({
  meta: {
    id: "snmp-default-community",
    title: 'SNMP answers to the default community "public"',
    passTitle: "No device answers SNMP with a default community",
    category: "network",
    defaultSeverity: "medium",
    impact:
      "Anyone on the network can read the device's configuration details, and on some devices change them, with a password printed in every manual.",
    recommendation:
      "Change the SNMP community on these devices to a long random string, or better move to SNMPv3 with authentication, and allow SNMP only from the monitoring server.",
    references: [
      "https://www.cisa.gov/news-events/alerts/2017/06/05/reducing-risk-snmp-abuse",
      "https://www.cisa.gov/news-events/news/securing-network-infrastructure-devices",
    ],
  },
  evaluate(ctx) {
    const evidence: Evidence[] = [];
    for (const host of ctx.audit.hosts) {
      // The agent tries its communities in order and records only the position of the one that
      // answered; position 0 is "public" unless the consultant configured another list.
      if (host.snmp?.communityIndex === 0) {
        evidence.push({
          host: host.ip,
          fact: `${hostPath(host)}.snmp.communityIndex`,
          observed: '0 (the first community tried: "public" by default)',
          source: "scan",
          note: host.snmp.sysDescr ? cap(host.snmp.sysDescr, 120) : undefined,
        });
        continue;
      }
      // nmap's snmp-* scripts query with "public" unless told otherwise.
      const snmp = host.services.find(
        (service) =>
          service.port === 161 &&
          service.protocol === "udp" &&
          service.state === "open" &&
          service.scripts["snmp-info"],
      );
      if (snmp) {
        evidence.push({
          host: host.ip,
          fact: `${servicePath(host, snmp)}.scripts.snmp-info`,
          observed: cap(snmp.scripts["snmp-info"]?.output ?? ""),
          source: "scan",
          note: 'nmap\'s SNMP scripts read it with the community "public"',
        });
      }
    }
    return failIfAny(evidence);
  },
});
