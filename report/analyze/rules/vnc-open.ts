import type { Evidence } from "../../../schema/assessment.js";
import { defineRule } from "./define-rule.js";
import { cap, openServices, servicePath, serviceEvidence, uniqueHosts } from "./rule-helpers.js";

export default defineRule({
  meta: {
    id: "vnc-open",
    title: "VNC remote control is open",
    passTitle: "No host offers VNC",
    category: "security",
    defaultSeverity: "medium",
    impact:
      "VNC gives full control of the screen, often with a short password or none; its traffic is usually unencrypted.",
    recommendation:
      "Remove VNC or restrict it to the support team's addresses, set a strong password, and prefer a managed remote-support tool with MFA.",
    references: [
      "https://nmap.org/nsedoc/scripts/vnc-info.html",
      "https://www.cisa.gov/stopransomware/ransomware-guide",
    ],
    projectId: "legacy-protocol-cleanup",
  },
  evaluate(ctx) {
    const hits = openServices(
      ctx,
      (service) =>
        service.protocol === "tcp" &&
        ((service.name ?? "").startsWith("vnc") || (service.port >= 5900 && service.port <= 5903)),
    );
    if (hits.length === 0) return { status: "pass" };
    const evidence: Evidence[] = [];
    let noAuth = false;
    for (const hit of hits) {
      evidence.push(serviceEvidence(hit));
      const info = hit.service.scripts["vnc-info"];
      if (info && /security types:[\s\S]*\bNone\b/i.test(info.output)) {
        noAuth = true;
        evidence.push({
          host: hit.host.ip,
          fact: `${servicePath(hit.host, hit.service)}.scripts.vnc-info`,
          observed: cap(info.output),
          source: "scan",
          note: "VNC accepts connections without a password",
        });
      }
    }
    return {
      status: "fail",
      hosts: uniqueHosts(evidence),
      evidence,
      ...(noAuth ? { severity: "critical" as const } : {}),
    };
  },
});
