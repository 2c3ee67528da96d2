import type { Evidence } from "../../../schema/assessment.js";
import { defineRule } from "./define-rule.js";
import { cap, deviceAt, failIfAny, hasRole, hostPath, INFRASTRUCTURE_ROLES } from "./rule-helpers.js";

export default defineRule({
  meta: {
    id: "self-signed-admin-certificate",
    title: "Admin pages use self-signed certificates",
    passTitle: "Admin pages use trusted certificates",
    category: "operations",
    defaultSeverity: "low",
    impact:
      "With a self-signed certificate the browser cannot tell the real firewall or NAS from an impostor, so administrators get used to ignoring warnings.",
    recommendation:
      "Install certificates from the company's internal CA or a public CA on the admin interfaces of network devices, or reach them only from a management network.",
    references: [
      "https://csrc.nist.gov/pubs/sp/1800/16/final",
      "https://csrc.nist.gov/pubs/sp/800/52/r2/final",
    ],
  },
  evaluate(ctx) {
    const evidence: Evidence[] = [];
    for (let h = 0; h < ctx.audit.hosts.length; h++) {
      const host = ctx.audit.hosts[h]!;
      // Hosts without certificates first: the device look-up is the dearer test.
      if (host.tls.length === 0 || !hasRole(deviceAt(ctx, host.ip), INFRASTRUCTURE_ROLES)) continue;
      for (let index = 0; index < host.tls.length; index++) {
        const cert = host.tls[index]!;
        if (cert.selfSigned !== true) continue;
        evidence.push({
          host: host.ip,
          fact: `${hostPath(host)}.tls[${index}].selfSigned`,
          observed: cap(`true (port ${cert.port}, subject ${cert.subject ?? "?"})`),
          source: "scan",
        });
      }
    }
    return failIfAny(evidence);
  },
});
