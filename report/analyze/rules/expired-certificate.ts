import type { Evidence } from "../../../schema/assessment.js";
import { defineRule } from "./define-rule.js";
import { daysBetween, failIfAny, hostPath } from "./rule-helpers.js";

export default defineRule({
  meta: {
    id: "expired-certificate",
    title: "A certificate has expired",
    passTitle: "No expired certificate found",
    category: "operations",
    defaultSeverity: "medium",
    impact:
      "Staff learn to click through browser warnings, which is exactly what an attacker impersonating the device needs; some software stops connecting altogether.",
    recommendation: "Renew these certificates and track their expiry dates in the monitoring system.",
    references: [
      "https://csrc.nist.gov/pubs/sp/1800/16/final",
      "https://csrc.nist.gov/pubs/sp/800/52/r2/final",
    ],
    projectId: "certificate-renewal",
  },
  evaluate(ctx) {
    const evidence: Evidence[] = [];
    for (let h = 0; h < ctx.audit.hosts.length; h++) {
      const host = ctx.audit.hosts[h]!;
      for (let index = 0; index < host.tls.length; index++) {
        const cert = host.tls[index]!;
        if (!cert.notAfter) continue;
        const notAfter = new Date(cert.notAfter);
        if (Number.isNaN(notAfter.getTime()) || notAfter >= ctx.asOf) continue;
        evidence.push({
          host: host.ip,
          fact: `${hostPath(host)}.tls[${index}].notAfter`,
          observed: `${cert.notAfter} (port ${cert.port}, expired ${daysBetween(notAfter, ctx.asOf)} days before the audit)`,
          source: "scan",
          note: cert.subject,
        });
      }
    }
    return failIfAny(evidence);
  },
});
