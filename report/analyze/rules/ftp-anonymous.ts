import type { Evidence } from "../../../schema/assessment.js";
import { defineRule } from "./define-rule.js";
import { cap, failIfAny, servicePath } from "./rule-helpers.js";

export default defineRule({
  meta: {
    id: "ftp-anonymous",
    title: "FTP allows anonymous login",
    passTitle: "No FTP server accepts anonymous logins",
    category: "security",
    defaultSeverity: "high",
    impact: "Anyone on the network can read, and often write, these files without a password.",
    recommendation: "Disable anonymous FTP access and require named accounts, or turn the FTP service off.",
    references: [
      "https://nmap.org/nsedoc/scripts/ftp-anon.html",
      "https://csrc.nist.gov/pubs/sp/800/123/final",
    ],
    projectId: "legacy-protocol-cleanup",
  },
  evaluate(ctx) {
    const evidence: Evidence[] = [];
    // Indexed loops: every service of the audit, interpreted, where each for…of step allocates.
    for (let h = 0; h < ctx.audit.hosts.length; h++) {
      const host = ctx.audit.hosts[h]!;
      for (let s = 0; s < host.services.length; s++) {
        const service = host.services[s]!;
        const script = service.scripts["ftp-anon"];
        if (script && /anonymous ftp login allowed/i.test(script.output)) {
          evidence.push({
            host: host.ip,
            fact: `${servicePath(host, service)}.scripts.ftp-anon`,
            observed: cap(script.output),
            source: "scan",
          });
        }
      }
    }
    return failIfAny(evidence);
  },
});
